/** What the organiser's dashboard reads: the learners and the e-mails waiting or failed. */
export { countOutbox } from '../../notifications/outbox.service';
export { countLearners } from '../../learners/learners.service';

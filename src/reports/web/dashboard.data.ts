/** What the organiser's dashboard reads: the learners and the e-mails waiting or failed. */
export { countOutbox, type OutboxStatus } from '../../notifications/outbox.service';
export { countLearners } from '../reports.store';

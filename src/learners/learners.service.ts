/** What other areas use of the learners: find, create on first sight, search. */
export {
  findLearnerByEmail,
  findLearnerById,
  findLearnersByIds,
  type Learner,
  upsertLearner,
  updateLearnerIdentity,
  changeLearnerEmail,
  emptyLearnerRecord,
} from './learners.store';
export { type LearnerSearch, searchLearners } from './learners.query';
/** The cohort as reports and whole-programme evaluations read it. */
export { countLearners, learnerIdsAfter, listCohort, listOrganisations } from './cohort.store';

import type { AreaWeb } from '../../web/web.plugin';
import { learnersPages } from './learners.routes';
import { learnersText } from './learners.text';
import { learnerText } from './learner-file.text';

/** The organisers' learners: list, search, a learner's file, merges. */
export const learnersWeb: AreaWeb = {
  organiser: [learnersPages],
  texts: [learnersText, learnerText],
};

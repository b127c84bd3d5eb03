import type { AreaWeb } from '../../web/web.plugin';
import { pathwayPages } from './pathway.routes';
import { pathwayText } from './learner.text';

/** « Mon parcours »: a learner's progress towards each badge. */
export const badgesWeb: AreaWeb = {
  learner: [pathwayPages],
  texts: [pathwayText],
};

import type { AreaWeb } from '../../web/web.plugin';
import { endorsementsPages } from './endorsements.routes';
import { endorsementCardText, endorsementsPageText } from './endorsements.text';

/** The organiser's endorsements page (the public and learner cards are partials the credentials pages call). */
export const endorsementsWeb: AreaWeb = {
  organiser: [endorsementsPages],
  texts: [endorsementsPageText, endorsementCardText],
};

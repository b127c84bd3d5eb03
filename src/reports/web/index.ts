import type { AreaWeb } from '../../web/web.plugin';
import { dashboardPages } from './dashboard.routes';
import { progressPages } from './progress.routes';
import { dashboardText } from './dashboard.text';
import { progressText } from './progress.text';

/** The organisers' dashboard and the cohort's progress. */
export const reportsWeb: AreaWeb = {
  organiser: [dashboardPages, progressPages],
  texts: [dashboardText, progressText],
};

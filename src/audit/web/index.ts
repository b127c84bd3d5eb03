import type { AreaWeb } from '../../web/web.plugin';
import { auditPages } from './audit.routes';
import { auditText } from './audit.text';

/** The audit log, for organisers. */
export const auditWeb: AreaWeb = {
  organiser: [auditPages],
  texts: [auditText],
};

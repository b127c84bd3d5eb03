import type { AreaWeb } from '../../web/web.plugin';
import { outboxPages } from './outbox.routes';
import { outboxText } from './outbox.text';

/** The organisers' view of the e-mails sent and failed. */
export const notificationsWeb: AreaWeb = {
  organiser: [outboxPages],
  texts: [outboxText],
};

import type { AreaWeb } from '../../web/web.plugin';
import { reminderMailText } from '../reminders.text';
import { remindersPages } from './reminders.routes';
import { remindersText, unsubscribeText } from './reminders.text';
import { unsubscribePages } from './unsubscribe.routes';

/** « Relances » for organisers; the unsubscribe page for the learners a reminder reached. */
export const remindersWeb: AreaWeb = {
  public: [unsubscribePages],
  organiser: [remindersPages],
  texts: [remindersText, unsubscribeText, reminderMailText],
};

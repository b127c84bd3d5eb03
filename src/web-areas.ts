import type { AreaWeb } from './web/web.plugin';
import type { PageText } from './shared/text';
import { errorPageText, flashText, layoutText } from './web/layout.text';
import { credentialsWeb } from './credentials/web';
import { eventsWeb } from './events/web';
import { authWeb } from './auth/web';
import { badgesWeb } from './badges/web';
import { quizzesWeb } from './quizzes/web';
import { reportsWeb } from './reports/web';
import { attendanceWeb } from './attendance/web';
import { learnersWeb } from './learners/web';
import { notificationsWeb } from './notifications/web';
import { auditWeb } from './audit/web';
import { endorsementsWeb } from './endorsements/web';
import { walletWeb } from './wallet/web';
import { privacyWeb } from './privacy/web';
import { directoryWeb } from './directory/web';
import { ob3ApiWeb } from './ob3-api/web';
import { remindersWeb } from './reminders/web';

/**
 * Every area's web layer, in the order its pages are registered (the public credential page before
 * the catch-all 404): app.ts hands them to the page shell by scope.
 */
export const areaWebs: AreaWeb[] = [
  credentialsWeb,
  eventsWeb,
  authWeb,
  badgesWeb,
  quizzesWeb,
  reportsWeb,
  attendanceWeb,
  learnersWeb,
  notificationsWeb,
  auditWeb,
  endorsementsWeb,
  walletWeb,
  privacyWeb,
  directoryWeb,
  ob3ApiWeb,
  remindersWeb,
];

/** Every page dictionary: tests/pages/i18n.test.ts checks each has the same keys in fr and en, and that they differ. */
export const allTexts: PageText[] = [layoutText, flashText, errorPageText, ...areaWebs.flatMap((area) => area.texts)];

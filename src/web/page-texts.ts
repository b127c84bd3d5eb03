import type { PageText } from '../shared/text';
import { errorPageText, flashText, layoutText } from './layout.text';
import { homeText, programmeText } from '../events/web/public.text';
import { pathwayText } from '../badges/web/learner.text';
import { signInText } from '../auth/web/learner-sign-in.text';
import { organiserSignInText } from '../auth/web/organiser-sign-in.text';
import { eventsText } from '../events/web/events.text';
import { dashboardText } from '../reports/web/dashboard.text';
import { outboxText } from '../notifications/web/outbox.text';
import { auditText } from '../audit/web/audit.text';
import { importText } from '../attendance/web/import.text';
import { importMappingText } from '../attendance/web/import-mapping.text';
import { importResultText } from '../attendance/web/import-result.text';
import { learnersText } from '../learners/web/learners.text';
import { learnerText } from '../learners/web/learner-file.text';
import { progressText } from '../learners/web/progress.text';
import { quizText } from '../quizzes/web/quiz.text';
import { credentialCommonText, credentialText, myBadgesText, verifierText } from '../credentials/web/credentials.text';

/** Every page dictionary: a test checks each has the same keys in fr and en, and that they differ. */
export const allTexts: PageText[] = [
  layoutText,
  flashText,
  errorPageText,
  homeText,
  programmeText,
  signInText,
  pathwayText,
  quizText,
  myBadgesText,
  credentialCommonText,
  credentialText,
  verifierText,
  organiserSignInText,
  dashboardText,
  eventsText,
  outboxText,
  auditText,
  importText,
  importMappingText,
  importResultText,
  learnersText,
  learnerText,
  progressText,
];

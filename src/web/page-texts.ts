import type { PageText } from '../shared/text';
import { errorPageText, flashText, layoutText } from './layout.text';
import { homeText, programmeText } from '../events/web/public.text';
import { pathwayText, signInText } from '../badges/web/learner.text';
import { dashboardText, eventsText, organiserSignInText } from './organiser.text';
import { auditText, outboxText } from '../notifications/web/organiser-logs.text';
import { importText } from '../attendance/web/import.text';
import { importMappingText } from '../attendance/web/import-mapping.text';
import { learnerText, learnersText, progressText } from '../learners/web/learners.text';
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
  learnersText,
  learnerText,
  progressText,
];

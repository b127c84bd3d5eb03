import type { PageText } from '../text';
import { errorPageText, flashText, layoutText } from './layout.text';
import { homeText, programmeText } from './public.text';
import { pathwayText, signInText } from './learner.text';
import { dashboardText, eventsText, organiserSignInText } from './organiser.text';
import { auditText, outboxText } from './organiser-logs.text';
import { importText } from './import.text';
import { importMappingText } from './import-mapping.text';
import { learnerText, learnersText, progressText } from './learners.text';
import { quizText } from './quiz.text';
import { credentialCommonText, credentialText, myBadgesText, verifierText } from './credentials.text';

/** Every page dictionary: a test checks each has the same keys in fr and en, and that they differ. */
export const allTexts: PageText[] = [
  layoutText, flashText, errorPageText,
  homeText, programmeText,
  signInText, pathwayText, quizText, myBadgesText,
  credentialCommonText, credentialText, verifierText,
  organiserSignInText, dashboardText, eventsText, outboxText, auditText,
  importText, importMappingText, learnersText, learnerText, progressText,
];

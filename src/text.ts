import type { Lang, Params } from './shared/errors';
import { say, type Text } from './shared/text';
import { commonErrors } from './shared/common.text';
import { attendanceErrors } from './attendance/attendance.text';
import { importRowTexts } from './attendance/import-rows.text';
import { badgesErrors, ruleTexts } from './badges/badges.text';
import { answerErrors, quizzesErrors } from './quizzes/quizzes.text';
import { programmeErrors } from './programme/programme.text';
import { ob3Errors } from './ob3/ob3.text';
import { credentialsErrors } from './credentials/credentials.text';
import { endorsementsErrors } from './endorsements/endorsements.text';
import { endorsementChecks } from './ob3/endorsement.text';
import { walletErrors } from './wallet/wallet.text';
import { privacyErrors } from './privacy/privacy.text';
import { ob3ApiErrors } from './ob3-api/ob3-api.text';
import { remindersErrors } from './reminders/reminders.text';

/**
 * Every code the platform can answer with, one `definePairs` catalogue per area (tests/shared/errors.test.ts
 * checks each code has both languages): the errors plugin, the pages and the CLI render them by code.
 */
export const errorTexts: Text[] = [
  commonErrors,
  attendanceErrors,
  importRowTexts,
  ob3Errors,
  credentialsErrors,
  endorsementsErrors,
  endorsementChecks,
  walletErrors,
  ob3ApiErrors,
  badgesErrors,
  ruleTexts,
  programmeErrors,
  quizzesErrors,
  answerErrors,
  privacyErrors,
  remindersErrors,
];

const textOfCode = new Map<string, Text>();
for (const text of errorTexts) {
  for (const code of Object.keys(text.fr)) {
    if (textOfCode.has(code)) throw new Error(`error code declared twice: ${code}`);
    textOfCode.set(code, text);
  }
}

export function translate(code: string, params: Params = {}, lang: Lang = 'fr'): string {
  const text = textOfCode.get(code);
  return text ? say(text, lang, code, params) : code;
}

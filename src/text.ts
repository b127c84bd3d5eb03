import type { Lang, MessageCatalogue, Params } from './shared/errors';
import { commonMessages } from './shared/common.messages';
import { attendanceMessages } from './attendance/attendance.messages';
import { badgesMessages } from './badges/badges.messages';
import { quizzesMessages } from './quizzes/quizzes.messages';
import { attemptsMessages } from './quizzes/attempts.messages';
import { awardsMessages } from './badges/awards.messages';
import { credentialsMessages } from './ob3/credentials.messages';
import { issuerMessages } from './credentials/issuer.messages';

/** Every code the platform can answer with; a test checks each has both languages. */
export const catalogue: MessageCatalogue = {
  ...commonMessages,
  ...attendanceMessages,
  ...badgesMessages,
  ...quizzesMessages,
  ...attemptsMessages,
  ...awardsMessages,
  ...credentialsMessages,
  ...issuerMessages,
};

export function translate(code: string, params: Params = {}, lang: Lang = 'fr'): string {
  const message = catalogue[code];
  if (!message) return code;
  return message[lang](params);
}

import { defineMessages, type Lang, type Params } from '../shared/errors';

const when = (p: Params, lang: Lang) => {
  if (!p.opensAt) return undefined;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: lang === 'fr' ? 'short' : 'medium',
    timeStyle: 'short',
    timeZone: String(p.timezone ?? 'Europe/Paris'),
  }).format(new Date(String(p.opensAt)));
};

/** Questionnaire availability; answer checks are in quizzes.messages.ts. */
export const attemptsMessages = defineMessages({
  QUIZ_NOT_FOUND: {
    fr: (p) => `Questionnaire inconnu : « ${p.key} ».`,
    en: (p) => `Unknown questionnaire: "${p.key}".`,
  },
  QUIZ_CLOSED: {
    fr: (p) =>
      `Le questionnaire « ${p.quiz ?? p.key} » n’est pas encore ouvert : ${when(p, 'fr') ? `il ouvre au début de l’atelier, le ${when(p, 'fr')}` : 'l’atelier n’a pas encore de date'}.`,
    en: (p) =>
      `The questionnaire "${p.quizEn ?? p.quiz ?? p.key}" is not open yet: ${when(p, 'en') ? `it opens when the workshop starts, on ${when(p, 'en')}` : 'the workshop has no date yet'}.`,
  },
});

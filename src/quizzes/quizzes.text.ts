import { definePairs, type Lang, type Params } from '../shared/text';
import { formatOpening } from '../shared/format';

const when = (p: Params, lang: Lang) =>
  p.opensAt ? formatOpening(new Date(String(p.opensAt)), lang, String(p.timezone ?? 'Europe/Paris')) : undefined;

const TYPES_FR = ['liste de choix', 'texte', 'note de 1 à 5'];
const TYPES_EN = ['a list of choices', 'a text', 'a rating from 1 to 5'];
/** The answer type a question expects, in words. */
const expected = (p: Params, [choices, text, scale]: readonly string[]) =>
  p.expected === 'choices' ? choices : p.expected === 'text' ? text : scale;

/** Questionnaire availability; registered in src/text.ts. */
export const quizzesErrors = definePairs('quizzes-errors', {
  QUIZ_NOT_FOUND: {
    fr: (p) => `Questionnaire inconnu : « ${p.key} ».`,
    en: (p) => `Unknown questionnaire: "${p.key}".`,
  },
  QUIZ_CLOSED: {
    fr: (p) =>
      `Le questionnaire « ${p.quiz ?? p.key} » n’est pas encore ouvert : ${
        when(p, 'fr') ? `il ouvre au début de l’atelier, le ${when(p, 'fr')}` : 'l’atelier n’a pas encore de date'
      }.`,
    en: (p) =>
      `The questionnaire "${p.quizEn ?? p.quiz ?? p.key}" is not open yet: ${
        when(p, 'en') ? `it opens when the workshop starts, on ${when(p, 'en')}` : 'the workshop has no date yet'
      }.`,
  },
});

/** Answer checks name the question (and the choice) so the form can point at it; registered in src/text.ts. */
export const answerErrors = definePairs('quiz-answers', {
  QUIZ_ANSWERS_INVALID: {
    fr: (p) => `Réponses invalides (${p.count} erreur(s))${p.summary ? ` : ${p.summary}` : ''}`,
    en: (p) => `Invalid answers (${p.count} error(s))${p.summary ? `: ${p.summary}` : ''}`,
  },
  QUIZ_UNKNOWN_QUESTION: {
    fr: (p) => `Question ${p.questionId} : cette question n'existe pas dans le questionnaire`,
    en: (p) => `Question ${p.questionId}: no such question in this questionnaire`,
  },
  QUIZ_UNKNOWN_CHOICE: {
    fr: (p) => `Question ${p.questionId} : le choix « ${p.choiceId} » n'existe pas`,
    en: (p) => `Question ${p.questionId}: there is no choice “${p.choiceId}”`,
  },
  QUIZ_DUPLICATE_CHOICE: {
    fr: (p) => `Question ${p.questionId} : le choix « ${p.choiceId} » est donné deux fois`,
    en: (p) => `Question ${p.questionId}: choice “${p.choiceId}” is given twice`,
  },
  QUIZ_WRONG_ANSWER_TYPE: {
    fr: (p) => `Question ${p.questionId} : réponse attendue de type ${expected(p, TYPES_FR)}`,
    en: (p) => `Question ${p.questionId}: expected ${expected(p, TYPES_EN)}`,
  },
  QUIZ_TOO_MANY_CHOICES: {
    fr: (p) => `Question ${p.questionId} : un seul choix est possible`,
    en: (p) => `Question ${p.questionId}: only one choice is allowed`,
  },
  QUIZ_SCALE_OUT_OF_RANGE: {
    fr: (p) => `Question ${p.questionId} : la note doit être un entier de ${p.min} à ${p.max}`,
    en: (p) => `Question ${p.questionId}: the rating must be a whole number from ${p.min} to ${p.max}`,
  },
  QUIZ_TEXT_TOO_LONG: {
    fr: (p) => `Question ${p.questionId} : la réponse dépasse ${p.max} caractères`,
    en: (p) => `Question ${p.questionId}: the answer is longer than ${p.max} characters`,
  },
  QUIZ_ANSWER_REQUIRED: {
    fr: (p) => `Question ${p.questionId} : une réponse est obligatoire`,
    en: (p) => `Question ${p.questionId}: an answer is required`,
  },
});

export type AnswerErrorCode = keyof typeof answerErrors.fr;

import { defineMessages } from '../shared/errors';

/** Answer checks name the question (and the choice) so the form can point at it. */
export const quizzesMessages = defineMessages({
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
    fr: (p) =>
      `Question ${p.questionId} : réponse attendue de type ${p.expected === 'choices' ? 'liste de choix' : p.expected === 'text' ? 'texte' : 'note de 1 à 5'}`,
    en: (p) =>
      `Question ${p.questionId}: expected ${p.expected === 'choices' ? 'a list of choices' : p.expected === 'text' ? 'a text' : 'a rating from 1 to 5'}`,
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

export type QuizzesMessageCode = keyof typeof quizzesMessages;

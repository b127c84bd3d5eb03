import type { AreaWeb } from '../../web/web.plugin';
import { quizPages } from './quiz.routes';
import { quizText } from './quiz.text';

/** The questionnaires, as learners answer them. */
export const quizzesWeb: AreaWeb = {
  learner: [quizPages],
  texts: [quizText],
};

import { LANGS, say, type Lang, type Params } from '../shared/text';
import type { Localized } from '../programme/common.schemas';
import type { Question, Quiz } from '../programme/quiz.schemas';
import { answerErrors, type AnswerErrorCode } from './quizzes.text';

/** Choice ids for single/multiple, a string for text, 1–5 for scale. */
export type AnswerValue = string[] | string | number;
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface AnswerError {
  code: AnswerErrorCode;
  questionId: string;
  choiceId?: string;
  message: Localized;
}

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Cap for free text when the question sets none: a questionnaire is not a file store. */
export const DEFAULT_TEXT_MAX = 5000;

function error(code: AnswerErrorCode, params: Params & { questionId: string; choiceId?: string }): AnswerError {
  const [fr, en] = LANGS.map((lang) => say(answerErrors, lang, code, params));
  return {
    code,
    questionId: params.questionId,
    ...(params.choiceId === undefined ? {} : { choiceId: params.choiceId }),
    message: { fr: fr!, en: en! },
  };
}

/** Empty text and empty selections count as "no answer", as an untouched form field would. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function checkOne(q: Question, value: unknown): AnswerError[] {
  const questionId = q.id;
  if (q.type === 'text') {
    if (typeof value !== 'string') return [error('QUIZ_WRONG_ANSWER_TYPE', { questionId, expected: 'text' })];
    const max = q.maxLength ?? DEFAULT_TEXT_MAX;
    return value.length > max ? [error('QUIZ_TEXT_TOO_LONG', { questionId, max })] : [];
  }
  if (q.type === 'scale') {
    if (typeof value !== 'number') return [error('QUIZ_WRONG_ANSWER_TYPE', { questionId, expected: 'scale' })];
    const ok = Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX;
    return ok ? [] : [error('QUIZ_SCALE_OUT_OF_RANGE', { questionId, min: SCALE_MIN, max: SCALE_MAX })];
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return [error('QUIZ_WRONG_ANSWER_TYPE', { questionId, expected: 'choices' })];
  }
  const errors: AnswerError[] = [];
  const known = new Set(q.choices.map((c) => c.id));
  const seen = new Set<string>();
  for (const choiceId of value as string[]) {
    if (!known.has(choiceId)) errors.push(error('QUIZ_UNKNOWN_CHOICE', { questionId, choiceId }));
    else if (seen.has(choiceId)) errors.push(error('QUIZ_DUPLICATE_CHOICE', { questionId, choiceId }));
    seen.add(choiceId);
  }
  if (q.type === 'single' && value.length > 1) errors.push(error('QUIZ_TOO_MANY_CHOICES', { questionId }));
  return errors;
}

/**
 * Validates submitted answers against the quiz, in question order, unknown questions last.
 * `requireAll: false` is for saving a draft: missing required answers are then not errors.
 */
export function checkAnswers(
  quiz: Quiz,
  answers: Readonly<Record<string, unknown>>,
  options: { requireAll?: boolean } = {},
): AnswerError[] {
  const requireAll = options.requireAll ?? true;
  const errors: AnswerError[] = [];
  for (const q of quiz.questions) {
    const value = answers[q.id];
    if (!isAnswered(value)) {
      if (q.required && requireAll) errors.push(error('QUIZ_ANSWER_REQUIRED', { questionId: q.id }));
      continue;
    }
    errors.push(...checkOne(q, value));
  }
  const ids = new Set(quiz.questions.map((q) => q.id));
  for (const questionId of Object.keys(answers)) {
    if (!ids.has(questionId)) errors.push(error('QUIZ_UNKNOWN_QUESTION', { questionId }));
  }
  return errors;
}

export interface Correction {
  questionId: string;
  correct: boolean;
  expected: string[];
  points: number;
  awarded: number;
  explanation?: Localized;
}

export interface AttemptScore {
  score: number;
  maxScore: number;
  /** 0–100 with one decimal; null when the quiz has no scored question. */
  percent: number | null;
  /** Every required question has an answer: what "answered" means for badge rules. */
  complete: boolean;
  /** Against the quiz's informational passPercent; null when it has none or nothing is scored. */
  passed: boolean | null;
  corrections: Correction[];
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/**
 * Scores answers already accepted by checkAnswers. Multiple choice is all-or-nothing: the
 * selection must equal the correct set exactly. Partial credit would reward ticking every box
 * and makes the correction harder to explain; one clear rule is easier to defend to a learner.
 */
export function scoreAttempt(quiz: Quiz, answers: Answers): AttemptScore {
  let score = 0;
  let maxScore = 0;
  const corrections: Correction[] = [];
  for (const q of quiz.questions) {
    if ((q.type !== 'single' && q.type !== 'multiple') || q.points === undefined || !q.correct) continue;
    const given = answers[q.id];
    const chosen = new Set(Array.isArray(given) ? given : []);
    const expected = new Set(q.correct);
    const correct = chosen.size === expected.size && [...chosen].every((id) => expected.has(id));
    maxScore += q.points;
    if (correct) score += q.points;
    corrections.push({
      questionId: q.id,
      correct,
      expected: [...q.correct],
      points: q.points,
      awarded: correct ? q.points : 0,
      ...(q.explanation ? { explanation: q.explanation } : {}),
    });
  }
  const percent = maxScore > 0 ? round((score / maxScore) * 100, 1) : null;
  const complete = quiz.questions.every((q) => !q.required || isAnswered(answers[q.id]));
  const passed = percent === null || quiz.passPercent === undefined ? null : percent >= quiz.passPercent;
  return { score: round(score, 3), maxScore: round(maxScore, 3), percent, complete, passed, corrections };
}

export interface PublicQuestion {
  id: string;
  type: Question['type'];
  text: string;
  required: boolean;
  help?: string;
  points?: number;
  choices?: Array<{ id: string; text: string }>;
  maxLength?: number;
  labels?: { min: string; max: string };
}

export interface PublicQuiz {
  key: string;
  event: string;
  title: string;
  intro?: string;
  passPercent?: number;
  questions: PublicQuestion[];
}

/** What a learner may see before answering: one language, no `correct`, no `explanation`. */
export function publicQuiz(quiz: Quiz, lang: Lang): PublicQuiz {
  // Built field by field (an allow-list) so a field added to quiz files later cannot leak answers.
  const questions = quiz.questions.map(
    (q): PublicQuestion => ({
      id: q.id,
      type: q.type,
      text: q.text[lang],
      required: q.required,
      ...(q.help ? { help: q.help[lang] } : {}),
      ...((q.type === 'single' || q.type === 'multiple') && q.points !== undefined ? { points: q.points } : {}),
      ...(q.type === 'single' || q.type === 'multiple'
        ? { choices: q.choices.map((c) => ({ id: c.id, text: c.text[lang] })) }
        : {}),
      ...(q.type === 'text' ? { maxLength: q.maxLength ?? DEFAULT_TEXT_MAX } : {}),
      ...(q.type === 'scale' && q.labels ? { labels: { min: q.labels.min[lang], max: q.labels.max[lang] } } : {}),
    }),
  );
  return {
    key: quiz.key,
    event: quiz.event,
    title: quiz.title[lang],
    ...(quiz.intro ? { intro: quiz.intro[lang] } : {}),
    ...(quiz.passPercent === undefined ? {} : { passPercent: quiz.passPercent }),
    questions,
  };
}

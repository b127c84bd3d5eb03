import { describe, expect, it } from 'vitest';
import type { Quiz } from '../../src/programme/quiz.schemas';
import { loadProgramme } from '../../src/programme/load-programme';
import { answerErrors } from '../../src/quizzes/quizzes.text';
import { say } from '../../src/shared/text';
import { checkAnswers, publicQuiz, scoreAttempt } from '../../src/quizzes/scoring';
import { SHIPPED } from '../programme/programme-fixture';

const t = (fr: string) => ({ fr, en: `${fr} (en)` });
const choices = (...ids: string[]) => ids.map((id) => ({ id, text: t(`choix ${id}`) }));

const quiz: Quiz = {
  key: 'quiz-test',
  event: 'atelier-test',
  title: t('Test'),
  passPercent: 50,
  questions: [
    {
      id: 's',
      type: 'single',
      required: true,
      text: t('Une'),
      choices: choices('a', 'b', 'c'),
      points: 1,
      correct: ['b'],
      explanation: t('Parce que b'),
    },
    {
      id: 'm',
      type: 'multiple',
      required: true,
      text: t('Plusieurs'),
      choices: choices('a', 'b', 'c'),
      points: 2,
      correct: ['a', 'c'],
    },
    { id: 'o', type: 'single', required: false, text: t('Opinion'), choices: choices('x', 'y') },
    { id: 't', type: 'text', required: false, text: t('Texte'), maxLength: 10 },
    { id: 'n', type: 'scale', required: true, text: t('Note'), labels: { min: t('bas'), max: t('haut') } },
  ],
};
const valid = { s: ['b'], m: ['c', 'a'], o: ['x'], t: 'court', n: 4 };
const codes = (answers: Record<string, unknown>, options?: { requireAll?: boolean }) =>
  checkAnswers(quiz, answers, options).map((e) => [e.code, e.questionId, e.choiceId]);

describe('checkAnswers', () => {
  it('accepts valid answers, and optional questions left out', () => {
    expect(checkAnswers(quiz, valid)).toEqual([]);
    expect(checkAnswers(quiz, { s: ['a'], m: ['b'], n: 1 })).toEqual([]);
  });

  it('names the question of every error, with a message in both languages', () => {
    const errors = checkAnswers(quiz, { ...valid, zz: 'x' });
    expect(errors).toEqual([
      {
        code: 'QUIZ_UNKNOWN_QUESTION',
        questionId: 'zz',
        message: {
          fr: "Question zz : cette question n'existe pas dans le questionnaire",
          en: 'Question zz: no such question in this questionnaire',
        },
      },
    ]);
  });

  it('refuses unknown and repeated choices, and several choices for a single-choice question', () => {
    expect(codes({ ...valid, s: ['a', 'b'], m: ['a', 'z', 'a'] })).toEqual([
      ['QUIZ_TOO_MANY_CHOICES', 's', undefined],
      ['QUIZ_UNKNOWN_CHOICE', 'm', 'z'],
      ['QUIZ_DUPLICATE_CHOICE', 'm', 'a'],
    ]);
  });

  it.each([
    ['s', 'b'],
    ['m', [1]],
    ['t', ['court']],
    ['n', '4'],
    ['n', { value: 4 }],
  ])('refuses a wrong answer type for %s: %j', (id, value) => {
    expect(codes({ ...valid, [id]: value })).toEqual([['QUIZ_WRONG_ANSWER_TYPE', id, undefined]]);
  });

  it.each([0, 6, 3.5, Number.NaN])('refuses a scale answer of %s', (n) => {
    expect(codes({ ...valid, n })).toEqual([['QUIZ_SCALE_OUT_OF_RANGE', 'n', undefined]]);
  });

  it('refuses a text longer than the question allows', () => {
    expect(codes({ ...valid, t: 'beaucoup trop long' })).toEqual([['QUIZ_TEXT_TOO_LONG', 't', undefined]]);
  });

  it('refuses missing required answers (empty ones count as missing) unless saving a draft', () => {
    const answers = { s: [], m: ['a', 'c'], t: '   ' };
    expect(codes(answers)).toEqual([
      ['QUIZ_ANSWER_REQUIRED', 's', undefined],
      ['QUIZ_ANSWER_REQUIRED', 'n', undefined],
    ]);
    expect(codes(answers, { requireAll: false })).toEqual([]);
  });
});

describe('scoreAttempt', () => {
  it('scores a perfect attempt', () => {
    expect(scoreAttempt(quiz, valid)).toMatchObject({
      score: 3,
      maxScore: 3,
      percent: 100,
      complete: true,
      passed: true,
    });
  });

  it('scores multiple choice all-or-nothing', () => {
    for (const m of [['a'], ['a', 'b', 'c'], ['a', 'b']]) {
      const r = scoreAttempt(quiz, { ...valid, m });
      expect(r).toMatchObject({ score: 1, maxScore: 3, percent: 33.3, passed: false });
      expect(r.corrections[1]).toEqual({
        questionId: 'm',
        correct: false,
        expected: ['a', 'c'],
        points: 2,
        awarded: 0,
      });
    }
  });

  it('gives corrections with the expected choices and the explanation', () => {
    const r = scoreAttempt(quiz, { ...valid, s: ['a'] });
    expect(r.score).toBe(2);
    expect(r.percent).toBe(66.7);
    expect(r.corrections[0]).toEqual({
      questionId: 's',
      correct: false,
      expected: ['b'],
      points: 1,
      awarded: 0,
      explanation: t('Parce que b'),
    });
    expect(r.corrections.map((c) => c.questionId)).toEqual(['s', 'm']); // unscored questions have none
  });

  it('marks an attempt incomplete when a required answer is missing, and scores it as wrong', () => {
    const r = scoreAttempt(quiz, { m: ['a', 'c'], n: 2 });
    expect(r).toMatchObject({ score: 2, maxScore: 3, complete: false });
    expect(r.corrections[0]!.correct).toBe(false);
  });

  it('gives a null percent when nothing is scored', () => {
    const survey: Quiz = { ...quiz, passPercent: undefined, questions: quiz.questions.slice(2) };
    delete survey.passPercent;
    expect(scoreAttempt(survey, { n: 3 })).toEqual({
      score: 0,
      maxScore: 0,
      percent: null,
      complete: true,
      passed: null,
      corrections: [],
    });
  });
});

describe('publicQuiz', () => {
  it('strips answers and explanations and keeps one language', () => {
    const pub = publicQuiz(quiz, 'en');
    expect(JSON.stringify(pub)).not.toMatch(/correct|explanation|Parce que/);
    expect(pub.title).toBe('Test (en)');
    expect(pub.questions[0]).toEqual({
      id: 's',
      type: 'single',
      text: 'Une (en)',
      required: true,
      points: 1,
      choices: [
        { id: 'a', text: 'choix a (en)' },
        { id: 'b', text: 'choix b (en)' },
        { id: 'c', text: 'choix c (en)' },
      ],
    });
    expect(pub.questions[3]).toEqual({ id: 't', type: 'text', text: 'Texte (en)', required: false, maxLength: 10 });
    expect(pub.questions[4]).toMatchObject({ type: 'scale', labels: { min: 'bas (en)', max: 'haut (en)' } });
  });

  it('hides the answers of every shipped quiz', async () => {
    const p = await loadProgramme(SHIPPED);
    for (const q of p.quizzes) {
      for (const lang of ['fr', 'en'] as const) {
        expect(JSON.stringify(publicQuiz(q, lang))).not.toMatch(/"correct"|"explanation"/);
      }
      // the shipped quizzes can be answered perfectly
      const perfect = Object.fromEntries(
        q.questions.map((question) => [
          question.id,
          question.type === 'text'
            ? 'ok'
            : question.type === 'scale'
              ? 3
              : (question.correct ?? [question.choices[0]!.id]),
        ]),
      );
      expect(checkAnswers(q, perfect)).toEqual([]);
      expect(scoreAttempt(q, perfect)).toMatchObject({ percent: 100, complete: true });
    }
  });
});

describe('quiz messages', () => {
  it('render every code in French and English', () => {
    const params = { questionId: 'q1', choiceId: 'a', expected: 'text', min: 1, max: 5, count: 2 };
    for (const code of Object.keys(answerErrors.fr) as (keyof typeof answerErrors.fr)[]) {
      expect(say(answerErrors, 'fr', code, params), code).toContain(code === 'QUIZ_ANSWERS_INVALID' ? '2' : 'q1');
      expect(say(answerErrors, 'en', code, params), code).not.toBe(say(answerErrors, 'fr', code, params));
    }
  });
});

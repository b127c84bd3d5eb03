import { describe, expect, it } from 'vitest';
import { loadEdited, refusal } from './programme-fixture';

// The refusals of quiz contents, keys, dates, schema and JSON; load-programme.test.ts holds the shipped
// programme and the refusals of references between files.
describe('loadProgramme: refusals name the file, the JSON path and the reason', () => {
  it('refuses duplicate question ids and duplicate choice ids', async () => {
    const err = await refusal((f) => {
      const q = f.quizzes['quiz-juridique.json'].questions;
      q[1].id = 'q1';
      q[2].choices[3].id = 'a';
    });
    expect(err.message.split('\n')).toEqual([
      'quizzes/quiz-juridique.json: /questions/1/id: duplicate question id "q1"',
      'quizzes/quiz-juridique.json: /questions/2/choices/3/id: duplicate choice id "a"',
    ]);
  });

  it('refuses a correct answer that is not a choice', async () => {
    const err = await refusal((f) => {
      f.quizzes['quiz-admin.json'].questions[1].correct = ['a', 'z'];
    });
    expect(err.message).toBe('quizzes/quiz-admin.json: /questions/1/correct/1: "z" is not a choice of this question');
  });

  it('refuses half-scored questions and a single choice with two correct answers', async () => {
    const err = await refusal((f) => {
      const q = f.quizzes['quiz-admin.json'].questions;
      delete q[0].correct;
      delete q[2].points;
      q[3].correct = ['a', 'b'];
    });
    expect(err.message.split('\n')).toEqual([
      'quizzes/quiz-admin.json: /questions/0/correct: is required when points is set',
      'quizzes/quiz-admin.json: /questions/2/points: is required when correct is set',
      'quizzes/quiz-admin.json: /questions/3/correct: a single-choice question has exactly one correct choice',
    ]);
  });

  it('refuses a minimum score on a quiz that scores nothing, and atLeast beyond its conditions', async () => {
    const err = await refusal((f) => {
      const quiz = f.quizzes['quiz-admin.json'];
      quiz.questions = quiz.questions.filter((q: { type: string }) => q.type === 'scale');
      f.badges['data-admin.json'].rule = {
        atLeast: { n: 3, of: [{ attended: 'webinaire-1' }, { answered: { quiz: 'quiz-admin', minPercent: 50 } }] },
      };
    });
    expect(err.message.split('\n')).toEqual([
      'badges/data-admin.json: /rule/atLeast/n: n = 3 but only 2 condition(s)',
      'badges/data-admin.json: /rule/atLeast/of/1/answered/minPercent: quiz "quiz-admin" has no scored question',
    ]);
  });

  it('accepts "replay": true|false on an attended condition, refuses anything else there', async () => {
    const programme = await loadEdited((f) => {
      f.badges['data-admin.json'].rule = {
        allOf: [
          { attended: { event: 'webinaire-1', replay: false } },
          { attended: { event: 'webinaire-2', replay: true } },
        ],
      };
    });
    expect(programme.badges.find((b) => b.key === 'data-admin')!.rule).toEqual({
      allOf: [
        { attended: { event: 'webinaire-1', replay: false } },
        { attended: { event: 'webinaire-2', replay: true } },
      ],
    });
    const err = await refusal((f) => {
      f.badges['data-admin.json'].rule = {
        allOf: [{ attended: { event: 'webinaire-1', replay: 'yes' } }, { attended: { event: 'webinaire-9' } }],
      };
    });
    expect(err.message.split('\n')).toEqual(['badges/data-admin.json: /rule/allOf/0/attended/replay: must be boolean']);
    const unknown = await refusal((f) => {
      f.badges['data-admin.json'].rule = { attended: { event: 'webinaire-9', replay: false } };
    });
    expect(unknown.message).toBe('badges/data-admin.json: /rule/attended/event: unknown event "webinaire-9"');
  });

  it('refuses a key that does not match its file name', async () => {
    const err = await refusal((f) => {
      f.badges['data-admin.json'].key = 'data-adm';
    });
    expect(err.message).toBe('badges/data-admin.json: /key: must match the file name ("data-admin")');
  });

  it('refuses an offset that does not match the time zone (DST) and an end before the start', async () => {
    const err = await refusal((f) => {
      const e = f.badges['programme.json'].events[2];
      e.startsAt = '2026-04-09T09:30:00+01:00'; // Paris is on +02:00 in April
      e.endsAt = '2026-04-09T08:30:00+02:00';
    });
    expect(err.message.split('\n')).toEqual([
      'badges/programme.json: /events/2/endsAt: must be after startsAt',
      'badges/programme.json: /events/2/startsAt: offset +01:00 does not match Europe/Paris (+02:00) on that date',
    ]);
  });

  it('refuses an unknown time zone', async () => {
    const err = await refusal((f) => {
      f.badges['programme.json'].events[0].timezone = 'Europe/Dijon';
    });
    expect(err.message).toBe('badges/programme.json: /events/0/timezone: unknown time zone "Europe/Dijon"');
  });

  it('refuses a date without its offset', async () => {
    const err = await refusal((f) => {
      f.badges['programme.json'].events[1].startsAt = '2026-03-26T10:00:00';
    });
    expect(err.message).toContain(
      'badges/programme.json: /events/1/startsAt: must be a date-time with an explicit UTC offset (+01:00)',
    );
  });

  it('reports schema errors with their JSON path: missing, unknown and mistyped fields', async () => {
    const err = await refusal((f) => {
      const b = f.badges['data-juridique.json'];
      delete b.achievement.name;
      b.achievement.descripton = 'typo';
      b.rule.allOf[0] = { attend: 'webinaire-1' };
      b.rule.allOf[1] = { attended: 'webinaire-2', holds: 'data-admin' };
      b.rule.allOf[3] = { answered: { quiz: 'quiz-juridique', minPercent: 120 } };
    });
    expect(err.message.split('\n').sort()).toEqual(
      [
        'badges/data-juridique.json: /achievement/descripton: unknown property',
        'badges/data-juridique.json: /achievement/name: is required',
        'badges/data-juridique.json: /rule/allOf/0/attend: unknown property',
        'badges/data-juridique.json: /rule/allOf/1: ' +
          'a rule must have exactly one of: attended, answered, holds, allOf, anyOf, atLeast',
        'badges/data-juridique.json: /rule/allOf/3/answered/minPercent: must be <= 100',
      ].sort(),
    );
  });

  it('reports an unknown question type from the question itself', async () => {
    const err = await refusal((f) => {
      f.quizzes['quiz-admin.json'].questions[0].type = 'essay';
    });
    expect(err.message).toBe('quizzes/quiz-admin.json: /questions/0/type: unknown type "essay"');
  });

  it('requires the English translation of every question and choice', async () => {
    const err = await refusal((f) => {
      delete f.quizzes['quiz-admin.json'].questions[0].choices[1].text.en;
    });
    expect(err.message).toBe('quizzes/quiz-admin.json: /questions/0/choices/1/text/en: is required');
  });

  it('refuses invalid JSON and a missing programme.json', async () => {
    const bad = await refusal(() => {}, { 'quizzes/quiz-extra.json': '{ "key": ' });
    expect(bad.message).toMatch(/^quizzes\/quiz-extra\.json: \/: invalid JSON: /);
    const missing = await refusal((f) => {
      delete f.badges['programme.json'];
    });
    expect(missing.message).toContain('badges/programme.json: /: file not found');
  });

  it('lists every problem at once', async () => {
    const err = await refusal((f) => {
      f.badges['data-admin.json'].rule.allOf[0] = { attended: 'nope' };
      f.quizzes['quiz-admin.json'].questions[0].correct = ['z'];
    });
    expect(err.problems).toHaveLength(2);
  });

  it('accepts another valid programme, e.g. a badge with atLeast and a minimum score', async () => {
    const p = await loadEdited((f) => {
      f.badges['data-admin.json'].rule = {
        atLeast: {
          n: 2,
          of: [
            { attended: 'webinaire-1' },
            { attended: 'webinaire-2' },
            { answered: { quiz: 'quiz-admin', minPercent: 60 } },
          ],
        },
      };
    });
    expect(p.badges.find((b) => b.key === 'data-admin')?.rule).toHaveProperty('atLeast.n', 2);
  });
});

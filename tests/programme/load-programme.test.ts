import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { loadProgramme } from '../../src/programme/load-programme';
import { translate } from '../../src/text';
import { loadEdited, refusal, SHIPPED } from './programme-fixture';

describe('loadProgramme: shipped files', () => {
  it('loads the parcours data programme', async () => {
    const p = await loadProgramme(SHIPPED);
    expect(p.issuer.name).toContain('Parcours data');
    expect(p.events.map((e) => e.key)).toEqual([
      'webinaire-1',
      'webinaire-2',
      'atelier-juridique',
      'atelier-management',
      'atelier-admin',
    ]);
    expect(p.quizzes.map((q) => q.key).sort()).toEqual(['quiz-admin', 'quiz-juridique', 'quiz-management']);
    // parts before the meta-badge
    expect(p.badges.map((b) => b.key).at(-1)).toBe('parcours-data');
  });

  it('encodes the award rules of the product brief exactly', async () => {
    const p = await loadProgramme(SHIPPED);
    const rules = Object.fromEntries(p.badges.map((b) => [b.key, b.rule]));
    for (const topic of ['juridique', 'management', 'admin']) {
      expect(rules[`data-${topic}`]).toEqual({
        allOf: [
          { attended: 'webinaire-1' },
          { attended: 'webinaire-2' },
          { attended: `atelier-${topic}` },
          { answered: `quiz-${topic}` },
        ],
      });
    }
    expect(rules['parcours-data']).toEqual({
      allOf: [{ holds: 'data-juridique' }, { holds: 'data-management' }, { holds: 'data-admin' }],
    });
  });

  it('ships 8–12 questions per quiz, each workshop naming its quiz, webinars 2 h and workshops 3 h', async () => {
    const p = await loadProgramme(SHIPPED);
    for (const q of p.quizzes) {
      expect(q.questions.length).toBeGreaterThanOrEqual(8);
      expect(q.questions.length).toBeLessThanOrEqual(12);
      expect(p.events.find((e) => e.key === q.event)?.quiz).toBe(q.key);
    }
    for (const e of p.events) {
      const hours = (Date.parse(e.endsAt) - Date.parse(e.startsAt)) / 3_600_000;
      expect(hours).toBe(e.kind === 'webinar' ? 2 : 3);
      expect(e.timezone).toBe('Europe/Paris');
      expect(e.minPresenceRatio).toBe(0.5);
      if (e.kind === 'workshop') expect(e.quiz).toBeDefined();
    }
  });
});

describe('loadProgramme: refusals name the file, the JSON path and the reason', () => {
  it('refuses a rule naming an unknown event', async () => {
    const err = await refusal((f) => {
      f.badges['data-admin.json'].rule.allOf[2] = { attended: 'atelier-x' };
    });
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('PROGRAMME_INVALID');
    expect(err.status).toBe(500);
    expect(err.message).toBe('badges/data-admin.json: /rule/allOf/2/attended: unknown event "atelier-x"');
    expect(err.details).toEqual([
      { file: 'badges/data-admin.json', field: '/rule/allOf/2/attended', reason: 'unknown event "atelier-x"' },
    ]);
    expect(translate(err.code, err.params, 'fr')).toContain('/rule/allOf/2/attended');
  });

  it('refuses a rule naming an unknown quiz, in either answered form', async () => {
    const err = await refusal((f) => {
      f.badges['data-admin.json'].rule.allOf[3] = { answered: 'quiz-x' };
      f.badges['data-juridique.json'].rule.allOf[3] = { answered: { quiz: 'quiz-y', minPercent: 50 } };
    });
    expect(err.message.split('\n')).toEqual([
      'badges/data-admin.json: /rule/allOf/3/answered: unknown quiz "quiz-x"',
      'badges/data-juridique.json: /rule/allOf/3/answered/quiz: unknown quiz "quiz-y"',
    ]);
  });

  it('refuses a rule naming an unknown badge', async () => {
    const err = await refusal((f) => {
      f.badges['parcours-data.json'].rule.allOf[1] = { holds: 'data-rh' };
    });
    expect(err.message).toBe('badges/parcours-data.json: /rule/allOf/1/holds: unknown badge "data-rh"');
  });

  it('refuses a cycle between badges and names it', async () => {
    const err = await refusal((f) => {
      f.badges['data-admin.json'].rule = { anyOf: [{ attended: 'webinaire-1' }, { holds: 'parcours-data' }] };
    });
    expect(err.message).toBe(
      'badges/data-admin.json: /rule: cycle between badges: data-admin → parcours-data → data-admin',
    );
  });

  it('refuses a badge that holds itself', async () => {
    const err = await refusal((f) => {
      f.badges['data-admin.json'].rule = { holds: 'data-admin' };
    });
    expect(err.message).toContain('cycle between badges: data-admin → data-admin');
  });

  it('refuses a quiz naming an unknown event', async () => {
    const err = await refusal((f) => {
      f.quizzes['quiz-admin.json'].event = 'atelier-x';
    });
    expect(err.message).toContain('quizzes/quiz-admin.json: /event: unknown event "atelier-x"');
  });

  it('refuses an event and a quiz that do not name each other', async () => {
    const err = await refusal((f) => {
      f.quizzes['quiz-admin.json'].event = 'atelier-juridique';
    });
    expect(err.message).toContain(
      'badges/programme.json: /events/4/quiz: quiz "quiz-admin" is for event "atelier-juridique"',
    );
    expect(err.message).toContain('quizzes/quiz-admin.json: /event: event "atelier-juridique" does not name this quiz');
  });

  it('refuses an event naming an unknown quiz', async () => {
    const err = await refusal((f) => {
      f.badges['programme.json'].events[2].quiz = 'quiz-x';
    });
    expect(err.message).toContain('badges/programme.json: /events/2/quiz: unknown quiz "quiz-x"');
  });

  it('refuses duplicate event keys', async () => {
    const err = await refusal((f) => {
      f.badges['programme.json'].events[1].key = 'webinaire-1';
    });
    expect(err.message).toContain('badges/programme.json: /events/1/key: duplicate event key "webinaire-1"');
  });

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

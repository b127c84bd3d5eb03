import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { loadProgramme } from '../../src/programme/load-programme';
import { translate } from '../../src/text';
import { refusal, SHIPPED } from './programme-fixture';

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

// Refusals of references between files; quiz contents, keys, dates, schema and JSON: load-programme-fields.test.ts.
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
});

import { beforeAll, describe, expect, it } from 'vitest';
import { badgesErrors, ruleTexts } from '../../src/badges/badges.text';
import { programmeErrors } from '../../src/programme/programme.text';
import { say, type Text } from '../../src/shared/text';
import {
  badgeDependencies,
  evaluateAll,
  orderBadges,
  ruleContext,
  type AttendanceFact,
  type Facts,
  type Rule,
  type RuleContext,
} from '../../src/badges/rules';
import type { Programme } from '../../src/programme/load-programme';
import { loadProgramme } from '../../src/programme/load-programme';
import { SHIPPED } from '../programme/programme-fixture';

let programme: Programme;
let ctx: RuleContext;
beforeAll(async () => {
  programme = await loadProgramme(SHIPPED);
  ctx = ruleContext(programme);
});

const present: AttendanceFact = { status: 'present', minutes: 100, date: '2026-03-12', source: 'zoom' };
const attempt = {
  attemptId: 'a',
  percent: 50,
  score: 5,
  maxScore: 10,
  complete: true,
  submittedAt: '2026-05-07T12:00:00Z',
};
const EVENTS = ['webinaire-1', 'webinaire-2', 'atelier-juridique', 'atelier-management', 'atelier-admin'];
const QUIZZES = ['quiz-juridique', 'quiz-management', 'quiz-admin'];

function facts(events: string[], quizzes: string[], held: string[] = []): Facts {
  return {
    attendance: new Map(events.map((e) => [e, present])),
    bestAttempts: new Map(quizzes.map((q) => [q, attempt])),
    held: new Set(held),
  };
}
const summary = (results: ReturnType<typeof evaluateAll>) =>
  Object.fromEntries(results.map((r) => [r.key, [r.met, r.newlyMet, r.percent]]));

describe('evaluateAll', () => {
  it('awards the meta-badge in the same pass as its last part', () => {
    const results = evaluateAll(programme.badges, facts(EVENTS, QUIZZES), ctx);
    expect(results.at(-1)!.key).toBe('parcours-data');
    expect(summary(results)).toEqual({
      'data-admin': [true, true, 100],
      'data-juridique': [true, true, 100],
      'data-management': [true, true, 100],
      'parcours-data': [true, true, 100],
    });
  });

  it('evaluates parts first even when given the meta-badge first', () => {
    const reversed = [...programme.badges].reverse();
    const results = evaluateAll(reversed, facts(EVENTS, QUIZZES), ctx);
    expect(results.map((r) => r.key).at(-1)).toBe('parcours-data');
    expect(results.every((r) => r.met)).toBe(true);
  });

  it('does not re-award what is held, and does not touch the caller’s set', () => {
    const f = facts(['webinaire-1', 'webinaire-2', 'atelier-admin'], ['quiz-admin'], ['data-admin']);
    const results = evaluateAll(programme.badges, f, ctx);
    const admin = results.find((r) => r.key === 'data-admin')!;
    expect([admin.met, admin.held, admin.newlyMet]).toEqual([true, true, false]);
    expect([...f.held]).toEqual(['data-admin']);
  });

  it('shows the meta-badge progress through the progress of its parts', () => {
    // both webinars only: each topic badge 2/4 = 50 %, so the meta-badge is at 50 % too
    const results = evaluateAll(programme.badges, facts(['webinaire-1', 'webinaire-2'], []), ctx);
    expect(summary(results)['parcours-data']).toEqual([false, false, 50]);
    const meta = results.find((r) => r.key === 'parcours-data')!;
    expect(meta.conditions.map((c) => c.detail.fr)).toEqual([
      'Badge « data juridique » pas encore obtenu',
      'Badge « data management » pas encore obtenu',
      'Badge « data admin » pas encore obtenu',
    ]);
  });

  it('meets only the topic whose workshop and quiz are done', () => {
    const results = evaluateAll(
      programme.badges,
      facts(['webinaire-1', 'webinaire-2', 'atelier-juridique'], ['quiz-juridique']),
      ctx,
    );
    expect(summary(results)).toEqual({
      'data-admin': [false, false, 50],
      'data-juridique': [true, true, 100],
      'data-management': [false, false, 50],
      'parcours-data': [false, false, 66],
    });
  });
});

describe('orderBadges and badgeDependencies', () => {
  const badge = (key: string, rule: Rule) => ({ key, rule });

  it('lists the badges a rule holds, once, in order', () => {
    expect(
      badgeDependencies({ anyOf: [{ holds: 'b' }, { allOf: [{ attended: 'e' }, { holds: 'a' }, { holds: 'b' }] }] }),
    ).toEqual(['b', 'a']);
    expect(badgeDependencies({ attended: 'e' })).toEqual([]);
  });

  it('puts a badge after the badges it holds, otherwise keeping the given order', () => {
    const ordered = orderBadges([
      badge('meta', { allOf: [{ holds: 'x' }, { holds: 'y' }] }),
      badge('y', { attended: 'e' }),
      badge('z', { attended: 'e' }),
      badge('x', { holds: 'y' }),
    ]);
    expect(ordered.map((b) => b.key)).toEqual(['y', 'x', 'meta', 'z']);
  });

  it('ignores badges it does not know and throws on a cycle', () => {
    expect(orderBadges([badge('a', { holds: 'elsewhere' })]).map((b) => b.key)).toEqual(['a']);
    expect(() => orderBadges([badge('a', { holds: 'b' }), badge('b', { holds: 'a' })])).toThrow(
      'cycle between badges: a → b → a',
    );
  });
});

describe('badge messages', () => {
  it('render every code in French and English', () => {
    const params = {
      event: 'E',
      date: 'D',
      minutes: 3,
      quiz: 'Q',
      percent: '50',
      minPercent: '60',
      badge: 'B',
      problems: 'p',
      count: 1,
    };
    for (const text of [badgesErrors, ruleTexts, programmeErrors] as Text[]) {
      for (const code of Object.keys(text.fr)) {
        expect(say(text, 'fr', code, params), code).not.toBe('');
        expect(say(text, 'en', code, params), code).not.toBe('');
        expect(say(text, 'fr', code, params), code).not.toBe(say(text, 'en', code, params));
      }
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateAll,
  evaluateRule,
  ruleContext,
  type AttemptFact,
  type AttendanceFact,
  type Facts,
  type Rule,
  type RuleContext,
} from '../../src/badges/rules';
import { fewestFactsForAnyBadge, minimumFacts, newlyMetBadges, ruleMet } from '../../src/badges/rule-met';
import { loadProgramme, type Programme } from '../../src/programme/load-programme';
import { SHIPPED } from '../programme/programme-fixture';

let programme: Programme;
let ctx: RuleContext;
beforeAll(async () => {
  programme = await loadProgramme(SHIPPED);
  ctx = ruleContext(programme);
});

const EVENTS = ['webinaire-1', 'webinaire-2', 'atelier-juridique', 'atelier-management', 'atelier-admin'];
const QUIZZES = ['quiz-juridique', 'quiz-management', 'quiz-admin'];
const BADGES = ['data-juridique', 'data-management', 'data-admin', 'parcours-data'];

function randomFacts(seed: number): Facts {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const attendance = new Map<string, AttendanceFact>();
  for (const e of EVENTS)
    if (rnd() < 0.8)
      attendance.set(e, {
        status: pick(['present', 'replay', 'absent'] as const),
        minutes: rnd() < 0.2 ? null : 40,
        date: '2026-03-12',
        source: 'zoom',
      });
  const bestAttempts = new Map<string, AttemptFact>();
  for (const q of QUIZZES) {
    if (rnd() < 0.8)
      bestAttempts.set(q, {
        attemptId: 'a',
        percent: rnd() < 0.1 ? null : Math.round(rnd() * 100),
        score: 1,
        maxScore: 2,
        complete: rnd() < 0.8,
        submittedAt: '2026-05-07T12:00:00Z',
      });
  }
  return { attendance, bestAttempts, held: new Set(BADGES.filter(() => rnd() < 0.15)) };
}

const SYNTHETIC: Rule[] = [
  { anyOf: [{ attended: 'webinaire-1' }, { attended: 'webinaire-2' }] },
  {
    atLeast: {
      n: 2,
      of: [{ attended: 'atelier-juridique' }, { attended: 'atelier-management' }, { attended: 'atelier-admin' }],
    },
  },
  {
    allOf: [
      { answered: { quiz: 'quiz-admin', minPercent: 50 } },
      { anyOf: [{ holds: 'data-juridique' }, { answered: 'quiz-management' }] },
    ],
  },
  {
    atLeast: {
      n: 3,
      of: [
        { answered: 'quiz-juridique' },
        { answered: { quiz: 'quiz-admin', minPercent: 80 } },
        { holds: 'data-admin' },
        { attended: 'webinaire-2' },
      ],
    },
  },
  {
    allOf: [
      { attended: { event: 'webinaire-1', replay: false } },
      { attended: { event: 'webinaire-2', replay: true } },
    ],
  },
];

describe('ruleMet agrees with evaluateRule', () => {
  it('on every shipped and synthetic rule, for 300 random learners', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const facts = randomFacts(seed);
      for (const rule of [...programme.badges.map((b) => b.rule), ...SYNTHETIC]) {
        expect(ruleMet(rule, facts, facts.held), `seed ${seed} ${JSON.stringify(rule)}`).toBe(
          evaluateRule(rule, facts, ctx).met,
        );
      }
      const expected = evaluateAll(programme.badges, facts, ctx)
        .filter((e) => e.newlyMet)
        .map((e) => e.key);
      expect(newlyMetBadges(programme.badges, facts), `seed ${seed}`).toEqual(expected);
    }
  });
});

describe('an attended condition with "replay": false', () => {
  const replay: AttendanceFact = { status: 'replay', minutes: 95, date: '2026-03-20', source: 'manual' };
  const withReplay: Facts = {
    attendance: new Map([['webinaire-1', replay]]),
    bestAttempts: new Map(),
    held: new Set(),
  };

  it('is not met by a replay, and progress says why in French and English', () => {
    const rule: Rule = { attended: { event: 'webinaire-1', replay: false } };
    expect(ruleMet(rule, withReplay, withReplay.held)).toBe(false);
    const r = evaluateRule(rule, withReplay, ctx);
    expect(r).toMatchObject({ met: false, percent: 0 });
    expect(r.conditions[0]).toMatchObject({ met: false, replay: false, code: 'RULE_REPLAY_NOT_ACCEPTED' });
    expect(r.conditions[0]!.detail.fr).toContain('le différé ne compte pas pour ce badge');
    expect(r.conditions[0]!.detail.en).toContain('a replay does not count for this badge');
    const live = new Map([['webinaire-1', { ...replay, status: 'present' as const }]]);
    expect(evaluateRule(rule, { ...withReplay, attendance: live }, ctx).met).toBe(true);
  });

  it('by default or with "replay": true, a replay counts as before («\u00a0suivi en différé\u00a0»)', () => {
    for (const rule of [{ attended: 'webinaire-1' }, { attended: { event: 'webinaire-1', replay: true } }] as Rule[]) {
      expect(ruleMet(rule, withReplay, withReplay.held)).toBe(true);
      const c = evaluateRule(rule, withReplay, ctx).conditions[0]!;
      expect(c).toMatchObject({ met: true, code: 'RULE_ATTENDED_REPLAY' });
      expect(c.replay).toBeUndefined();
      expect(c.detail.fr).toContain('suivi en différé');
    }
  });
});

/** Facts as the SQL filter counts them: events not absent, questionnaires completed, badges held. */
const factCount = (f: Facts) =>
  [...f.attendance.values()].filter((a) => a.status !== 'absent').length +
  [...f.bestAttempts.values()].filter((a) => a.complete).length +
  f.held.size;

describe('minimumFacts: the fewest facts that can meet a rule', () => {
  it('counts each distinct fact once, through allOf, anyOf and atLeast', () => {
    expect(programme.badges.map((b) => [b.key, minimumFacts(b.rule)])).toEqual([
      ['data-admin', 4],
      ['data-juridique', 4],
      ['data-management', 4],
      ['parcours-data', 3],
    ]);
    expect(SYNTHETIC.map(minimumFacts)).toEqual([1, 2, 2, 3, 2]);
    // The same event twice is one fact; an anyOf takes its cheapest branch.
    expect(
      minimumFacts({
        allOf: [
          { attended: 'webinaire-1' },
          { anyOf: [{ attended: 'webinaire-1' }, { allOf: [{ holds: 'data-admin' }, { attended: 'webinaire-2' }] }] },
        ],
      }),
    ).toBe(1);
    expect(
      minimumFacts({
        atLeast: {
          n: 2,
          of: [
            { answered: 'quiz-admin' },
            { answered: { quiz: 'quiz-admin', minPercent: 80 } },
            { attended: 'atelier-admin' },
          ],
        },
      }),
    ).toBe(1);
    expect(fewestFactsForAnyBadge(programme.badges)).toBe(3);
  });

  it('never filters out a learner who newly meets a badge (300 random learners)', () => {
    const fewest = fewestFactsForAnyBadge(programme.badges);
    let newlyMet = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const facts = randomFacts(seed);
      if (newlyMetBadges(programme.badges, facts).length === 0) continue;
      newlyMet++;
      expect(factCount(facts), `seed ${seed}`).toBeGreaterThanOrEqual(fewest);
      for (const rule of SYNTHETIC)
        if (ruleMet(rule, facts, facts.held)) expect(factCount(facts)).toBeGreaterThanOrEqual(minimumFacts(rule));
    }
    expect(newlyMet).toBeGreaterThan(10);
  });
});

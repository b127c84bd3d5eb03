import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule, ruleContext, type Facts, type Rule, type RuleContext } from '../../src/badges/rules';
import { attempt, facts, onlyCondition, present } from './rules.helpers';
import { loadProgramme } from '../../src/programme/load-programme';
import { SHIPPED } from '../programme/programme-fixture';

let ctx: RuleContext;
beforeAll(async () => {
  ctx = ruleContext(await loadProgramme(SHIPPED));
});

const only = (rule: Rule, f: Facts) => onlyCondition(rule, f, ctx);

describe('attended', () => {
  it('is met by presence and says when and how long', () => {
    const f = facts({ attendance: new Map([['webinaire-1', present('2026-03-12', 87)]]) });
    const { met, percent, c } = only({ attended: 'webinaire-1' }, f);
    expect([met, percent]).toEqual([true, 100]);
    expect(c).toMatchObject({ kind: 'attended', ref: 'webinaire-1', met: true, code: 'RULE_ATTENDED' });
    expect(c.detail).toEqual({
      fr: 'Webinaire #1 suivi le 12/03/2026 (87 min)',
      en: 'Webinar #1 attended on 12 Mar 2026 (87 min)',
    });
    expect(c.evidence).toEqual({
      kind: 'attendance',
      event: 'webinaire-1',
      status: 'present',
      minutes: 87,
      date: '2026-03-12',
      source: 'zoom',
    });
  });

  it('counts a replay as attended and says so', () => {
    const f = facts({
      attendance: new Map([['webinaire-2', { status: 'replay', minutes: null, date: '2026-03-30', source: 'manual' }]]),
    });
    const { met, c } = only({ attended: 'webinaire-2' }, f);
    expect(met).toBe(true);
    expect(c.code).toBe('RULE_ATTENDED_REPLAY');
    expect(c.detail).toEqual({
      fr: 'Webinaire #2 suivi en différé (replay) le 30/03/2026',
      en: 'Webinar #2 followed as a replay on 30 Mar 2026',
    });
    expect(c.evidence).toMatchObject({ status: 'replay' });
  });

  it('shows a timestamp as the date in the event time zone', () => {
    // 23:30 UTC on 8 April is already 9 April in Paris
    const f = facts({ attendance: new Map([['atelier-juridique', present('2026-04-08T23:30:00Z', null)]]) });
    expect(only({ attended: 'atelier-juridique' }, f).c.detail.fr).toBe('Atelier 1 suivi le 09/04/2026');
  });

  it('is not met when absent, too short, or unknown, without evidence', () => {
    const f = facts({
      attendance: new Map([
        ['webinaire-1', { status: 'absent', minutes: 25, date: '2026-03-12', source: 'zoom' }],
        ['webinaire-2', { status: 'absent', minutes: null, date: '2026-03-26', source: 'sign-in-sheet' }],
      ]),
    });
    const r = evaluateRule(
      { allOf: [{ attended: 'webinaire-1' }, { attended: 'webinaire-2' }, { attended: 'atelier-admin' }] },
      f,
      ctx,
    );
    expect(r.met).toBe(false);
    expect(r.percent).toBe(0);
    expect(r.conditions.map((c) => [c.met, c.code, c.detail.fr, c.evidence])).toEqual([
      [
        false,
        'RULE_ATTENDANCE_TOO_SHORT',
        'Webinaire #1 non suivi : présence insuffisante le 12/03/2026 (25 min)',
        undefined,
      ],
      [false, 'RULE_ABSENT', 'Webinaire #2 non suivi : absence enregistrée le 26/03/2026', undefined],
      [false, 'RULE_NOT_ATTENDED', 'Atelier 3 non suivi', undefined],
    ]);
    expect(r.conditions[2]!.detail.en).toBe('Workshop 3 not attended');
  });
});

describe('answered', () => {
  const quizFr = 'Atelier 3 — Les questions techniques autour des données';

  it('is not met without an attempt', () => {
    const { met, c } = only({ answered: 'quiz-admin' }, facts());
    expect(met).toBe(false);
    expect(c.detail).toEqual({
      fr: `Questionnaire « ${quizFr} » non répondu`,
      en: 'Questionnaire “Workshop 3 — Technical questions around data” not answered',
    });
  });

  it('is not met by an incomplete attempt', () => {
    const f = facts({ bestAttempts: new Map([['quiz-admin', attempt(90, { complete: false })]]) });
    const { met, c } = only({ answered: 'quiz-admin' }, f);
    expect(met).toBe(false);
    expect(c.code).toBe('RULE_ANSWER_INCOMPLETE');
  });

  it('is met by a complete attempt whatever the score, and shows it', () => {
    const f = facts({ bestAttempts: new Map([['quiz-admin', attempt(12.5)]]) });
    const { met, c } = only({ answered: 'quiz-admin' }, f);
    expect(met).toBe(true);
    expect(c.detail.fr).toBe(`Questionnaire « ${quizFr} » répondu le 07/05/2026 (score : 12,5 %)`);
    expect(c.detail.en).toBe(
      'Questionnaire “Workshop 3 — Technical questions around data” answered on 7 May 2026 (score: 12.5%)',
    );
    expect(c.evidence).toMatchObject({ kind: 'attempt', quiz: 'quiz-admin', attemptId: 'att-1', percent: 12.5 });
  });

  it('omits the score of an unscored quiz', () => {
    const f = facts({ bestAttempts: new Map([['quiz-admin', attempt(null, { score: 0, maxScore: 0 })]]) });
    expect(only({ answered: 'quiz-admin' }, f).c.detail.fr).toBe(`Questionnaire « ${quizFr} » répondu le 07/05/2026`);
  });

  it.each([
    [60, true, 'RULE_ANSWERED_MIN_SCORE', `Questionnaire « ${quizFr} » répondu le 07/05/2026 : 60 % (minimum 60 %)`],
    [59.9, false, 'RULE_SCORE_TOO_LOW', `Questionnaire « ${quizFr} » : 59,9 % obtenus, 60 % requis`],
    [null, false, 'RULE_SCORE_UNAVAILABLE', `Questionnaire « ${quizFr} » : aucun score, 60 % requis`],
  ] as const)('with minPercent 60, a %s %% attempt → met=%s', (percent, met, code, fr) => {
    const f = facts({ bestAttempts: new Map([['quiz-admin', attempt(percent)]]) });
    const r = only({ answered: { quiz: 'quiz-admin', minPercent: 60 } }, f);
    expect(r.met).toBe(met);
    expect(r.c).toMatchObject({ code, minPercent: 60 });
    expect(r.c.detail.fr).toBe(fr);
  });
});

describe('holds', () => {
  it('reads the held set and names the badge', () => {
    const met = only({ holds: 'data-juridique' }, facts({ held: new Set(['data-juridique']) }));
    expect(met.met).toBe(true);
    expect(met.c.detail).toEqual({ fr: 'Badge « data juridique » obtenu', en: 'Badge “data legal” earned' });
    const missing = only({ holds: 'data-admin' }, facts());
    expect(missing.c.detail).toEqual({
      fr: 'Badge « data admin » pas encore obtenu',
      en: 'Badge “data admin” not earned yet',
    });
  });

  it('falls back to the key for names the context does not know', () => {
    expect(only({ holds: 'autre' }, facts()).c.detail.fr).toBe('Badge « autre » pas encore obtenu');
    expect(only({ attended: 'x-event' }, facts()).c.detail.en).toBe('x-event not attended');
  });
});

describe('combinators', () => {
  const a: Rule = { holds: 'a' };
  const b: Rule = { holds: 'b' };
  const c: Rule = { holds: 'c' };
  const held = (...keys: string[]) => facts({ held: new Set(keys) });
  const run = (rule: Rule, ...keys: string[]) => evaluateRule(rule, held(...keys), ctx);

  it.each([
    [[], false, 0],
    [['a'], false, 33],
    [['a', 'b'], false, 66],
    [['a', 'b', 'c'], true, 100],
  ])('allOf with %j held → met=%s, %s %%', (keys, met, percent) => {
    expect(run({ allOf: [a, b, c] }, ...keys)).toMatchObject({ met, percent });
  });

  it.each([
    [[], false, 0],
    [['b'], true, 100],
    [['a', 'c'], true, 100],
  ])('anyOf with %j held → met=%s, %s %%', (keys, met, percent) => {
    expect(run({ anyOf: [a, b, c] }, ...keys)).toMatchObject({ met, percent });
  });

  it.each([
    [[], false, 0],
    [['c'], false, 50],
    [['a', 'c'], true, 100],
    [['a', 'b', 'c'], true, 100],
  ])('atLeast 2 of 3 with %j held → met=%s, %s %%', (keys, met, percent) => {
    expect(run({ atLeast: { n: 2, of: [a, b, c] } }, ...keys)).toMatchObject({ met, percent });
  });

  it('counts only the branches needed in progress: anyOf takes the best branch', () => {
    const rule: Rule = { anyOf: [{ allOf: [a, b, c, { holds: 'd' }] }, { allOf: [{ holds: 'e' }, { holds: 'f' }] }] };
    expect(run(rule, 'a', 'b', 'c', 'e')).toMatchObject({ met: false, percent: 75 });
  });

  it('flattens nested trees for display, each identical leaf once, in order', () => {
    const rule: Rule = {
      allOf: [
        { attended: 'webinaire-1' },
        { anyOf: [{ attended: 'atelier-admin' }, { atLeast: { n: 1, of: [{ attended: 'webinaire-1' }, b] } }] },
        { answered: 'quiz-admin' },
        { answered: { quiz: 'quiz-admin', minPercent: 50 } },
      ],
    };
    const r = evaluateRule(rule, facts(), ctx);
    expect(r.conditions.map((x) => [x.kind, x.ref, x.minPercent])).toEqual([
      ['attended', 'webinaire-1', undefined],
      ['attended', 'atelier-admin', undefined],
      ['holds', 'b', undefined],
      ['answered', 'quiz-admin', undefined],
      ['answered', 'quiz-admin', 50],
    ]);
  });

  it('never shows 100 % for a rule that is not met', () => {
    const many: Rule = { allOf: Array.from({ length: 300 }, (_, i) => ({ holds: `b${i}` })) };
    const keys = Array.from({ length: 299 }, (_, i) => `b${i}`);
    expect(run(many, ...keys)).toMatchObject({ met: false, percent: 99 });
  });

  it('counts the progress of a badge not held yet in a holds leaf', () => {
    const f = facts({
      progress: new Map([
        ['a', 50],
        ['b', 100],
      ]),
    });
    // b at 100 % but not held (e.g. revoked) still does not complete the rule
    expect(evaluateRule({ allOf: [a, b] }, f, ctx)).toMatchObject({ met: false, percent: 74 });
  });
});

describe('the shipped data-admin rule', () => {
  it('explains each of its four conditions', async () => {
    const p = await loadProgramme(SHIPPED);
    const rule = p.badges.find((b) => b.key === 'data-admin')!.rule;
    const f = facts({
      attendance: new Map([
        ['webinaire-1', present('2026-03-12', 87)],
        ['webinaire-2', { status: 'replay', minutes: 110, date: '2026-04-02', source: 'manual' }],
        ['atelier-admin', present('2026-05-07', 170)],
      ]),
    });
    const r = evaluateRule(rule, f, ctx);
    expect(r.met).toBe(false);
    expect(r.percent).toBe(75);
    expect(r.conditions.map((c) => c.detail.fr)).toEqual([
      'Webinaire #1 suivi le 12/03/2026 (87 min)',
      'Webinaire #2 suivi en différé (replay) le 02/04/2026 (110 min)',
      'Atelier 3 suivi le 07/05/2026 (170 min)',
      'Questionnaire « Atelier 3 — Les questions techniques autour des données » non répondu',
    ]);
  });
});

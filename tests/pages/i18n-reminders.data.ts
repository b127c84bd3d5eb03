import type { Lang } from '../../src/shared/errors';
import type { PageContext, PageView } from '../../src/web/layout';
import { remindersPage } from '../../src/reminders/web/reminders.page';
import { previewPage } from '../../src/reminders/web/preview.page';
import { unsubscribePage } from '../../src/reminders/web/unsubscribe.page';
import type { ReminderRule } from '../../src/reminders/reminders.schemas';
import type { CtxFor } from './i18n-base.data';

const rule = (trigger: ReminderRule['trigger'], enabled: boolean, weekends: boolean): ReminderRule => ({
  key: `r-${trigger}`,
  trigger,
  enabled,
  delaysDays: [2, 7],
  maxSends: 2,
  quietHours: { from: '20:00', to: '08:00', weekends },
  ...(trigger === 'oneConditionMissing' ? { replay: true } : {}),
  subject: { fr: 'S', en: 'S' },
  body: { fr: 'B', en: 'B' },
});

/** « Relances », its preview and the unsubscribe page, every branch. */
export function reminderPages(lang: Lang, ctxFor: CtxFor): Array<[PageContext, PageView]> {
  const a = ctxFor(lang, { sub: 'a', role: 'admin', email: 'a@b.fr' });
  const c = ctxFor(lang);
  const rules = [rule('questionnaireNotAnswered', true, true), rule('oneConditionMissing', false, false)];
  const at = new Date('2026-04-27T06:05:00Z');
  const upcoming = { ruleKey: rules[0]!.key, email: 'x@b.fr', name: null, subject: 'event:e', sendIndex: 0, at };
  const past = (status: 'cancelled' | 'sent' | 'pending' | 'sending' | 'failed' | 'gone', manual: boolean) => ({
    ruleKey: 'r',
    email: 'x@b.fr',
    subject: 'answered:q',
    manual,
    createdBy: manual ? 'a@b.fr' : null,
    createdAt: at,
    status,
    sentAt: status === 'sent' ? at : null,
  });
  const base = {
    rules,
    events: [{ key: 'e', label: 'E' }],
    manualRules: [{ key: 'r', label: 'R' }],
    about: (s: string) => s,
    shown: 1,
  };
  const recipient = { id: 'i', email: 'x@b.fr', name: null, lang };
  const preview = {
    rule: rules[0]!,
    target: { type: 'quiz' as const, event: 'e', quiz: 'q' },
    recipients: [recipient, { ...recipient, email: 'y@b.fr' }],
    unsubscribed: 1,
    sample: { subject: 'S', text: 'T', html: '<p>T</p>', headers: {} },
  };
  const link = { l: 'i', k: 'r', t: 't' };
  return [
    [
      a,
      remindersPage(a, {
        ...base,
        upcoming: { total: 2, rows: [upcoming] },
        past: (['cancelled', 'sent', 'pending', 'sending', 'failed', 'gone'] as const).map((s, i) =>
          past(s, i % 2 === 0),
        ),
        sent: 2,
        replay: { events: [{ key: 'w', label: 'W' }], result: { recorded: 1, alreadyAttended: 1, invalid: 1 } },
      }),
    ],
    [
      a,
      remindersPage(a, {
        ...base,
        upcoming: { total: 0, rows: [] },
        past: [],
        manualRules: [],
        replay: { events: [] },
      }),
    ],
    [
      a,
      remindersPage(a, {
        ...base,
        upcoming: { total: 0, rows: [] },
        past: [],
        replay: { events: [{ key: 'w', label: 'W' }], error: 'm' },
      }),
    ],
    [a, previewPage(a, { preview, event: { key: 'e', label: 'E' } })],
    [
      a,
      previewPage(a, {
        preview: { ...preview, recipients: [], unsubscribed: 0, sample: null },
        event: { key: 'e', label: 'E' },
        error: 'm',
        status: 409,
      }),
    ],
    [c, unsubscribePage(c, { state: 'ask', link, kindLabel: 'K' })],
    [c, unsubscribePage(c, { state: 'done', all: true })],
    [c, unsubscribePage(c, { state: 'done', all: false })],
    [c, unsubscribePage(c, { state: 'invalid' })],
  ];
}

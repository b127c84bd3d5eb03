import type { Lang } from '../../src/shared/errors';
import type { Assets } from '../../src/web/assets';
import type { PageContext } from '../../src/web/layout';
import type { BadgeView, EventView } from '../../src/events/web/programme.data';
import type { loadProgramme } from '../../src/programme/load-programme';

/** Fixtures shared by every page rendered in tests/pages/i18n.test.ts. */
export type Quizzes = Awaited<ReturnType<typeof loadProgramme>>['quizzes'];
export type CtxFor = (lang: Lang, viewer?: PageContext['viewer']) => PageContext;

export const contextFor =
  (assets: Assets): CtxFor =>
  (lang, viewer = null) => ({
    lang,
    url: '/page?x=1',
    viewer,
    csrfToken: 'jeton',
    flash: { key: 'eventSaved', params: { title: 'W1' } },
    assets,
  });
export const badge: BadgeView = {
  key: 'data-admin',
  name: 'data admin',
  description: 'd',
  image: '/i.svg',
  imageAlt: 'a',
  isMeta: true,
};
export const event: EventView = {
  key: 'atelier-admin',
  title: 'A3',
  kind: 'workshop',
  startsAt: new Date('2026-05-07T07:30:00Z'),
  endsAt: new Date('2026-05-07T10:30:00Z'),
  timezone: 'Europe/Paris',
  minPresenceRatio: 0.5,
  quiz: { key: 'quiz-admin', title: 'Q' },
};
export const undated: EventView = { ...event, key: 'x', kind: 'webinar', startsAt: null, endsAt: null, quiz: null };
export const message = (status: 'pending' | 'sent' | 'failed' | 'sending') => ({
  id: '00000000-0000-4000-8000-000000000000',
  to: 'a@b.fr',
  subject: 's',
  text: 't',
  html: null,
  headers: null,
  template: 'magic-link',
  status,
  attempts: 2,
  nextAttemptAt: new Date(),
  lockedUntil: null,
  lastError: status === 'sent' ? null : 'ECONNREFUSED',
  createdAt: new Date(),
  sentAt: status === 'sent' ? new Date() : null,
});

import type { Lang } from '../../src/shared/errors';
import type { Assets } from '../../src/web/assets';
import { layout, type PageContext, type PageView } from '../../src/web/layout';
import { homePage } from '../../src/events/web/home.page';
import { errorPage, forbiddenPage, notFoundPage } from '../../src/web/error.page';
import { confirmLinkPage, linkSentPage, signInPage, signOutPage } from '../../src/auth/web/learner-sign-in.page';
import { pathwayPage } from '../../src/badges/web/pathway.page';
import { organiserSignInPage } from '../../src/auth/web/organiser-sign-in.page';
import { dashboardPage } from '../../src/reports/web/dashboard.page';
import { eventEditPage, eventsPage } from '../../src/events/web/events.page';
import { outboxPage } from '../../src/notifications/web/outbox.page';
import { auditPage } from '../../src/audit/web/audit.page';
import { badge, contextFor, event, message, type Quizzes, undated } from './i18n-base.data';
import { laterPages } from './i18n-later.helpers';
import { reminderPages } from './i18n-reminders.data';

/** Every page and every branch (errors, empty lists, progress, roles), in one language. */
export function renderAll(lang: Lang, assets: Assets, quizzes: Quizzes): string[] {
  const ctxFor = contextFor(assets);
  const learner = { sub: 'l', role: 'learner' as const, email: 'l@b.fr' };
  const admin = { sub: 'a', role: 'admin' as const, email: 'a@b.fr' };
  const views: Array<[PageContext, PageView]> = [];
  for (const viewer of [null, learner, admin])
    views.push([
      ctxFor(lang, viewer),
      homePage(ctxFor(lang, viewer), {
        issuerName: 'I',
        badges: [badge, { ...badge, isMeta: false }],
        events: [event, undated],
      }),
    ]);
  const c = ctxFor(lang);
  const a = ctxFor(lang, admin);
  views.push(
    [c, notFoundPage(c, '/x')],
    [c, forbiddenPage(c, 'organiser')],
    [a, forbiddenPage(a, 'admin')],
    [c, errorPage(c, 500, 'm', 'req-1')],
    [c, errorPage(c, 403, 'm', 'req-1', true)],
    [c, signInPage(c)],
    [c, signInPage(c, { email: 'x', errors: { email: 'e' }, message: 'm', messageTitle: 't' })],
    [c, linkSentPage(c, 'a@b.fr')],
    [c, confirmLinkPage(c, 'tok')],
    [c, signOutPage(c)],
    [ctxFor(lang, learner), pathwayPage(ctxFor(lang, learner), { badges: [badge], events: [event], progress: null })],
    [
      ctxFor(lang, learner),
      pathwayPage(ctxFor(lang, learner), {
        badges: [badge, { ...badge, key: 'b2' }, { ...badge, key: 'b3' }, { ...badge, key: 'b4' }],
        events: [],
        progress: {
          badges: [
            {
              key: 'data-admin',
              name: 'n',
              status: 'earned',
              percent: 100,
              conditions: [{ kind: 'attended', ref: 'w', code: 'RULE_ATTENDED', met: true, detail: 'f' }],
              credentialId: 'c1',
            },
            {
              key: 'b2',
              name: 'n',
              status: 'in_progress',
              percent: 50,
              conditions: [{ kind: 'answered', ref: 'q', code: 'RULE_NOT_ANSWERED', met: false, detail: 'f' }],
            },
            { key: 'b3', name: 'n', status: 'eligible', percent: 100, conditions: [] },
            { key: 'b4', name: 'n', status: 'not_started', percent: 0, conditions: [] },
          ],
        },
      }),
    ],
    [c, organiserSignInPage(c, { next: '/organisateur' })],
    [
      c,
      organiserSignInPage(c, {
        next: '/organisateur',
        email: 'x',
        errors: { email: 'e', password: 'p' },
        message: 'm',
      }),
    ],
    [
      a,
      dashboardPage(a, {
        learners: 3,
        events: 5,
        outbox: { pending: 1, sending: 0, sent: 2, failed: 1 },
        upcoming: [event],
      }),
    ],
    [
      a,
      dashboardPage(a, {
        learners: 0,
        events: 0,
        outbox: { pending: 0, sending: 0, sent: 0, failed: 0 },
        upcoming: [],
      }),
    ],
    [a, eventsPage(a, [event, undated])],
    [
      a,
      eventEditPage(a, {
        key: 'k',
        values: {
          title: 't',
          titleEn: '',
          kind: 'webinar',
          startsAt: '',
          endsAt: '',
          timezone: 'Europe/Paris',
          presencePercent: '50',
        },
      }),
    ],
    [
      a,
      eventEditPage(a, {
        key: 'k',
        values: { title: '', titleEn: '', kind: 'x', startsAt: '', endsAt: '', timezone: 'x', presencePercent: 'x' },
        errors: { title: 'e' },
        message: 'm',
        status: 400,
      }),
    ],
    [
      a,
      outboxPage(a, {
        status: null,
        counts: { pending: 1, sending: 1, sent: 1, failed: 1 },
        messages: (['pending', 'sending', 'sent', 'failed'] as const).map(message),
        page: 2,
        hasMore: true,
      }),
    ],
    [
      a,
      outboxPage(a, {
        status: 'failed',
        counts: { pending: 0, sending: 0, sent: 0, failed: 0 },
        messages: [],
        page: 1,
        hasMore: false,
      }),
    ],
    [
      a,
      auditPage(a, {
        entries: [
          {
            id: 2,
            actorId: 'a',
            actorEmail: 'a@b.fr',
            action: 'event.save',
            targetType: 'event',
            targetId: 'k',
            details: { a: 1 },
            at: new Date(),
          },
          {
            id: 1,
            actorId: null,
            actorEmail: null,
            action: 'other.thing',
            targetType: 'x',
            targetId: null,
            details: null,
            at: new Date(),
          },
        ],
        olderThan: 1,
        paged: true,
      }),
    ],
    [a, auditPage(a, { entries: [], olderThan: null, paged: false })],
  );
  views.push(...laterPages(lang, ctxFor, quizzes));
  views.push(...reminderPages(lang, ctxFor));
  return views.map(([ctx, view]) => layout(ctx, view));
}

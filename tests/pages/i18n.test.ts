import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/shared/errors';
import { allTexts } from '../../src/pages/i18n';
import { loadAssets, type Assets } from '../../src/pages/assets';
import { layout, type PageContext, type PageView } from '../../src/pages/layout';
import { homePage } from '../../src/pages/public/home.page';
import { errorPage, forbiddenPage, notFoundPage } from '../../src/pages/public/error.page';
import { confirmLinkPage, linkSentPage, signInPage, signOutPage } from '../../src/pages/learner/sign-in.page';
import { pathwayPage } from '../../src/pages/learner/pathway.page';
import { organiserSignInPage } from '../../src/pages/organiser/sign-in.page';
import { dashboardPage } from '../../src/pages/organiser/dashboard.page';
import { eventEditPage, eventsPage } from '../../src/pages/organiser/events.page';
import { outboxPage } from '../../src/pages/organiser/outbox.page';
import { auditPage } from '../../src/pages/organiser/audit.page';
import type { BadgeView, EventView } from '../../src/pages/data/programme';
import { foreignText, rawTemplateText } from './untranslated';

describe('page dictionaries', () => {
  it('have the same keys and placeholders in French and English', () => {
    for (const text of allTexts) {
      expect(Object.keys(text.en).sort(), text.name).toEqual(Object.keys(text.fr).sort());
      for (const key of Object.keys(text.fr)) {
        const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(params(text.en[key]!), `${text.name}.${key}`).toEqual(params(text.fr[key]!));
        expect(text.fr[key]!.trim(), `${text.name}.${key}`).not.toBe('');
      }
    }
  });

  it('differ between French and English, except the keys declared the same', () => {
    const identical = allTexts.flatMap((text) =>
      Object.keys(text.fr).filter((key) => text.fr[key] === text.en[key] && !text.same.includes(key)).map((key) => `${text.name}.${key}`));
    expect(identical).toEqual([]);
    const names = allTexts.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('templates', () => {
  let assets: Assets;
  beforeAll(async () => { assets = await loadAssets(); });

  const ctxFor = (lang: Lang, viewer: PageContext['viewer'] = null): PageContext => ({
    lang, url: '/page?x=1', viewer, csrfToken: 'jeton', flash: { key: 'eventSaved', params: { title: 'W1' } }, assets,
  });
  const badge: BadgeView = { key: 'data-admin', name: 'data admin', description: 'd', image: '/i.svg', imageAlt: 'a', isMeta: true };
  const event: EventView = {
    key: 'atelier-admin', title: 'A3', kind: 'workshop', startsAt: new Date('2026-05-07T07:30:00Z'), endsAt: new Date('2026-05-07T10:30:00Z'),
    timezone: 'Europe/Paris', minPresenceRatio: 0.5, quiz: { key: 'quiz-admin', title: 'Q' },
  };
  const undated: EventView = { ...event, key: 'x', kind: 'webinar', startsAt: null, endsAt: null, quiz: null };
  const message = (status: 'pending' | 'sent' | 'failed' | 'sending') => ({
    id: '00000000-0000-4000-8000-000000000000', to: 'a@b.fr', subject: 's', text: 't', html: null, template: 'magic-link', status, attempts: 2,
    nextAttemptAt: new Date(), lockedUntil: null, lastError: status === 'sent' ? null : 'ECONNREFUSED', createdAt: new Date(), sentAt: status === 'sent' ? new Date() : null,
  });

  /** Every page and every branch (errors, empty lists, progress, roles), in one language. */
  function renderAll(lang: Lang): string[] {
    const learner = { sub: 'l', role: 'learner' as const, email: 'l@b.fr' };
    const admin = { sub: 'a', role: 'admin' as const, email: 'a@b.fr' };
    const views: Array<[PageContext, PageView]> = [];
    for (const viewer of [null, learner, admin]) views.push([ctxFor(lang, viewer), homePage(ctxFor(lang, viewer), { issuerName: 'I', badges: [badge, { ...badge, isMeta: false }], events: [event, undated] })]);
    const c = ctxFor(lang);
    const a = ctxFor(lang, admin);
    views.push(
      [c, notFoundPage(c, '/x')], [c, forbiddenPage(c, 'organiser')], [a, forbiddenPage(a, 'admin')],
      [c, errorPage(c, 500, 'm', 'req-1')], [c, errorPage(c, 403, 'm', 'req-1', true)],
      [c, signInPage(c)], [c, signInPage(c, { email: 'x', errors: { email: 'e' }, message: 'm', messageTitle: 't' })],
      [c, linkSentPage(c, 'a@b.fr')], [c, confirmLinkPage(c, 'tok')], [c, signOutPage(c)],
      [ctxFor(lang, learner), pathwayPage(ctxFor(lang, learner), { badges: [badge], events: [event], progress: null })],
      [ctxFor(lang, learner), pathwayPage(ctxFor(lang, learner), { badges: [badge, { ...badge, key: 'b2' }, { ...badge, key: 'b3' }, { ...badge, key: 'b4' }], events: [], progress: { badges: [
        { key: 'data-admin', name: 'n', status: 'earned', percent: 100, conditions: [{ kind: 'attended', ref: 'w', code: 'RULE_ATTENDED', met: true, detail: 'f' }], credentialId: 'c1' },
        { key: 'b2', name: 'n', status: 'in_progress', percent: 50, conditions: [{ kind: 'answered', ref: 'q', code: 'RULE_NOT_ANSWERED', met: false, detail: 'f' }] },
        { key: 'b3', name: 'n', status: 'eligible', percent: 100, conditions: [] },
        { key: 'b4', name: 'n', status: 'not_started', percent: 0, conditions: [] },
      ] } })],
      [c, organiserSignInPage(c, { next: '/organisateur' })], [c, organiserSignInPage(c, { next: '/organisateur', email: 'x', errors: { email: 'e', password: 'p' }, message: 'm' })],
      [a, dashboardPage(a, { learners: 3, events: 5, outbox: { pending: 1, sending: 0, sent: 2, failed: 1 }, upcoming: [event] })],
      [a, dashboardPage(a, { learners: 0, events: 0, outbox: { pending: 0, sending: 0, sent: 0, failed: 0 }, upcoming: [] })],
      [a, eventsPage(a, [event, undated])],
      [a, eventEditPage(a, { key: 'k', values: { title: 't', titleEn: '', kind: 'webinar', startsAt: '', endsAt: '', timezone: 'Europe/Paris', presencePercent: '50' } })],
      [a, eventEditPage(a, { key: 'k', values: { title: '', titleEn: '', kind: 'x', startsAt: '', endsAt: '', timezone: 'x', presencePercent: 'x' }, errors: { title: 'e' }, message: 'm', status: 400 })],
      [a, outboxPage(a, { status: null, counts: { pending: 1, sending: 1, sent: 1, failed: 1 }, messages: (['pending', 'sending', 'sent', 'failed'] as const).map(message), page: 2, hasMore: true })],
      [a, outboxPage(a, { status: 'failed', counts: { pending: 0, sending: 0, sent: 0, failed: 0 }, messages: [], page: 1, hasMore: false })],
      [a, auditPage(a, { entries: [{ id: 2, actorId: 'a', actorEmail: 'a@b.fr', action: 'event.save', targetType: 'event', targetId: 'k', details: { a: 1 }, at: new Date() },
        { id: 1, actorId: null, actorEmail: null, action: 'other.thing', targetType: 'x', targetId: null, details: null, at: new Date() }], olderThan: 1, paged: true })],
      [a, auditPage(a, { entries: [], olderThan: null, paged: false })],
    );
    return views.map(([ctx, view]) => layout(ctx, view));
  }

  it('carry no words of their own: every text comes from a dictionary', () => {
    renderAll('fr');
    renderAll('en');
    expect(rawTemplateText()).toEqual([]);
  });

  it('render no text of the other language and no unfilled placeholder', () => {
    const visible = (page: string) => page.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const lang of ['fr', 'en'] as const) {
      for (const page of renderAll(lang)) expect(foreignText(visible(page), lang)).toEqual([]);
    }
  });

  it('escape every value', () => {
    const ctx = ctxFor('fr');
    const page = layout(ctx, notFoundPage(ctx, '/<script>alert(1)</script>'));
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/shared/errors';
import { allTexts } from '../../src/web-areas';
import { loadAssets, type Assets } from '../../src/web/assets';
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
import type { BadgeView, EventView } from '../../src/events/web/programme.data';
import { importPage } from '../../src/attendance/web/import.page';
import { previewPage } from '../../src/attendance/web/import-preview.page';
import { importResultPage } from '../../src/attendance/web/import-result.page';
import { guessMapping, missingColumns, readMappingForm } from '../../src/attendance/web/import-mapping.form';
import { learnersPage } from '../../src/learners/web/learners.page';
import { learnerPage } from '../../src/learners/web/learner.page';
import { progressPage } from '../../src/reports/web/progress.page';
import { quizPage, quizResultPage } from '../../src/quizzes/web/quiz.page';
import { myBadgesPage } from '../../src/credentials/web/my-badges.page';
import { credentialPage } from '../../src/credentials/web/credential.page';
import { verifierPage } from '../../src/credentials/web/verifier.page';
import type { VerificationView } from '../../src/credentials/web/credential.partials';
import type { ImportPreview } from '../../src/attendance/import.service';
import { loadProgramme } from '../../src/programme/load-programme';
import { resolve } from 'node:path';
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
      Object.keys(text.fr)
        .filter((key) => text.fr[key] === text.en[key] && !text.same.includes(key))
        .map((key) => `${text.name}.${key}`),
    );
    expect(identical).toEqual([]);
    const names = allTexts.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('templates', () => {
  let assets: Assets;
  let quizzes: Awaited<ReturnType<typeof loadProgramme>>['quizzes'];
  beforeAll(async () => {
    assets = await loadAssets();
    quizzes = (await loadProgramme({ badgesDir: resolve('badges'), quizzesDir: resolve('quizzes') })).quizzes;
  });

  const ctxFor = (lang: Lang, viewer: PageContext['viewer'] = null): PageContext => ({
    lang,
    url: '/page?x=1',
    viewer,
    csrfToken: 'jeton',
    flash: { key: 'eventSaved', params: { title: 'W1' } },
    assets,
  });
  const badge: BadgeView = {
    key: 'data-admin',
    name: 'data admin',
    description: 'd',
    image: '/i.svg',
    imageAlt: 'a',
    isMeta: true,
  };
  const event: EventView = {
    key: 'atelier-admin',
    title: 'A3',
    kind: 'workshop',
    startsAt: new Date('2026-05-07T07:30:00Z'),
    endsAt: new Date('2026-05-07T10:30:00Z'),
    timezone: 'Europe/Paris',
    minPresenceRatio: 0.5,
    quiz: { key: 'quiz-admin', title: 'Q' },
  };
  const undated: EventView = { ...event, key: 'x', kind: 'webinar', startsAt: null, endsAt: null, quiz: null };
  const message = (status: 'pending' | 'sent' | 'failed' | 'sending') => ({
    id: '00000000-0000-4000-8000-000000000000',
    to: 'a@b.fr',
    subject: 's',
    text: 't',
    html: null,
    template: 'magic-link',
    status,
    attempts: 2,
    nextAttemptAt: new Date(),
    lockedUntil: null,
    lastError: status === 'sent' ? null : 'ECONNREFUSED',
    createdAt: new Date(),
    sentAt: status === 'sent' ? new Date() : null,
  });

  /** Every page and every branch (errors, empty lists, progress, roles), in one language. */
  function renderAll(lang: Lang): string[] {
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
    views.push(...laterPages(lang));
    return views.map(([ctx, view]) => layout(ctx, view));
  }

  /** Imports, learners, cohort, questionnaires, badges, public credential page and verifier: every branch. */
  function laterPages(lang: Lang): Array<[PageContext, PageView]> {
    const learner = { sub: 'l', role: 'learner' as const, email: 'l@b.fr' };
    const admin = { sub: 'a', role: 'admin' as const, email: 'a@b.fr' };
    const a = ctxFor(lang, admin);
    const l = ctxFor(lang, learner);
    const c = ctxFor(lang);
    const uuid = '00000000-0000-4000-8000-000000000001';
    const history: Parameters<typeof importPage>[1]['history'] = [
      {
        id: uuid,
        fileName: 'r.csv',
        format: 'zoom-webinar',
        importedBy: 'a@b.fr',
        importedAt: new Date(),
        counts: { peopleCount: 3, unmatchedCount: 1 },
      },
      { id: uuid, fileName: null, format: 'unknown-format', importedBy: 'a@b.fr', importedAt: new Date(), counts: {} },
    ];
    const preview: ImportPreview = {
      format: 'zoom-webinar',
      encoding: 'utf-8',
      delimiter: ',',
      window: { startsAt: '2026-03-12T09:00:00Z', endsAt: '2026-03-12T11:00:00Z', source: 'event' },
      people: [
        {
          email: 'x@y.fr',
          name: 'X',
          organisation: 'O',
          minutes: 95,
          attended: true,
          reason: { code: 'PRESENCE_TIME_MET', message: 'r' },
          firstSeenAt: null,
          lastSeenAt: null,
          lines: [3, 4],
        },
        {
          email: 'z@y.fr',
          name: null,
          organisation: null,
          minutes: 5,
          attended: false,
          reason: { code: 'PRESENCE_TIME_SHORT', message: 'r' },
          firstSeenAt: null,
          lastSeenAt: null,
          lines: [5],
        },
      ],
      unmatched: [{ line: 7, name: 'N', minutes: 40 }],
      errors: [{ line: 9, code: 'IMPORT_EMAIL_INVALID', message: 'm' }],
      warnings: [{ code: 'W', message: 'w' }],
      rowsRead: 9,
      fileHash: 'abc',
      alreadyImported: null,
    };
    const headers = ['Adresse électronique', 'Nom complet', 'Structure', 'Minutes suivies'];
    const many = {
      ...preview,
      people: Array.from({ length: 501 }, () => preview.people[0]!),
      delimiter: ';',
      window: { ...preview.window, source: 'report' as const },
    };
    const quiz = quizzes.find((q) => q.key === 'quiz-admin')!;
    const verification = (ok: boolean | 'unknown', code = 'VERIFY_STATUS_OK'): VerificationView => ({
      valid: ok === true,
      at: new Date(),
      checks: [
        { check: 'parse', ok: true, code: 'VERIFY_PARSE_OK', message: 'm' },
        { check: 'status', ok, code, message: 'm' },
        {
          check: 'validity',
          ok: code !== 'VERIFY_EXPIRED',
          code: code === 'VERIFY_EXPIRED' ? code : 'VERIFY_VALIDITY_OK',
          message: 'm',
        },
      ],
    });
    const links = { page: 'http://p/credentials/1', json: 'j', jwt: 'j', png: 'p', svg: 's' };
    const card = (status: 'active' | 'revoked') => ({
      id: uuid,
      badgeKey: 'data-admin',
      name: 'data admin',
      status,
      issuedAt: new Date().toISOString(),
      revokedAt: status === 'revoked' ? new Date().toISOString() : null,
      revocationReason: status === 'revoked' ? 'r' : null,
      links,
      linkedInUrl: 'https://www.linkedin.com/x',
      qr: 'data:image/svg+xml;base64,',
    });
    const credential = (v: VerificationView) => ({
      id: uuid,
      badgeKey: 'data-admin',
      name: 'data admin',
      description: 'd',
      criteria: 'a\n\n- b **c** *d*',
      tags: ['t'],
      tagsLang: 'fr',
      imageCaption: null,
      issuer: { name: 'I', url: 'https://i.fr', description: 'd' },
      issuedAt: new Date(),
      evidence: [
        { name: 'W1', date: '2026-03-12', minutes: 95, replay: true },
        { name: 'W2', date: null, minutes: null, replay: false },
      ],
      results: [{ name: 'Q', value: '80' }],
      pageUrl: 'http://p/c',
      ogImage: 'http://p/i.png',
      verification: v,
    });
    const learnerRow = {
      id: uuid,
      email: 'x@y.fr',
      name: 'X',
      organisation: 'O',
      lang: 'fr' as const,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const attempt = {
      id: uuid,
      learnerId: uuid,
      quizKey: 'quiz-admin',
      answers: { q1: ['a'], q2: ['b'], q11: 4 },
      score: 1,
      maxScore: 9,
      percent: 11.1,
      complete: false,
      submittedAt: new Date(),
    };
    const file = {
      learner: { ...learnerRow, name: null, organisation: null, lang: 'en' as const },
      attendance: [
        {
          event,
          row: {
            id: uuid,
            learnerId: uuid,
            eventKey: event.key,
            status: 'present' as const,
            minutes: 95,
            firstSeenAt: null,
            lastSeenAt: null,
            source: 'import:zoom-webinar',
            importId: uuid,
            reason: 'r',
            note: null,
            updatedBy: 'a@b.fr',
            updatedAt: new Date(),
          },
          source: { fileName: 'r.csv', format: 'zoom-webinar', importId: uuid },
        },
        {
          event: undated,
          row: {
            id: uuid,
            learnerId: uuid,
            eventKey: 'x',
            status: 'replay' as const,
            minutes: null,
            firstSeenAt: null,
            lastSeenAt: null,
            source: 'manual',
            importId: null,
            reason: null,
            note: 'n',
            updatedBy: null,
            updatedAt: new Date(),
          },
          source: null,
        },
        {
          event: { ...event, key: 'y' },
          row: {
            id: uuid,
            learnerId: uuid,
            eventKey: 'y',
            status: 'absent' as const,
            minutes: 3,
            firstSeenAt: null,
            lastSeenAt: null,
            source: 'manual',
            importId: uuid,
            reason: null,
            note: null,
            updatedBy: null,
            updatedAt: new Date(),
          },
          source: { fileName: null, format: 'teams', importId: uuid },
        },
        { event: { ...event, key: 'z' }, row: null, source: null },
      ],
      attempts: [attempt, { ...attempt, quizKey: 'gone', complete: true, percent: null }],
      badges: [
        {
          key: 'data-admin',
          name: 'n',
          status: 'earned' as const,
          percent: 100,
          conditions: [{ kind: 'attended' as const, ref: 'w', code: 'RULE_ATTENDED', met: true, detail: 'f' }],
          awardId: uuid,
          credentialId: uuid,
        },
        {
          key: 'b2',
          name: 'n2',
          status: 'in_progress' as const,
          percent: 50,
          conditions: [
            { kind: 'answered' as const, ref: 'quiz-admin', code: 'RULE_NOT_ANSWERED', met: false, detail: 'f' },
          ],
        },
        { key: 'b3', name: 'n3', status: 'eligible' as const, percent: 100, conditions: [] },
        { key: 'b4', name: 'n4', status: 'not_started' as const, percent: 0, conditions: [] },
      ],
      awards: [
        {
          id: uuid,
          learnerId: uuid,
          badgeKey: 'data-admin',
          method: 'manual' as const,
          evidence: { events: [], attempts: [], badges: [] },
          reason: 'r',
          awardedBy: 'a',
          awardedAt: new Date(),
          revokedAt: null,
          revocationReason: null,
        },
        {
          id: uuid,
          learnerId: uuid,
          badgeKey: 'b3',
          method: 'rule' as const,
          evidence: { events: [], attempts: [], badges: [] },
          reason: null,
          awardedBy: null,
          awardedAt: new Date(),
          revokedAt: new Date(),
          revocationReason: 'r',
        },
      ],
      credentials: [
        { ...card('active'), linkedInUrl: undefined, qr: undefined },
        { ...card('revoked'), badgeKey: 'b3' },
      ],
      quizzes,
    };
    const allAwarded = { ...file, awards: file.badges.map((b) => ({ ...file.awards[0]!, badgeKey: b.key })) };
    const report = {
      organisation: null,
      organisations: ['O'],
      events: [{ key: 'w', label: 'W1' }],
      quizzes: [{ key: 'q', event: 'a', title: 'Q', label: 'A1' }],
      badges: [{ key: 'b', name: 'B', earned: 1 }],
      learners: (['present', 'replay', 'absent', null] as const).map((presence, i) => ({
        id: uuid,
        email: 'x@y.fr',
        name: i ? null : 'X',
        organisation: i ? null : 'O',
        events: { w: presence },
        quizzes: {
          q: [
            null,
            { percent: null, complete: true },
            { percent: 80, complete: true },
            { percent: 10, complete: false },
          ][i]!,
        },
        badges: { b: { status: (['earned', 'eligible', 'in_progress', 'not_started'] as const)[i]!, percent: 50 } },
      })),
    };
    return [
      [a, importPage(a, { event, history })],
      [a, importPage(a, { event: undated, history: [], message: 'm', errors: { fichier: 'f' }, status: 400 })],
      [a, previewPage(a, { event, fileName: 'r.csv', preview })],
      [
        a,
        previewPage(a, {
          event,
          fileName: 'r.csv',
          preview: { ...preview, alreadyImported: uuid, errors: [], unmatched: [], warnings: [] },
          alert: { title: 't', message: 'm' },
          status: 409,
        }),
      ],
      [a, previewPage(a, { event, fileName: 'r.csv', preview: many })],
      // A file in no known layout: its columns to map (first showing, then refused choices), then the mapped preview.
      [
        a,
        importPage(a, {
          event,
          history,
          message: 'm',
          mapping: { fileName: 'r.csv', headers, choices: guessMapping(headers) },
          status: 422,
        }),
      ],
      [
        a,
        importPage(a, {
          event,
          history: [],
          mapping: { fileName: 'r.csv', headers, choices: { name: 'Nom complet', joinedAt: 'Structure' } },
          errors: readMappingForm(
            { 'colonne-nom': 'Nom complet', 'colonne-organisation': 'Nom complet', 'colonne-arrivee': 'Structure' },
            lang,
          )!.errors,
          status: 400,
        }),
      ],
      [
        a,
        importPage(a, {
          event,
          history: [],
          mapping: { fileName: 'r.csv', headers, choices: {} },
          errors: readMappingForm({ 'colonne-depart': 'Structure', 'colonne-email': 'Courriel' }, lang)!.errors,
          status: 400,
        }),
      ],
      [
        a,
        importPage(a, {
          event,
          history: [],
          mapping: { fileName: 'r.csv', headers, choices: {} },
          errors: {
            ...readMappingForm({ 'colonne-email': '' }, lang)!.errors,
            ...missingColumns({ email: 'Courriel' }, headers, lang),
          },
          status: 422,
        }),
      ],
      [
        a,
        previewPage(a, {
          event,
          fileName: 'r.csv',
          preview: { ...preview, format: 'mapped' },
          mapping: { email: 'Adresse électronique', minutes: 'Minutes suivies' },
        }),
      ],
      [
        a,
        importResultPage(a, {
          event,
          record: history[0]!,
          rows: [
            {
              id: uuid,
              line: 7,
              name: 'N',
              minutes: 40,
              matchedEmail: null,
              suggestions: [
                { id: uuid, email: 'n@y.fr', name: 'N' },
                { id: uuid, email: 'm@y.fr', name: null },
              ],
            },
            { id: 'other', line: 8, name: 'M', minutes: 40, matchedEmail: 'm@y.fr', suggestions: [] },
          ],
          rowError: { rowId: uuid, email: 'bad', message: 'm' },
          status: 400,
        }),
      ],
      [a, importResultPage(a, { event, record: history[1]!, rows: [] })],
      [a, learnersPage(a, { q: '', page: 1, pageSize: 50, total: 1, learners: [learnerRow] })],
      [a, learnersPage(a, { q: 'x', page: 2, pageSize: 1, total: 3, learners: [{ ...learnerRow, name: null }] })],
      [a, learnersPage(a, { q: 'x', page: 1, pageSize: 50, total: 0, learners: [] })],
      [a, learnerPage(a, file)],
      ...(['presence', 'attribution', 'fusion'] as const).map((form): [PageContext, PageView] => [
        a,
        learnerPage(a, {
          ...file,
          state: {
            form,
            values: {},
            errors: { evenement: 'e', badge: 'b', doublon: 'd', confirmation: 'c' },
            message: 'm',
          },
          status: 400,
        }),
      ]),
      [
        a,
        learnerPage(a, {
          ...file,
          state: { form: 'revocation', values: { credential: uuid, reason: 'r' }, errors: {}, message: 'm' },
          status: 409,
        }),
      ],
      [a, learnerPage(a, { ...allAwarded, attempts: [] })],
      [a, progressPage(a, report)],
      [a, progressPage(a, { ...report, organisation: 'O', learners: [] })],
      [l, quizPage(l, { quiz, eventLabel: 'A3' })],
      [
        l,
        quizPage(l, {
          quiz,
          eventLabel: 'A3',
          best: { id: uuid, submittedAt: new Date(), score: 7, maxScore: 9, percent: 77.8 },
          values: { q1: ['a'], q2: ['a', 'b'], q11: ['3'], q12: ['t'] },
          errors: { q1: 'e', q11: 'e', q12: 'e' },
          status: 422,
        }),
      ],
      [l, quizPage(l, { quiz, eventLabel: 'A3', closedMessage: 'closed' })],
      [l, quizResultPage(l, { quiz, eventLabel: 'A3', attempt })],
      [
        l,
        quizResultPage(l, {
          quiz: { ...quiz, passPercent: 50 },
          eventLabel: 'A3',
          attempt: { ...attempt, complete: true, percent: 80 },
        }),
      ],
      [
        l,
        quizResultPage(l, {
          quiz: { ...quiz, passPercent: 90 },
          eventLabel: 'A3',
          attempt: { ...attempt, percent: null },
        }),
      ],
      [l, myBadgesPage(l, [card('active'), card('revoked')])],
      [l, myBadgesPage(l, [])],
      [
        l,
        pathwayPage(l, {
          badges: [badge],
          events: [],
          progress: { badges: [{ ...file.badges[1]!, key: 'data-admin' }] },
          quizzes: [
            { key: 'quiz-admin', title: 'Q', open: true, opensAt: new Date(), timezone: 'Europe/Paris', best: null },
            {
              key: 'q2',
              title: 'Q',
              open: true,
              opensAt: new Date(),
              timezone: 'Europe/Paris',
              best: { id: uuid, score: 1, maxScore: 2, percent: 50, complete: true, submittedAt: new Date() },
            },
            {
              key: 'q3',
              title: 'Q',
              open: false,
              opensAt: new Date(),
              timezone: 'Europe/Paris',
              best: { id: uuid, score: 1, maxScore: 2, percent: null, complete: false, submittedAt: new Date() },
            },
            { key: 'q4', title: 'Q', open: false, opensAt: new Date(), timezone: 'Europe/Paris', best: null },
            { key: 'q5', title: 'Q', open: false, opensAt: null, timezone: 'Europe/Paris', best: null },
          ],
          revoked: new Set(['data-admin']),
        }),
      ],
      ...[
        verification(true),
        verification(false, 'VERIFY_STATUS_REVOKED'),
        verification(false, 'VERIFY_EXPIRED'),
        verification('unknown', 'VERIFY_STATUS_UNREACHABLE'),
        {
          ...verification(true),
          valid: false,
          checks: [{ check: 'proof' as const, ok: false as const, code: 'VERIFY_PROOF_INVALID', message: 'm' }],
        },
      ].map((v): [PageContext, PageView] => [c, credentialPage(c, credential(v))]),
      [
        c,
        credentialPage(c, {
          ...credential(verification(true)),
          tags: [],
          results: [],
          evidence: [],
          issuer: { name: 'I', url: null, description: null },
        }),
      ],
      [c, verifierPage(c)],
      [c, verifierPage(c, { errors: { credential: 'e' }, status: 400 })],
      [c, verifierPage(c, { pasted: 'x', message: 'm', status: 400 })],
      [c, verifierPage(c, { result: { ...verification(true), format: 'png', badgeName: 'B', issuerName: 'I' } })],
      [c, verifierPage(c, { result: { ...verification(false, 'VERIFY_STATUS_REVOKED'), format: 'json' } })],
    ];
  }

  it('carry no words of their own: every text comes from a dictionary', () => {
    renderAll('fr');
    renderAll('en');
    expect(rawTemplateText()).toEqual([]);
  });

  it('render no text of the other language and no unfilled placeholder', () => {
    const visible = (page: string) =>
      page
        .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
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

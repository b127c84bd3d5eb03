import type { Lang } from '../../src/shared/errors';
import type { PageContext, PageView } from '../../src/web/layout';
import { pathwayPage } from '../../src/badges/web/pathway.page';
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
import { badge, type CtxFor, event, type Quizzes, undated } from './i18n-base.data';
import { importData } from './i18n-imports.data';
import { learnerData } from './i18n-learner.data';

/** Imports, learners, cohort, questionnaires, badges, public credential page and verifier: every branch. */
export function laterPages(lang: Lang, ctxFor: CtxFor, quizzes: Quizzes): Array<[PageContext, PageView]> {
  const learner = { sub: 'l', role: 'learner' as const, email: 'l@b.fr' };
  const admin = { sub: 'a', role: 'admin' as const, email: 'a@b.fr' };
  const a = ctxFor(lang, admin);
  const l = ctxFor(lang, learner);
  const c = ctxFor(lang);
  const imports = importData();
  const { uuid, history, preview, headers, many, verification, card, credential } = imports;
  const { learnerRow, attempt, file, allAwarded, report } = learnerData(quizzes, imports);
  const quiz = quizzes.find((q) => q.key === 'quiz-admin')!;
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

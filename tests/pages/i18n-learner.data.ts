import { event, type Quizzes, undated } from './i18n-base.data';
import type { importData } from './i18n-imports.data';

/** A learner's whole file and the cohort report rendered by laterPages (i18n-later.helpers.ts). */
export function learnerData(quizzes: Quizzes, { uuid, card }: ReturnType<typeof importData>) {
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
        q: [null, { percent: null, complete: true }, { percent: 80, complete: true }, { percent: 10, complete: false }][
          i
        ]!,
      },
      badges: { b: { status: (['earned', 'eligible', 'in_progress', 'not_started'] as const)[i]!, percent: 50 } },
    })),
  };
  return { learnerRow, attempt, file, allAwarded, report };
}

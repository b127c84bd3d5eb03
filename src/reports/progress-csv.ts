import type { Lang } from '../shared/errors';
import type { BadgeStatus } from '../badges/progress';
import type { CohortRow, Presence, ProgressReport } from './progress-report.service';
import { spreadsheetCsv, type CsvCell } from './csv';

const TEXT = {
  fr: {
    name: 'Nom',
    email: 'E-mail',
    organisation: 'Organisation',
    presence: 'Présence',
    quiz: 'Questionnaire',
    badge: 'Badge',
    present: 'présent',
    replay: 'replay',
    absent: 'absent',
    incomplete: 'incomplet',
    answered: 'répondu',
    earned: 'obtenu',
    eligible: 'éligible',
    in_progress: 'en cours',
    not_started: 'non commencé',
  },
  en: {
    name: 'Name',
    email: 'E-mail',
    organisation: 'Organisation',
    presence: 'Attendance',
    quiz: 'Questionnaire',
    badge: 'Badge',
    present: 'present',
    replay: 'replay',
    absent: 'absent',
    incomplete: 'incomplete',
    answered: 'answered',
    earned: 'earned',
    eligible: 'eligible',
    in_progress: 'in progress',
    not_started: 'not started',
  },
} as const;

function presence(value: Presence, lang: Lang) {
  return value ? TEXT[lang][value] : '';
}

function quizCell(value: CohortRow['quizzes'][string], lang: Lang): CsvCell {
  if (!value) return '';
  if (!value.complete) return TEXT[lang].incomplete;
  // A number: "85,7" in French, which French Excel reads as a number.
  return value.percent === null ? TEXT[lang].answered : value.percent;
}

function badgeCell(value: { status: BadgeStatus; percent: number }, lang: Lang) {
  const label = TEXT[lang][value.status];
  return value.status === 'in_progress' ? `${label} (${value.percent}${lang === 'fr' ? ' %' : '%'})` : label;
}

/**
 * The cohort matrix as French Excel opens it (`spreadsheetCsv`: UTF-8 with a BOM, `;`, CRLF).
 * Names and organisations come from imported files: text cells that start like a formula are
 * neutralised there and can never run.
 */
export function progressCsv(report: ProgressReport, lang: Lang): string {
  const t = TEXT[lang];
  const fields = [
    t.name,
    t.email,
    t.organisation,
    ...report.events.map((e) => `${t.presence} — ${e.label}`),
    ...report.quizzes.map((q) => `${t.quiz} — ${q.label} (%)`),
    ...report.badges.map((b) => `${t.badge} — ${b.name}`),
  ];
  const data = report.learners.map((l) => [
    l.name ?? '',
    l.email,
    l.organisation ?? '',
    ...report.events.map((e) => presence(l.events[e.key] ?? null, lang)),
    ...report.quizzes.map((q) => quizCell(l.quizzes[q.key] ?? null, lang)),
    ...report.badges.map((b) => badgeCell(l.badges[b.key]!, lang)),
  ]);
  return spreadsheetCsv(fields, data, lang);
}

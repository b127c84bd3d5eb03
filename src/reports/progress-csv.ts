import Papa from 'papaparse';
import type { Lang } from '../shared/errors';
import { formatNumber } from '../programme/localize';
import type { BadgeStatus } from '../badges/progress';
import type { CohortRow, Presence, ProgressReport } from './progress-report.service';

const TEXT = {
  fr: {
    name: 'Nom', email: 'E-mail', organisation: 'Organisation', presence: 'Présence', quiz: 'Questionnaire', badge: 'Badge',
    present: 'présent', replay: 'replay', absent: 'absent', incomplete: 'incomplet', answered: 'répondu',
    earned: 'obtenu', eligible: 'éligible', in_progress: 'en cours', not_started: 'non commencé',
  },
  en: {
    name: 'Name', email: 'E-mail', organisation: 'Organisation', presence: 'Attendance', quiz: 'Questionnaire', badge: 'Badge',
    present: 'present', replay: 'replay', absent: 'absent', incomplete: 'incomplete', answered: 'answered',
    earned: 'earned', eligible: 'eligible', in_progress: 'in progress', not_started: 'not started',
  },
} as const;

function presence(value: Presence, lang: Lang) {
  return value ? TEXT[lang][value] : '';
}

function quizCell(value: CohortRow['quizzes'][string], lang: Lang) {
  if (!value) return '';
  if (!value.complete) return TEXT[lang].incomplete;
  // "85,7" in French: French Excel reads it as a number.
  return value.percent === null ? TEXT[lang].answered : formatNumber(value.percent, lang);
}

function badgeCell(value: { status: BadgeStatus; percent: number }, lang: Lang) {
  const label = TEXT[lang][value.status];
  return value.status === 'in_progress' ? `${label} (${value.percent}${lang === 'fr' ? ' %' : '%'})` : label;
}

/**
 * The cohort matrix as French Excel opens it: UTF-8 with a BOM (else accents break), `;` between
 * fields (`,` is the decimal separator), CRLF. Cells starting with = + - @ are escaped: names
 * come from imported files and must not run as formulas.
 */
export function progressCsv(report: ProgressReport, lang: Lang): string {
  const t = TEXT[lang];
  const fields = [
    t.name, t.email, t.organisation,
    ...report.events.map((e) => `${t.presence} — ${e.label}`),
    ...report.quizzes.map((q) => `${t.quiz} — ${q.label} (%)`),
    ...report.badges.map((b) => `${t.badge} — ${b.name}`),
  ];
  const data = report.learners.map((l) => [
    l.name ?? '', l.email, l.organisation ?? '',
    ...report.events.map((e) => presence(l.events[e.key] ?? null, lang)),
    ...report.quizzes.map((q) => quizCell(l.quizzes[q.key] ?? null, lang)),
    ...report.badges.map((b) => badgeCell(l.badges[b.key]!, lang)),
  ]);
  return `\uFEFF${Papa.unparse({ fields, data }, { delimiter: ';', newline: '\r\n', escapeFormulae: true })}\r\n`;
}

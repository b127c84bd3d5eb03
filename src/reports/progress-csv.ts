import type { BadgeStatus } from '../badges/progress';
import { badgeStatusText } from '../badges/badges.text';
import { locale } from '../shared/format';
import { fmt, textFor, type Lang } from '../shared/text';
import { progressCsvText } from './reports.text';
import type { CohortRow, Presence, ProgressReport } from './progress-report.service';
import { spreadsheetCsv, type CsvCell } from './csv';

type T = Readonly<Record<keyof typeof progressCsvText.fr, string>>;

function presence(value: Presence, t: T) {
  return value ? t[value] : '';
}

function quizCell(value: CohortRow['quizzes'][string], t: T): CsvCell {
  if (!value) return '';
  if (!value.complete) return t.incomplete;
  // A number: "85,7" in French, which French Excel reads as a number.
  return value.percent === null ? t.answered : value.percent;
}

/** "en cours (50 %)": the badge states of the pages, in lower case as the other cells. */
function badgeCell(value: { status: BadgeStatus; percent: number }, t: T, lang: Lang) {
  const label = textFor(badgeStatusText, lang)[value.status].toLocaleLowerCase(locale(lang));
  return value.status === 'in_progress' ? fmt(t.inProgress, { status: label, percent: value.percent }) : label;
}

/**
 * The cohort matrix as French Excel opens it (`spreadsheetCsv`: UTF-8 with a BOM, `;`, CRLF).
 * Names and organisations come from imported files: text cells that start like a formula are
 * neutralised there and can never run.
 */
export function progressCsv(report: ProgressReport, lang: Lang): string {
  const t = textFor(progressCsvText, lang);
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
    ...report.events.map((e) => presence(l.events[e.key] ?? null, t)),
    ...report.quizzes.map((q) => quizCell(l.quizzes[q.key] ?? null, t)),
    ...report.badges.map((b) => badgeCell(l.badges[b.key]!, t, lang)),
  ]);
  return spreadsheetCsv(fields, data, lang);
}

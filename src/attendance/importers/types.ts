import type { Lang } from '../../shared/errors';
import type { Collector } from './collector';
import type { DateHint, DateReader } from './dates';

export const MAPPED_FIELDS = ['email', 'name', 'organisation', 'joinedAt', 'leftAt', 'minutes', 'present'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export interface ParseOptions {
  /** Event window; when absent the report's own start/end is used. */
  window?: { startsAt: Date; endsAt: Date };
  /** IANA zone in which timestamps without an offset are read. Default `Europe/Paris`. */
  timezone: string;
  /** Share of the window a person must attend, e.g. 0.5 (the boundary counts as attended). */
  minPresenceRatio: number;
  /** Header name per field, for CSV-like files in no known format. */
  mapping?: Partial<Record<MappedField, string>>;
  /** Language of messages, default `fr`. */
  lang?: Lang;
  onProgress?: (rowsRead: number, bytesRead: number) => void;
}

export type ImportFormat =
  | 'zoom-webinar'
  | 'zoom-meeting'
  | 'teams'
  | 'teams-legacy'
  | 'google-meet'
  | 'livestorm'
  | 'sign-in-sheet'
  | 'mapped';

export interface ImportedPerson {
  email: string;
  name: string | null;
  organisation: string | null;
  minutes: number;
  attended: boolean;
  reason: { code: string; message: string };
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  lines: number[];
}

export interface ImportAnalysis {
  format: ImportFormat;
  encoding: string;
  delimiter: string;
  window: { startsAt: string; endsAt: string; source: 'event' | 'report' };
  people: ImportedPerson[];
  /** Rows without a usable e-mail, merged per name: for manual matching, never dropped. */
  unmatched: Array<{ line: number; name: string; minutes: number }>;
  errors: Array<{ line: number; code: string; message: string; field?: string }>;
  warnings: Array<{ code: string; message: string; line?: number }>;
  rowsRead: number;
}

export type Params = Record<string, string | number>;

export interface Warning {
  code: string;
  params: Params;
  line?: number;
}

/** What every format importer receives. */
export interface ImportContext {
  dates: DateReader;
  warn(code: string, params?: Params, line?: number): void;
  /** Start/end stated by the report itself (Zoom summary, Teams section 1, Meet header). */
  setReportWindow(start: number, end: number): void;
}

export interface Importer {
  row(cells: string[], line: number): void;
  /** The collector whose people are the result (Teams keeps one per section). */
  finish(): Collector;
}

/** A format recognised from the first rows of the file. */
export interface Detected {
  format: ImportFormat;
  create(ctx: ImportContext): Importer;
  /** Day/month order to assume when every date in the file is ambiguous. */
  dateHint: DateHint | null;
}

export type Detector = (rows: string[][]) => Detected | null;

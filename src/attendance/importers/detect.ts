import { AppError } from '../../shared/errors';
import { delimiterCandidates, sampleRows } from './csv';
import { detectGoogleMeet } from './google-meet';
import { isBlankRow, listHeaders } from './headers';
import { detectLivestorm } from './livestorm';
import { detectMapped, missingMapped } from './mapped';
import { detectSignInSheet, looksLikeListWithoutPresence } from './sign-in-sheet';
import { detectTeams } from './teams';
import { detectTeamsLegacy } from './teams-legacy';
import type { Detected, Detector, ParseOptions } from './types';
import { detectZoomMeeting } from './zoom-meeting';
import { detectZoomWebinar } from './zoom-webinar';

// Vendor formats carry rules a mapping cannot express (sections, staff roles), so they come first.
const VENDORS: Detector[] = [
  detectZoomWebinar,
  detectTeams,
  detectTeamsLegacy,
  detectZoomMeeting,
  detectGoogleMeet,
  detectLivestorm,
];

export interface Plan extends Detected {
  delimiter: string;
  rows: string[][];
  mappingIgnored: boolean;
}

/**
 * Recognises the format from the first rows. Each delimiter is tried, papaparse's guess first,
 * because a wrong delimiter can look consistent (commas inside Teams dates, `;` title rows).
 */
export function detectFormat(sampleText: string, complete: boolean, mapping: ParseOptions['mapping']): Plan {
  const hasMapping = !!mapping && Object.values(mapping).some(Boolean);
  const candidates = delimiterCandidates(sampleText).map((delimiter) => ({
    delimiter,
    rows: sampleRows(sampleText, complete, delimiter),
  }));
  for (const { delimiter, rows } of candidates) {
    for (const detect of VENDORS) {
      const d = detect(rows);
      if (d) return { ...d, delimiter, rows, mappingIgnored: hasMapping };
    }
  }
  for (const { delimiter, rows } of candidates) {
    const d = hasMapping ? detectMapped(rows, mapping!) : detectSignInSheet(rows);
    if (d) return { ...d, delimiter, rows, mappingIgnored: false };
  }
  const rows = candidates[0]!.rows;
  const headerLike = mostHeaderLike(rows);
  const headers = listHeaders(headerLike);
  if (hasMapping) {
    throw new AppError('IMPORT_MAPPING_COLUMNS_NOT_FOUND', 422, {
      missing: missingMapped(headerLike, mapping!).join(', '),
      headers,
    });
  }
  for (const c of candidates) {
    const list = c.rows.slice(0, 40).find(looksLikeListWithoutPresence);
    if (list) throw new AppError('IMPORT_NO_PRESENCE_COLUMN', 422, { headers: listHeaders(list) });
  }
  throw new AppError('IMPORT_HEADER_NOT_RECOGNISED', 422, { headers: headers || '∅' });
}

/** The first row with the most non-empty cells among the first lines: what a person would call the header. */
export function mostHeaderLike(rows: string[][]): string[] {
  let best: string[] = [];
  let bestCount = 0;
  for (const r of rows.slice(0, 20)) {
    if (isBlankRow(r)) continue;
    const count = r.filter((c) => c.trim()).length;
    if (count > bestCount) [best, bestCount] = [r, count];
  }
  return best;
}

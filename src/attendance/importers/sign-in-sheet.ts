import { normHeader } from './headers';
import { columnsFromHeader, hasPresenceEvidence, type Columns } from './rows';
import { TableImporter } from './table';
import type { DateHint } from './dates';
import type { Detector } from './types';

/**
 * French Excel sign-in sheet ("feuille d'émargement"), saved as "CSV (séparateur : point-virgule)":
 * Windows-1252 without BOM (or UTF-8 with BOM for "CSV UTF-8"), `;`, CRLF, `dd/mm/yyyy`, title
 * rows above the header padded with `;`. Headers are free: Nom, Prénom, Courriel/E-mail/Adresse
 * mail, Collectivité/Structure, Présent (Oui/Non/X), Matin/Après-midi, Heure d'arrivée/de départ.
 * Also accepts any English table of the same shape (Name, Email, Attended…).
 */

/** The header: an e-mail or name column and at least one column that says presence. */
export function signInColumns(cells: string[]): Columns | null {
  if (cells.filter((c) => c.trim()).length < 2) return null;
  const c = columnsFromHeader(cells);
  const who = c.email >= 0 || c.name >= 0 || c.lastName >= 0;
  return who && hasPresenceEvidence(c) ? c : null;
}

/** A header naming people but no presence column: worth a specific error rather than "unrecognised". */
export function looksLikeListWithoutPresence(cells: string[]): boolean {
  const c = columnsFromHeader(cells);
  return c.email >= 0 && !hasPresenceEvidence(c);
}

// Headers only a French file has ("Present", "Structure", "Date" are English too).
const FRENCH = new RegExp(
  '^(nom|prenom|courriel|collectivite|emargement|heure d arrivee|heure de depart|matin|apres midi|' +
    'adresse (e )?mail|presente?s?|duree)$',
);

/** Spreadsheet CSVs with French headers come from French Excel: day first when values cannot tell. */
export function frenchDateHint(rows: string[][]): DateHint | null {
  const french = rows
    .slice(0, 40)
    .some((r) => r.some((h) => FRENCH.test(normHeader(h)) && !/^present$/i.test(h.trim())));
  return french ? { order: 'dmy', basis: 'french' } : null;
}

export const detectSignInSheet: Detector = (rows) => {
  if (!rows.slice(0, 40).some((r) => signInColumns(r))) return null;
  return {
    format: 'sign-in-sheet',
    create: (ctx) => new TableImporter(ctx, signInColumns),
    dateHint: frenchDateHint(rows),
  };
};

import { AppError } from '../../shared/errors';
import { listHeaders, normHeader } from './headers';
import { columnsFromHeader, hasPresenceEvidence, type Columns } from './rows';
import { frenchDateHint } from './sign-in-sheet';
import { TableImporter } from './table';
import type { Detected, MappedField, ParseOptions } from './types';

type Mapping = NonNullable<ParseOptions['mapping']>;

/**
 * Columns named by the organiser's mapping, over what the synonyms found; null if a mapped header
 * is missing. A field mapped to "" is read from no column at all (the organiser said "none");
 * a field left out of the mapping is still found by its usual names.
 */
export function mappedColumns(cells: string[], mapping: Mapping): Columns | null {
  const n = cells.map(normHeader);
  const idx: Partial<Record<MappedField, number>> = {};
  for (const [field, header] of Object.entries(mapping) as Array<[MappedField, string | undefined]>) {
    if (header === undefined) continue;
    if (header === '') {
      idx[field] = -1;
      continue;
    }
    const i = n.indexOf(normHeader(header));
    if (i < 0) return null;
    idx[field] = i;
  }
  const c = columnsFromHeader(cells);
  if (idx.email !== undefined) c.email = idx.email;
  if (idx.name !== undefined) Object.assign(c, { name: idx.name, firstName: -1, lastName: -1 });
  if (idx.organisation !== undefined) c.organisation = idx.organisation;
  if (idx.joinedAt !== undefined) c.joinedAt = idx.joinedAt;
  if (idx.leftAt !== undefined) c.leftAt = idx.leftAt;
  if (idx.minutes !== undefined) Object.assign(c, { duration: idx.minutes, durationUnitMs: 60_000 });
  if (idx.present !== undefined) c.present = idx.present >= 0 ? [idx.present] : [];
  return c;
}

export function detectMapped(rows: string[][], mapping: Mapping): Detected | null {
  const header = rows.slice(0, 40).find((r) => mappedColumns(r, mapping));
  if (!header) return null;
  if (!hasPresenceEvidence(mappedColumns(header, mapping)!)) {
    throw new AppError('IMPORT_NO_PRESENCE_COLUMN', 422, { headers: listHeaders(header) });
  }
  return {
    format: 'mapped',
    create: (ctx) => new TableImporter(ctx, (cells) => mappedColumns(cells, mapping)),
    dateHint: frenchDateHint(rows),
  };
}

/** Mapped header names missing from the most header-like row, for the fatal error. */
export function missingMapped(row: string[], mapping: Mapping): string[] {
  const n = row.map(normHeader);
  return Object.values(mapping).filter((h): h is string => !!h && !n.includes(normHeader(h)));
}

import { createHash } from 'node:crypto';
import { normHeader } from '../importers/headers';
import type { MappedField, ParseOptions } from '../importers/types';
import type { Lang } from '../../shared/errors';
import type { FieldErrors } from '../../web/forms';
import { importMappingText } from './import-mapping.text';
import { fmt, textFor } from '../../shared/text';

/** Header name per field, as the importer takes it (`ParseOptions.mapping`). */
export type Mapping = NonNullable<ParseOptions['mapping']>;

export interface MappedFieldForm {
  field: MappedField;
  /** Form field name, French like the page's other fields. */
  name: string;
  group: 'person' | 'presence';
}

/** Every field the importer can map, in the order shown, carried and hashed. */
export const MAPPING_FORM_FIELDS: readonly MappedFieldForm[] = [
  { field: 'email', name: 'colonne-email', group: 'person' },
  { field: 'name', name: 'colonne-nom', group: 'person' },
  { field: 'organisation', name: 'colonne-organisation', group: 'person' },
  { field: 'joinedAt', name: 'colonne-arrivee', group: 'presence' },
  { field: 'leftAt', name: 'colonne-depart', group: 'presence' },
  { field: 'minutes', name: 'colonne-minutes', group: 'presence' },
  { field: 'present', name: 'colonne-presence', group: 'presence' },
];

/** The confirmation carries the digest of the previewed mapping here, beside the file's `empreinte`. */
export const MAPPING_DIGEST_FIELD = 'empreinte-colonnes';

const nameOf = (field: MappedField) => MAPPING_FORM_FIELDS.find((f) => f.field === field)!.name;

export const fieldLabel = (lang: Lang, field: MappedField) => textFor(importMappingText, lang)[`field.${field}`];

export interface MappingForm {
  mapping: Mapping;
  errors: FieldErrors;
}

/**
 * The columns chosen in the mapping form (or carried by the confirmation), checked the way the
 * importer needs them: an e-mail column, and something that tells presence. Null when the form
 * carries no mapping at all (a file in a known format).
 */
export function readMappingForm(body: Record<string, string>, lang: Lang): MappingForm | null {
  if (!MAPPING_FORM_FIELDS.some((f) => f.name in body)) return null;
  const t = textFor(importMappingText, lang);
  const mapping: Mapping = {};
  const errors: FieldErrors = {};
  const usedBy = new Map<string, MappedField>();
  for (const { field, name } of MAPPING_FORM_FIELDS) {
    const column = (body[name] ?? '').trim();
    // "None" is a choice too: that field is then read from no column, not guessed by the importer.
    mapping[field] = column;
    if (!column) continue;
    // One column read as two things (an e-mail as a duration) is a slip, never what was meant.
    const earlier = usedBy.get(normHeader(column));
    if (earlier) errors[name] = fmt(t.duplicate, { column, field: fieldLabel(lang, earlier) });
    else usedBy.set(normHeader(column), field);
  }
  if (!mapping.email) errors[nameOf('email')] = t.emailRequired;
  // One time without the other gives no time attended: the importer would refuse every row.
  if (mapping.joinedAt && !mapping.leftAt) errors[nameOf('leftAt')] ??= t.leftAtRequired;
  else if (mapping.leftAt && !mapping.joinedAt) errors[nameOf('joinedAt')] ??= t.joinedAtRequired;
  else if (!mapping.joinedAt && !mapping.minutes && !mapping.present) errors[nameOf('joinedAt')] ??= t.presenceRequired;
  return { mapping, errors };
}

/** Chosen columns that the file does not have (compared as the importer compares headers). */
export function missingColumns(mapping: Mapping, headers: readonly string[], lang: Lang): FieldErrors {
  const t = textFor(importMappingText, lang);
  const known = new Set(headers.map(normHeader));
  const errors: FieldErrors = {};
  for (const { field, name } of MAPPING_FORM_FIELDS) {
    const column = mapping[field];
    if (column && !known.has(normHeader(column))) errors[name] = fmt(t.notFound, { column });
  }
  return errors;
}

// Obvious names only: a guess the organiser has to undo is worse than an empty choice.
// Order matters: "Minutes de présence" is minutes, "Heure de déconnexion" a departure.
const GUESSES: Array<[MappedField, RegExp]> = [
  ['email', /mail|courriel|electronique/],
  ['minutes', /minute|duree|duration/],
  ['leftAt', /depart|sortie|deconnexion|leave|left/],
  ['joinedAt', /arrivee|entree|connexion|join/],
  ['present', /present|presence|emargement|attended/],
  ['organisation', /structure|organi[sz]ation|organisme|collectivite|entreprise|employeur|societe|company/],
  ['name', /\bnom\b|name|participant/],
];

/** A first choice for each field whose header obviously matches, each header used once. */
export function guessMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  const used = new Set<string>();
  for (const [field, pattern] of GUESSES) {
    const header = headers.find((h) => !used.has(h) && pattern.test(normHeader(h)));
    if (!header) continue;
    mapping[field] = header;
    used.add(header);
  }
  return mapping;
}

/**
 * What the confirmation must match: the mapping is carried in hidden fields, and its digest
 * (made when the preview was shown) says whether they still hold what was previewed. Not a
 * secret: the organiser may import with any mapping; this only stops a commit that would read
 * the file differently from the preview. Empty when there is no mapping.
 */
export function mappingDigest(mapping: Mapping | undefined): string {
  if (!mapping) return '';
  const values = MAPPING_FORM_FIELDS.map((f) => mapping[f.field] ?? '');
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

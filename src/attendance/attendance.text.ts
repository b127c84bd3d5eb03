import { definePairs, type Lang, type Params } from '../shared/text';
import { formatNumber } from '../shared/format';

// French first. Row messages name the line, the column and the reason.
const n = (v: Params[string], lang: Lang) =>
  typeof v === 'number' ? formatNumber(v, lang).replace(/\u202f|\u00a0/g, ' ') : String(v ?? '');
export const fr = (v: Params[string]) => n(v, 'fr');
export const en = (v: Params[string]) => n(v, 'en');
export const orderFr = (o: Params[string]) => (o === 'mdy' ? 'mois/jour/année' : 'jour/mois/année');
export const orderEn = (o: Params[string]) => (o === 'mdy' ? 'month/day/year' : 'day/month/year');

/** Errors of the attendance area: a file that cannot be read, a refused commit, a manual entry. Row
 * errors, warnings and presence reasons are in import-rows.text.ts. */
export const attendanceErrors = definePairs('attendance-errors', {
  // Fatal: the file cannot be read.
  IMPORT_INPUT_INVALID: {
    fr: () => 'Le fichier doit être transmis en octets (Buffer ou flux d’octets), sans décodage préalable.',
    en: () => 'The file must be passed as bytes (a Buffer or a byte stream), not decoded text.',
  },
  IMPORT_EMPTY_FILE: { fr: () => 'Le fichier est vide.', en: () => 'The file is empty.' },
  IMPORT_BINARY_FILE: {
    fr: (p) => `Ce fichier n’est pas un fichier texte CSV (${p.kind}). Exportez la liste de présence au format CSV.`,
    en: (p) => `This is not a CSV text file (${p.kind}). Export the attendance list as CSV.`,
  },
  IMPORT_SPREADSHEET_FILE: {
    fr: (p) =>
      `Classeur ${p.kind} : dans le tableur, utilisez « Enregistrer sous » → CSV (séparateur : point-virgule) ` +
      `ou CSV UTF-8, puis importez ce fichier.`,
    en: (p) =>
      `${p.kind} workbook: use "Save as" → CSV (semicolon or comma separated) or CSV UTF-8 in your spreadsheet, ` +
      `then import that file.`,
  },
  IMPORT_WORKBOOK_TOO_LARGE: {
    fr: (p) =>
      `Classeur trop volumineux une fois décompressé (plus de ${p.limit}) : enregistrez la feuille au format ` +
      `CSV, qui est lu au fil de l’eau, puis importez ce fichier.`,
    en: (p) =>
      `Workbook too large once unzipped (over ${p.limit}): save the sheet as CSV, which is read as a stream, ` +
      `then import that file.`,
  },
  IMPORT_UTF16_TRUNCATED: {
    fr: (p) =>
      `Fichier UTF-16 tronqué : ${fr(p.bytes)} octets, un nombre impair. Le téléchargement a sans doute été ` +
      `interrompu ; téléchargez à nouveau le rapport.`,
    en: (p) =>
      `Truncated UTF-16 file: ${en(p.bytes)} bytes, an odd number. The download was probably cut; download ` +
      `the report again.`,
  },
  IMPORT_RECORD_TOO_LONG: {
    fr: (p) =>
      `Ligne ${p.line} : un enregistrement de plus de ${fr(p.limit)} caractères (un guillemet jamais refermé ` +
      `?). Le fichier ne peut pas être lu ; exportez-le à nouveau.`,
    en: (p) =>
      `Line ${p.line}: a record longer than ${en(p.limit)} characters (a quote never closed?). The file cannot ` +
      `be read; export it again.`,
  },
  IMPORT_HEADER_NOT_RECOGNISED: {
    fr: (p) =>
      `Format de fichier non reconnu : aucune ligne d’en-tête connue (Zoom, Teams, Google Meet, Livestorm, ` +
      `feuille d’émargement). En-têtes trouvés : ${p.headers}. Indiquez la correspondance des colonnes.`,
    en: (p) =>
      `File format not recognised: no known header row (Zoom, Teams, Google Meet, Livestorm, sign-in sheet). ` +
      `Headers found: ${p.headers}. Provide a column mapping.`,
  },
  IMPORT_MAPPING_COLUMNS_NOT_FOUND: {
    fr: (p) => `Colonnes de la correspondance introuvables : ${p.missing}. En-têtes trouvés : ${p.headers}.`,
    en: (p) => `Mapped columns not found: ${p.missing}. Headers found: ${p.headers}.`,
  },
  IMPORT_NO_PRESENCE_COLUMN: {
    fr: (p) =>
      `Aucune colonne n’indique la présence (Présent, Heure d’arrivée/de départ, Durée…). En-têtes trouvés ` +
      `: ${p.headers}. Indiquez la colonne de présence dans la correspondance.`,
    en: (p) =>
      `No column tells presence (Present, Join/Leave time, Duration…). Headers found: ${p.headers}. Map the ` +
      `presence column.`,
  },
  IMPORT_DATE_ORDER_UNKNOWN: {
    fr: (p) =>
      `Ligne ${p.line} : impossible de savoir si « ${p.value} » est jour/mois ou mois/jour (aucune date ne ` +
      `le tranche). Importez le fichier depuis un événement dont les dates sont renseignées.`,
    en: (p) =>
      `Line ${p.line}: cannot tell whether "${p.value}" is day/month or month/day (no date settles it). Import ` +
      `the file from an event with its dates set.`,
  },
  IMPORT_DATE_ORDER_CONFLICT: {
    fr: (p) =>
      `${p.line ? `Ligne ${p.line} : ` : ''}la date « ${p.value} » contredit l’ordre ${orderFr(p.order)} ` +
      `des autres dates du fichier.`,
    en: (p) =>
      `${p.line ? `Line ${p.line}: ` : ''}the date "${p.value}" contradicts the ${orderEn(p.order)} order ` +
      `of the file's other dates.`,
  },
  IMPORT_WINDOW_REQUIRED: {
    fr: () => 'Le fichier n’indique ni début ni fin de séance, ni horaires : renseignez les dates de l’événement.',
    en: () => 'The file states no session start or end and no times: set the event’s dates.',
  },
  IMPORT_WINDOW_INVALID: {
    fr: () => 'La fin de la séance doit être postérieure à son début.',
    en: () => 'The session end must be after its start.',
  },
  IMPORT_TIMEZONE_INVALID: {
    fr: (p) => `Fuseau horaire inconnu : « ${p.timezone} ».`,
    en: (p) => `Unknown time zone: "${p.timezone}".`,
  },
  IMPORT_RATIO_INVALID: {
    fr: (p) => `Taux de présence minimal invalide : ${p.value} (attendu entre 0 et 1).`,
    en: (p) => `Invalid minimum presence ratio: ${p.value} (expected between 0 and 1).`,
  },

  // Thrown by the import service when committing a file that still has row errors.
  IMPORT_HAS_ERRORS: {
    fr: (p) =>
      `Le fichier contient ${fr(p.count)} erreur(s) de ligne : corrigez le fichier, ou confirmez l’import ` +
      `partiel (les lignes en erreur ne seront pas importées).`,
    en: (p) =>
      `The file has ${en(p.count)} row error(s): fix the file, or confirm a partial import (rows in error ` +
      `will not be imported).`,
  },
});

import { defineMessages, type Lang, type Params } from '../shared/errors';

// French first. Row messages name the line, the column and the reason.
// One formatter per language: a 100 000-row import renders thousands of reasons.
const NUMBER = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};
const n = (v: Params[string], lang: Lang) =>
  typeof v === 'number' ? NUMBER[lang].format(v).replace(/\u202f|\u00a0/g, ' ') : String(v ?? '');
const fr = (v: Params[string]) => n(v, 'fr');
const en = (v: Params[string]) => n(v, 'en');
const orderFr = (o: Params[string]) => (o === 'mdy' ? 'mois/jour/année' : 'jour/mois/année');
const orderEn = (o: Params[string]) => (o === 'mdy' ? 'month/day/year' : 'day/month/year');
const ROLE_FR: Record<string, string> = { host: 'hôte', panelist: 'panéliste' };
const BASIS_FR: Record<string, string> = {
  duration: ' (durée indiquée par le rapport, sans horaires)',
  capped: ' (plafonné à la durée de présence indiquée par le rapport)',
};
const BASIS_EN: Record<string, string> = {
  duration: ' (duration stated by the report, no timestamps)',
  capped: ' (capped at the in-meeting time stated by the report)',
};
const HINT_FR: Record<string, string> = {
  french: 'le fichier est en français',
  'twelve-hour': 'les heures sont au format AM/PM (anglais américain)',
  zoom: 'Zoom écrit les dates numériques au format américain',
};
const HINT_EN: Record<string, string> = {
  french: 'the file is in French',
  'twelve-hour': 'times use AM/PM (US English)',
  zoom: 'Zoom writes numeric dates in US format',
};

export const attendanceMessages = defineMessages({
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
      `Classeur ${p.kind} : dans le tableur, utilisez « Enregistrer sous » → CSV (séparateur : point-virgule) ou CSV UTF-8, puis importez ce fichier.`,
    en: (p) =>
      `${p.kind} workbook: use "Save as" → CSV (semicolon or comma separated) or CSV UTF-8 in your spreadsheet, then import that file.`,
  },
  IMPORT_WORKBOOK_TOO_LARGE: {
    fr: (p) =>
      `Classeur trop volumineux une fois décompressé (plus de ${p.limit}) : enregistrez la feuille au format CSV, qui est lu au fil de l’eau, puis importez ce fichier.`,
    en: (p) =>
      `Workbook too large once unzipped (over ${p.limit}): save the sheet as CSV, which is read as a stream, then import that file.`,
  },
  IMPORT_UTF16_TRUNCATED: {
    fr: (p) =>
      `Fichier UTF-16 tronqué : ${fr(p.bytes)} octets, un nombre impair. Le téléchargement a sans doute été interrompu ; téléchargez à nouveau le rapport.`,
    en: (p) =>
      `Truncated UTF-16 file: ${en(p.bytes)} bytes, an odd number. The download was probably cut; download the report again.`,
  },
  IMPORT_RECORD_TOO_LONG: {
    fr: (p) =>
      `Ligne ${p.line} : un enregistrement de plus de ${fr(p.limit)} caractères (un guillemet jamais refermé ?). Le fichier ne peut pas être lu ; exportez-le à nouveau.`,
    en: (p) =>
      `Line ${p.line}: a record longer than ${en(p.limit)} characters (a quote never closed?). The file cannot be read; export it again.`,
  },
  IMPORT_HEADER_NOT_RECOGNISED: {
    fr: (p) =>
      `Format de fichier non reconnu : aucune ligne d’en-tête connue (Zoom, Teams, Google Meet, Livestorm, feuille d’émargement). En-têtes trouvés : ${p.headers}. Indiquez la correspondance des colonnes.`,
    en: (p) =>
      `File format not recognised: no known header row (Zoom, Teams, Google Meet, Livestorm, sign-in sheet). Headers found: ${p.headers}. Provide a column mapping.`,
  },
  IMPORT_MAPPING_COLUMNS_NOT_FOUND: {
    fr: (p) => `Colonnes de la correspondance introuvables : ${p.missing}. En-têtes trouvés : ${p.headers}.`,
    en: (p) => `Mapped columns not found: ${p.missing}. Headers found: ${p.headers}.`,
  },
  IMPORT_NO_PRESENCE_COLUMN: {
    fr: (p) =>
      `Aucune colonne n’indique la présence (Présent, Heure d’arrivée/de départ, Durée…). En-têtes trouvés : ${p.headers}. Indiquez la colonne de présence dans la correspondance.`,
    en: (p) =>
      `No column tells presence (Present, Join/Leave time, Duration…). Headers found: ${p.headers}. Map the presence column.`,
  },
  IMPORT_DATE_ORDER_UNKNOWN: {
    fr: (p) =>
      `Ligne ${p.line} : impossible de savoir si « ${p.value} » est jour/mois ou mois/jour (aucune date ne le tranche). Importez le fichier depuis un événement dont les dates sont renseignées.`,
    en: (p) =>
      `Line ${p.line}: cannot tell whether "${p.value}" is day/month or month/day (no date settles it). Import the file from an event with its dates set.`,
  },
  IMPORT_DATE_ORDER_CONFLICT: {
    fr: (p) =>
      `${p.line ? `Ligne ${p.line} : ` : ''}la date « ${p.value} » contredit l’ordre ${orderFr(p.order)} des autres dates du fichier.`,
    en: (p) =>
      `${p.line ? `Line ${p.line}: ` : ''}the date "${p.value}" contradicts the ${orderEn(p.order)} order of the file's other dates.`,
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
      `Le fichier contient ${fr(p.count)} erreur(s) de ligne : corrigez le fichier, ou confirmez l’import partiel (les lignes en erreur ne seront pas importées).`,
    en: (p) =>
      `The file has ${en(p.count)} row error(s): fix the file, or confirm a partial import (rows in error will not be imported).`,
  },

  // Row errors.
  IMPORT_EMAIL_INVALID: {
    fr: (p) =>
      `Ligne ${p.line} : adresse e-mail invalide « ${p.value} » (colonne « ${p.field} »). La ligne est placée dans les personnes à rapprocher.`,
    en: (p) =>
      `Line ${p.line}: invalid e-mail address "${p.value}" (column "${p.field}"). The row is listed for manual matching.`,
  },
  IMPORT_DATE_INVALID: {
    fr: (p) => `Ligne ${p.line} : date ou heure illisible « ${p.value} » (colonne « ${p.field} »).`,
    en: (p) => `Line ${p.line}: unreadable date or time "${p.value}" (column "${p.field}").`,
  },
  IMPORT_DATE_WITHOUT_DAY: {
    fr: (p) =>
      `Ligne ${p.line} : heure « ${p.value} » sans date (colonne « ${p.field} ») ; renseignez les dates de l’événement.`,
    en: (p) => `Line ${p.line}: time "${p.value}" without a date (column "${p.field}"); set the event’s dates.`,
  },
  IMPORT_TIME_MISSING: {
    fr: (p) =>
      `Ligne ${p.line} : heure manquante dans la colonne « ${p.field} » ; le temps de présence de cette ligne n’est pas compté.`,
    en: (p) => `Line ${p.line}: missing time in column "${p.field}"; this row’s time is not counted.`,
  },
  IMPORT_INTERVAL_REVERSED: {
    fr: (p) => `Ligne ${p.line} : départ (${p.left}) antérieur à l’arrivée (${p.joined}) (colonne « ${p.field} »).`,
    en: (p) => `Line ${p.line}: leave time (${p.left}) before join time (${p.joined}) (column "${p.field}").`,
  },
  IMPORT_DURATION_INVALID: {
    fr: (p) => `Ligne ${p.line} : durée illisible « ${p.value} » (colonne « ${p.field} »).`,
    en: (p) => `Line ${p.line}: unreadable duration "${p.value}" (column "${p.field}").`,
  },
  IMPORT_RATE_INVALID: {
    fr: (p) =>
      `Ligne ${p.line} : taux de présence illisible « ${p.value} » (colonne « ${p.field} », attendu de 0 à 100).`,
    en: (p) => `Line ${p.line}: unreadable attendance rate "${p.value}" (column "${p.field}", expected 0 to 100).`,
  },
  IMPORT_PRESENCE_INVALID: {
    fr: (p) =>
      `Ligne ${p.line} : valeur de présence non comprise « ${p.value} » (colonne « ${p.field} » ; attendu Oui/Non/X ou vide).`,
    en: (p) =>
      `Line ${p.line}: presence value not understood "${p.value}" (column "${p.field}"; expected Yes/No/X or empty).`,
  },
  IMPORT_ACTION_INVALID: {
    fr: (p) => `Ligne ${p.line} : action inconnue « ${p.value} » (colonne « ${p.field} » ; attendu Joined/Left).`,
    en: (p) => `Line ${p.line}: unknown action "${p.value}" (column "${p.field}"; expected Joined/Left).`,
  },
  IMPORT_CSV_QUOTES: {
    fr: (p) => `Ligne ${p.line} : guillemet non fermé ou mal placé ; la ligne n’a pas pu être lue.`,
    en: (p) => `Line ${p.line}: unclosed or misplaced quote; the row could not be read.`,
  },

  // Warnings.
  IMPORT_DATE_ORDER_ASSUMED: {
    fr: (p) =>
      `Dates ambiguës (ex. « ${p.value} ») lues en ${orderFr(p.order)} car ${HINT_FR[String(p.basis)] ?? p.basis}. Vérifiez les dates.`,
    en: (p) =>
      `Ambiguous dates (e.g. "${p.value}") read as ${orderEn(p.order)} because ${HINT_EN[String(p.basis)] ?? p.basis}. Check the dates.`,
  },
  IMPORT_STAFF_EXCLUDED: {
    fr: (p) => `${fr(p.count)} organisateur(s), hôte(s) ou intervenant(s) exclu(s) : ce ne sont pas des apprenants.`,
    en: (p) => `${en(p.count)} organiser(s), host(s) or presenter(s) excluded: they are not learners.`,
  },
  IMPORT_STAFF_ALSO_ATTENDEE: {
    fr: (p) =>
      `Ligne ${p.line} : ${p.email} figure aussi comme ${ROLE_FR[String(p.role)] ?? p.role} ; considéré comme intervenant et exclu.`,
    en: (p) => `Line ${p.line}: ${p.email} is also listed as ${p.role}; treated as staff and excluded.`,
  },
  IMPORT_ALL_PRESENTERS: {
    fr: (p) =>
      `Aucune personne n’a le rôle Participant : les personnes au rôle Présentateur (${fr(p.count)}) sont comptées comme participantes (réglage Teams par défaut « Qui peut présenter : tout le monde »). Seuls les organisateurs sont exclus ; vérifiez qu’aucun intervenant n’est dans la liste.`,
    en: (p) =>
      `Nobody has the Attendee role: the people with the Presenter role (${en(p.count)}) are counted as participants (Teams' default "Who can present: Everyone"). Only organisers are excluded; check that no speaker is in the list.`,
  },
  IMPORT_WAITING_ROOM_SKIPPED: {
    fr: (p) => `${fr(p.count)} ligne(s) en salle d’attente non comptées.`,
    en: (p) => `${en(p.count)} waiting-room row(s) not counted.`,
  },
  IMPORT_MAPPING_IGNORED: {
    fr: (p) => `Format ${p.format} reconnu : la correspondance de colonnes fournie n’est pas utilisée.`,
    en: (p) => `Format ${p.format} recognised: the column mapping provided is not used.`,
  },
  IMPORT_WINDOW_FROM_DATA: {
    fr: () =>
      'Ni l’événement ni le rapport n’indiquent la séance : elle va de la première arrivée au dernier départ du fichier.',
    en: () =>
      'Neither the event nor the report states the session: it runs from the file’s first join to its last leave.',
  },
  IMPORT_ENCODING_REPLACEMENT: {
    fr: (p) =>
      `Ligne ${p.line} : caractères illisibles en ${p.encoding} ; le fichier mélange peut-être plusieurs encodages.`,
    en: (p) => `Line ${p.line}: characters unreadable as ${p.encoding}; the file may mix encodings.`,
  },
  IMPORT_ROW_IGNORED: {
    fr: (p) => `Ligne ${p.line} : ni nom ni adresse e-mail ; ligne ignorée.`,
    en: (p) => `Line ${p.line}: neither name nor e-mail address; row ignored.`,
  },
  IMPORT_ERRORS_TRUNCATED: {
    fr: (p) => `${fr(p.total)} erreurs au total ; seules les ${fr(p.shown)} premières sont listées.`,
    en: (p) => `${en(p.total)} errors in total; only the first ${en(p.shown)} are listed.`,
  },
  IMPORT_NO_EMAIL_COLUMN: {
    fr: () => 'Le fichier n’a pas de colonne e-mail : toutes les personnes sont à rapprocher à la main.',
    en: () => 'The file has no e-mail column: every person must be matched by hand.',
  },
  IMPORT_STILL_CONNECTED: {
    fr: (p) => `${fr(p.count)} personne(s) sans départ enregistré : comptées jusqu’à la dernière heure du fichier.`,
    en: (p) => `${en(p.count)} person(s) with no recorded leave: counted until the file’s last timestamp.`,
  },
  IMPORT_SECTION_SKIPPED: {
    fr: (p) => `Ligne ${p.line} : section « ${p.title} » inconnue, ignorée.`,
    en: (p) => `Line ${p.line}: unknown section "${p.title}", skipped.`,
  },
  IMPORT_NO_ROWS: { fr: () => 'Aucune personne trouvée dans le fichier.', en: () => 'No person found in the file.' },
  IMPORT_DURATION_ONLY: {
    fr: () =>
      'Rapport sans heures d’arrivée et de départ : durées seules, arrondies à la minute supérieure par Zoom, sans dédoublonnage des connexions simultanées.',
    en: () =>
      'Report without join/leave times: durations only, rounded up by Zoom, simultaneous connections not de-duplicated.',
  },

  // Presence decisions (the `reason` of each person).
  PRESENCE_TIME_MET: {
    fr: (p) =>
      `${fr(p.minutes)} min sur ${fr(p.total)} (${p.percent} %) ≥ ${fr(p.threshold)} %${BASIS_FR[String(p.basis)] ?? ''}`,
    en: (p) =>
      `${en(p.minutes)} min of ${en(p.total)} (${p.percent}%) ≥ ${en(p.threshold)}%${BASIS_EN[String(p.basis)] ?? ''}`,
  },
  PRESENCE_TIME_SHORT: {
    fr: (p) =>
      `${fr(p.minutes)} min sur ${fr(p.total)} (${p.percent} %) < ${fr(p.threshold)} %${BASIS_FR[String(p.basis)] ?? ''}`,
    en: (p) =>
      `${en(p.minutes)} min of ${en(p.total)} (${p.percent}%) < ${en(p.threshold)}%${BASIS_EN[String(p.basis)] ?? ''}`,
  },
  PRESENCE_RATE_MET: {
    fr: (p) => `taux de présence ${p.percent} % ≥ ${fr(p.threshold)} %`,
    en: (p) => `attendance rate ${p.percent}% ≥ ${en(p.threshold)}%`,
  },
  PRESENCE_RATE_SHORT: {
    fr: (p) => `taux de présence ${p.percent} % < ${fr(p.threshold)} %`,
    en: (p) => `attendance rate ${p.percent}% < ${en(p.threshold)}%`,
  },
  PRESENCE_MARKED_PRESENT: {
    fr: (p) => `colonne « ${p.column} » : ${p.value}`,
    en: (p) => `column "${p.column}": ${p.value}`,
  },
  PRESENCE_MARKED_ABSENT: {
    fr: (p) => `colonne « ${p.column} » : ${p.value || '(vide)'} → absent`,
    en: (p) => `column "${p.column}": ${p.value || '(empty)'} → absent`,
  },
  PRESENCE_MARKS_SHARE: {
    fr: (p) => `${p.list} : ${p.checked} sur ${p.of} (${p.percent} %) ${p.met ? '≥' : '<'} ${fr(p.threshold)} %`,
    en: (p) => `${p.list}: ${p.checked} of ${p.of} (${p.percent}%) ${p.met ? '≥' : '<'} ${en(p.threshold)}%`,
  },
  PRESENCE_WAITING_ROOM_ONLY: {
    fr: () => 'resté en salle d’attente, jamais admis',
    en: () => 'stayed in the waiting room, never admitted',
  },
  PRESENCE_NO_EVIDENCE: {
    fr: () => 'aucune heure, durée ni mention de présence pour cette personne',
    en: () => 'no time, duration or presence mark for this person',
  },
});

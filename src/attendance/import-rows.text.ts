import { definePairs } from '../shared/text';
import { en, fr, orderEn, orderFr } from './attendance.text';

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

/** What the preview says about one row, one warning or one person's presence decision. */
export const importRowTexts = definePairs('import-rows', {
  // Row errors.
  IMPORT_EMAIL_INVALID: {
    fr: (p) =>
      `Ligne ${p.line} : adresse e-mail invalide « ${p.value} » (colonne « ${p.field} »). La ligne est placée ` +
      `dans les personnes à rapprocher.`,
    en: (p) =>
      `Line ${p.line}: invalid e-mail address "${p.value}" (column "${p.field}"). The row ` +
      `is listed for manual matching.`,
  },
  IMPORT_DATE_INVALID: {
    fr: (p) => `Ligne ${p.line} : date ou heure illisible « ${p.value} » (colonne « ${p.field} »).`,
    en: (p) => `Line ${p.line}: unreadable date or time "${p.value}" (column "${p.field}").`,
  },
  IMPORT_DATE_WITHOUT_DAY: {
    fr: (p) =>
      `Ligne ${p.line} : heure « ${p.value} » sans date (colonne « ${p.field} ») ; renseignez ` +
      `les dates de l’événement.`,
    en: (p) => `Line ${p.line}: time "${p.value}" without a date (column "${p.field}"); set the event’s dates.`,
  },
  IMPORT_TIME_MISSING: {
    fr: (p) =>
      `Ligne ${p.line} : heure manquante dans la colonne « ${p.field} » ; le temps de présence de cette ligne ` +
      `n’est pas compté.`,
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
      `Ligne ${p.line} : valeur de présence non comprise « ${p.value} » (colonne « ${p.field} » ; attendu ` +
      `Oui/Non/X ou vide).`,
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
      `Dates ambiguës (ex. « ${p.value} ») lues en ${orderFr(p.order)} car ${HINT_FR[String(p.basis)] ?? p.basis}. ` +
      `Vérifiez les dates.`,
    en: (p) =>
      `Ambiguous dates (e.g. "${p.value}") read as ${orderEn(p.order)} because ` +
      `${HINT_EN[String(p.basis)] ?? p.basis}. ` +
      `Check the dates.`,
  },
  IMPORT_STAFF_EXCLUDED: {
    fr: (p) => `${fr(p.count)} organisateur(s), hôte(s) ou intervenant(s) exclu(s) : ce ne sont pas des apprenants.`,
    en: (p) => `${en(p.count)} organiser(s), host(s) or presenter(s) excluded: they are not learners.`,
  },
  IMPORT_STAFF_ALSO_ATTENDEE: {
    fr: (p) =>
      `Ligne ${p.line} : ${p.email} figure aussi comme ${ROLE_FR[String(p.role)] ?? p.role} ; considéré comme ` +
      `intervenant et exclu.`,
    en: (p) => `Line ${p.line}: ${p.email} is also listed as ${p.role}; treated as staff and excluded.`,
  },
  IMPORT_ALL_PRESENTERS: {
    fr: (p) =>
      `Aucune personne n’a le rôle Participant : les personnes au rôle Présentateur (${fr(p.count)}) sont ` +
      `comptées comme participantes (réglage Teams par défaut « Qui peut présenter : tout le monde »). Seuls ` +
      `les organisateurs sont exclus ; vérifiez qu’aucun intervenant n’est dans la liste.`,
    en: (p) =>
      `Nobody has the Attendee role: the people with the Presenter role (${en(p.count)}) are counted as participants ` +
      `(Teams' default "Who can present: Everyone"). Only organisers are excluded; check that no speaker ` +
      `is in the list.`,
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
      'Ni l’événement ni le rapport n’indiquent la séance : elle va de la première arrivée ' +
      'au dernier départ du fichier.',
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
      'Rapport sans heures d’arrivée et de départ : durées seules, arrondies à la minute supérieure par Zoom, ' +
      'sans dédoublonnage des connexions simultanées.',
    en: () =>
      'Report without join/leave times: durations only, rounded up by Zoom, simultaneous ' +
      'connections not de-duplicated.',
  },

  // Presence decisions (the `reason` of each person).
  PRESENCE_TIME_MET: {
    fr: (p) =>
      `${fr(p.minutes)} min sur ${fr(p.total)} (${p.percent} %) ≥ ${fr(p.threshold)} ` +
      `%${BASIS_FR[String(p.basis)] ?? ''}`,
    en: (p) =>
      `${en(p.minutes)} min of ${en(p.total)} (${p.percent}%) ≥ ${en(p.threshold)}%${BASIS_EN[String(p.basis)] ?? ''}`,
  },
  PRESENCE_TIME_SHORT: {
    fr: (p) =>
      `${fr(p.minutes)} min sur ${fr(p.total)} (${p.percent} %) < ${fr(p.threshold)} ` +
      `%${BASIS_FR[String(p.basis)] ?? ''}`,
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

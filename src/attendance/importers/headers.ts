/**
 * Header matching by name, with French and English synonyms. Headers are compared after
 * normalisation (accents, case, punctuation), so `Adresse e-mail`, `ADRESSE EMAIL` and
 * `attendance_duration` match `adresse e mail`, `adresse email`, `attendance duration`.
 */

export function normHeader(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const SYNONYMS = {
  email: [
    'email',
    'e mail',
    'user email',
    'courriel',
    'adresse mail',
    'adresse email',
    'adresse e mail',
    'mail',
    'adresse electronique',
    'adresse courriel',
    'email address',
    'e mail address',
    'mel',
    // Sign-in sheets of local authorities ask for the work address.
    'email professionnel',
    'e mail professionnel',
    'courriel professionnel',
    'mail professionnel',
    'adresse mail professionnelle',
    'adresse email professionnelle',
    'adresse e mail professionnelle',
  ],
  firstName: ['prenom', 'first name', 'firstname', 'given name'],
  lastName: ['nom', 'last name', 'lastname', 'nom de famille', 'surname', 'family name'],
  name: [
    'name',
    'full name',
    'user name',
    'user name original name',
    'name original name',
    'nom complet',
    'nom et prenom',
    'nom prenom',
    'prenom nom',
    'participant',
    'participant name',
    'stagiaire',
    'apprenant',
  ],
  organisation: [
    'collectivite',
    'structure',
    'organisation',
    'organization',
    'organisme',
    'employeur',
    'entreprise',
    'company',
    'societe',
    'etablissement',
    'collectivite territoriale',
    'administration',
    'institution',
  ],
  joinedAt: [
    'join time',
    'joined at',
    'time joined',
    'first join',
    'heure d arrivee',
    'heure arrivee',
    'arrivee',
    'heure d entree',
    'premiere arrivee',
    'heure de connexion',
  ],
  leftAt: [
    'leave time',
    'left at',
    'time exited',
    'last leave',
    'heure de depart',
    'heure depart',
    'depart',
    'heure de sortie',
    'dernier depart',
    'heure de deconnexion',
  ],
  duration: [
    'duration',
    'duree',
    'duration minutes',
    'time in session minutes',
    'total duration minutes',
    'in meeting duration',
    'attendance duration',
    'duree de presence',
    'temps de presence',
    'duree de connexion',
  ],
  rate: ['attendance rate', 'taux de presence', 'taux de participation', 'taux d assiduite'],
  present: [
    'present',
    'presente',
    'presence',
    'present e',
    'attended',
    'a participe',
    'emargement',
    'participation',
    'presents',
    'signe',
    'matin',
    'apres midi',
    'am',
    'pm',
  ],
  date: ['date', 'jour', 'date de la session', 'date de session'],
  waitingRoom: ['in waiting room', 'en salle d attente'],
  role: ['role'],
} as const;
export type HeaderKey = keyof typeof SYNONYMS;

/** Index of the first header (from `from`) that is one of the names, or -1. */
export function findCol(normalised: readonly string[], names: readonly string[], from = 0): number {
  for (let i = from; i < normalised.length; i++) if (names.includes(normalised[i]!)) return i;
  return -1;
}

export function findAll(normalised: readonly string[], names: readonly string[]): number[] {
  const out: number[] = [];
  normalised.forEach((h, i) => {
    if (names.includes(h)) out.push(i);
  });
  return out;
}

export const cell = (cells: readonly string[], i: number | undefined): string =>
  i === undefined || i < 0 ? '' : (cells[i] ?? '').trim();

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The non-empty cells of a row, for "headers found: …" messages. */
export const listHeaders = (cells: readonly string[]) =>
  cells
    .map((c) => c.trim())
    .filter(Boolean)
    .slice(0, 30)
    .join(', ');

// `Signé(e)`: what people write in an `Émargement` column when the CSV cannot hold the signature.
const YES = [
  'oui',
  'o',
  'x',
  'yes',
  'y',
  '1',
  'true',
  'vrai',
  'present',
  'presente',
  'p',
  'ok',
  '✓',
  '✔',
  'v',
  'signe',
  'signee',
];
const NO = ['', 'non', 'n', 'no', '0', 'false', 'faux', 'absent', 'absente', 'a', 'excuse', 'excusee', '-'];

/** `Présent` cell → true/false, or null when unreadable. */
export function readYesNo(value: string): boolean | null {
  const v = normHeader(value) || value.trim();
  if (YES.includes(v)) return true;
  if (NO.includes(v)) return false;
  return null;
}

/**
 * What the privacy notice, the register of processing and the retention job read: who is the
 * controller, how to reach the DPO, and how long each kind of personal data is kept. The durations
 * are in days; README.md « Données personnelles » justifies each default.
 */
export interface PrivacyConfig {
  controller: { name: string; address: string; email: string };
  dpo: { name: string; email: string };
  retentionDays: RetentionDays;
}

export interface RetentionDays {
  /** Import rows without an e-mail, kept for matching by hand, counted from the import. */
  unmatchedRows: number;
  /** Minutes and join/leave times of an attendance, counted from the event's end. */
  attendanceDetail: number;
  /** A sent e-mail (address and body), counted from its sending. */
  sentEmails: number;
  /** Sign-in links (from their expiry) and rate-limit counters (from their window). */
  signInLinks: number;
  /** A learner with no award and no activity (attendance, answer, change), counted from the last. */
  inactiveLearners: number;
}

export const DEFAULT_RETENTION_DAYS: RetentionDays = {
  unmatchedRows: 90,
  attendanceDetail: 3 * 365,
  sentEmails: 30,
  signInLinks: 1,
  inactiveLearners: 3 * 365,
};

export const DEFAULT_PRIVACY: PrivacyConfig = {
  controller: {
    name: 'Région — organisme de formation du programme « Parcours data »',
    address: 'Adresse postale du responsable de traitement (PARCOURS_CONTROLLER_ADDRESS)',
    email: 'contact@parcours.localhost',
  },
  dpo: { name: 'Délégué à la protection des données', email: 'dpo@parcours.localhost' },
  retentionDays: DEFAULT_RETENTION_DAYS,
};

/** The configured privacy settings, or the defaults (tests and configurations that set none). */
export const privacyOf = (config: { privacy?: PrivacyConfig }): PrivacyConfig => config.privacy ?? DEFAULT_PRIVACY;

/** The environment's privacy variables (already validated by config.ts) over the defaults. */
export function readPrivacyEnv(env: Record<string, unknown>): PrivacyConfig {
  const str = (key: string, fallback: string) => (typeof env[key] === 'string' ? (env[key] as string) : fallback);
  const days = (key: string, fallback: number) => (typeof env[key] === 'number' ? (env[key] as number) : fallback);
  const d = DEFAULT_PRIVACY;
  const r = DEFAULT_RETENTION_DAYS;
  return {
    controller: {
      name: str('PARCOURS_CONTROLLER_NAME', d.controller.name),
      address: str('PARCOURS_CONTROLLER_ADDRESS', d.controller.address),
      email: str('PARCOURS_CONTROLLER_EMAIL', d.controller.email),
    },
    dpo: { name: str('PARCOURS_DPO_NAME', d.dpo.name), email: str('PARCOURS_DPO_EMAIL', d.dpo.email) },
    retentionDays: {
      unmatchedRows: days('RETENTION_UNMATCHED_ROWS_DAYS', r.unmatchedRows),
      attendanceDetail: days('RETENTION_ATTENDANCE_DETAIL_DAYS', r.attendanceDetail),
      sentEmails: days('RETENTION_SENT_EMAILS_DAYS', r.sentEmails),
      signInLinks: days('RETENTION_SIGN_IN_LINKS_DAYS', r.signInLinks),
      inactiveLearners: days('RETENTION_INACTIVE_LEARNERS_DAYS', r.inactiveLearners),
    },
  };
}

/** The variables config.ts validates for this area (strings, and day counts ≥ 1). */
export const PRIVACY_STRING_VARS = [
  'PARCOURS_CONTROLLER_NAME',
  'PARCOURS_CONTROLLER_ADDRESS',
  'PARCOURS_CONTROLLER_EMAIL',
  'PARCOURS_DPO_NAME',
  'PARCOURS_DPO_EMAIL',
] as const;
export const RETENTION_DAY_VARS = [
  'RETENTION_UNMATCHED_ROWS_DAYS',
  'RETENTION_ATTENDANCE_DETAIL_DAYS',
  'RETENTION_SENT_EMAILS_DAYS',
  'RETENTION_SIGN_IN_LINKS_DAYS',
  'RETENTION_INACTIVE_LEARNERS_DAYS',
] as const;

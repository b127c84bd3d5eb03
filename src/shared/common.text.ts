import { definePairs } from './text';

/** The errors every area may answer with (validation, sign-in, not found…). */
export const commonErrors = definePairs('common-errors', {
  VALIDATION_FAILED: {
    fr: (p) => `Requête invalide : ${p.summary}`,
    en: (p) => `Invalid request: ${p.summary}`,
  },
  BAD_REQUEST: {
    fr: (p) => `Requête mal formée${p.reason ? ` : ${p.reason}` : ''}`,
    en: (p) => `Malformed request${p.reason ? `: ${p.reason}` : ''}`,
  },
  NOT_FOUND: {
    fr: (p) => `Introuvable : ${p.resource ?? 'cette adresse'}`,
    en: (p) => `Not found: ${p.resource ?? 'this address'}`,
  },
  PAYLOAD_TOO_LARGE: {
    fr: (p) => `Fichier ou requête trop volumineux (limite : ${p.limit ?? '?'})`,
    en: (p) => `File or request too large (limit: ${p.limit ?? '?'})`,
  },
  UNSUPPORTED_MEDIA_TYPE: {
    fr: (p) => `Type de contenu non pris en charge : ${p.type}`,
    en: (p) => `Unsupported content type: ${p.type}`,
  },
  INTERNAL_ERROR: {
    fr: () => 'Erreur interne du serveur. L’incident a été enregistré.',
    en: () => 'Internal server error. The incident has been logged.',
  },
  SERVICE_UNAVAILABLE: {
    fr: () => 'Service momentanément indisponible (base de données injoignable).',
    en: () => 'Service temporarily unavailable (database unreachable).',
  },
  AUTH_REQUIRED: {
    fr: () => 'Connexion requise.',
    en: () => 'Sign-in required.',
  },
  AUTH_FORBIDDEN: {
    fr: () => 'Vous n’avez pas accès à cette ressource.',
    en: () => 'You do not have access to this resource.',
  },
  AUTH_INVALID_CREDENTIALS: {
    fr: () => 'Adresse e-mail ou mot de passe incorrect.',
    en: () => 'Incorrect e-mail address or password.',
  },
  AUTH_RATE_LIMITED: {
    fr: (p) => `Trop de tentatives. Réessayez dans ${p.seconds} secondes.`,
    en: (p) => `Too many attempts. Try again in ${p.seconds} seconds.`,
  },
  AUTH_ACCOUNT_LOCKED: {
    fr: (p) =>
      `Trop d’échecs de connexion sur ce compte. Réessayez dans ${p.seconds} secondes, ` +
      'ou depuis un navigateur où vous vous êtes déjà connecté.',
    en: (p) =>
      `Too many failed sign-ins on this account. Try again in ${p.seconds} seconds, ` +
      'or from a browser where you signed in before.',
  },
  AUTH_BEARER_REQUIRED: {
    fr: () =>
      'Les requêtes de l’API qui modifient des données demandent l’en-tête « Authorization: Bearer » : le cookie ' +
      'de session des pages n’y suffit pas.',
    en: () =>
      'API requests that change data need an "Authorization: Bearer" header: the pages’ session cookie is not enough.',
  },
  MAGIC_LINK_INVALID: {
    fr: () => 'Ce lien de connexion est invalide, a déjà servi ou a expiré. Demandez-en un nouveau.',
    en: () => 'This sign-in link is invalid, already used or expired. Ask for a new one.',
  },
  ORGANISER_EXISTS: {
    fr: (p) => `Un organisateur existe déjà avec l’adresse ${p.email}.`,
    en: (p) => `An organiser already exists with the address ${p.email}.`,
  },
  EVENT_NOT_FOUND: {
    fr: (p) => `Événement inconnu : « ${p.key} ».`,
    en: (p) => `Unknown event: "${p.key}".`,
  },
  EVENT_WINDOW_INVALID: {
    fr: () => 'La fin de l’événement (endsAt) doit être postérieure à son début (startsAt).',
    en: () => 'The event end (endsAt) must be after its start (startsAt).',
  },
  EVENT_TIMEZONE_INVALID: {
    fr: (p) => `Fuseau horaire inconnu : « ${p.timezone} ».`,
    en: (p) => `Unknown time zone: "${p.timezone}".`,
  },
  LEARNER_NOT_FOUND: {
    fr: (p) => `Apprenant introuvable : ${p.id}.`,
    en: (p) => `Learner not found: ${p.id}.`,
  },
  LEARNER_MERGE_SELF: {
    fr: () => 'Impossible de fusionner un apprenant avec lui-même.',
    en: () => 'A learner cannot be merged into itself.',
  },
});

import { definePairs } from '../shared/text';

/** The credentials area's error codes (the Open Badges core's are in ob3/ob3.text.ts). */
export const credentialsErrors = definePairs('credentials-errors', {
  VERIFY_RATE_LIMITED: {
    fr: (p) => `Trop de vérifications depuis votre adresse : réessayez dans ${p.seconds} secondes.`,
    en: (p) => `Too many verifications from your address: try again in ${p.seconds} seconds.`,
  },
  CREDENTIAL_KEYS_MISSING: {
    fr: () => 'Les clés de signature de l’émetteur manquent : redémarrez la plateforme pour les créer.',
    en: () => 'The issuer signing keys are missing: restart the platform to create them.',
  },
  CREDENTIAL_NOT_FOUND: {
    fr: (p) => `Badge numérique introuvable : ${p.id}.`,
    en: (p) => `Credential not found: ${p.id}.`,
  },
  CREDENTIAL_ALREADY_REVOKED: {
    fr: (p) => `Ce badge numérique est déjà révoqué : ${p.id}.`,
    en: (p) => `This credential is already revoked: ${p.id}.`,
  },
  CREDENTIAL_STATUS_LIST_BUSY: {
    fr: () => 'Aucune entrée libre dans la liste de statut pour l’instant ; réessayez.',
    en: () => 'No free status list entry right now; try again.',
  },
  STATUS_LIST_NOT_FOUND: {
    fr: (p) => `Liste de statut introuvable : ${p.id}.`,
    en: (p) => `Status list not found: ${p.id}.`,
  },
  CREDENTIAL_REVOKED_WITH: {
    fr: (p) => `Révoqué avec le badge « ${p.badge} » dont il dépend : sa règle n’est plus remplie. Motif : ${p.reason}`,
    en: (p) => `Revoked with the “${p.badge}” badge it requires: its rule is no longer met. Reason: ${p.reason}`,
  },
});

import { definePairs } from '../shared/text';

/**
 * Codes of the Open Badges core: AppError codes (thrown) and verification check codes
 * (reported in `checks[]`, rendered in both languages by verify.ts).
 */
export const ob3Errors = definePairs('ob3-errors', {
  // — thrown —
  VERIFY_INPUT_UNREADABLE: {
    fr: (p) =>
      'Impossible de lire ce fichier comme un badge (JSON, JWT, PNG ou SVG attendu' +
      `${p.format ? ` ; lu comme ${p.format}` : ''}).`,
    en: (p) =>
      `This file cannot be read as a badge (JSON, JWT, PNG or SVG expected${p.format ? `; read as ${p.format}` : ''}).`,
  },
  VERIFY_NO_BAKED_CREDENTIAL: {
    fr: (p) => `Cette image ${p.format} ne contient pas de badge Open Badges 3.0.`,
    en: (p) => `This ${p.format} image holds no Open Badges 3.0 credential.`,
  },
  VERIFY_INPUT_TOO_LARGE: {
    fr: (p) => {
      const why = p.kilobytes
        ? ` (badge de plus de ${p.kilobytes} Ko une fois décompressé)`
        : p.elements
          ? ` (plus de ${p.elements} éléments)`
          : '';
      return `Ce fichier ${p.format} est trop volumineux pour être vérifié${why}.`;
    },
    en: (p) => {
      const why = p.kilobytes
        ? ` (credential over ${p.kilobytes} kB once decompressed)`
        : p.elements
          ? ` (over ${p.elements} elements)`
          : '';
      return `This ${p.format} file is too large to be verified${why}.`;
    },
  },
  VERIFY_INPUT_TOO_COMPLEX: {
    fr: (p) =>
      `Ce badge est trop complexe pour être vérifié (plus de ${p.depth} niveaux d’imbrication ` +
      `ou de ${p.nodes} valeurs).`,
    en: (p) => `This credential is too complex to be verified (over ${p.depth} nesting levels or ${p.nodes} values).`,
  },
  CREDENTIAL_DOCUMENT_UNKNOWN: {
    fr: (p) => `Document inconnu hors ligne et sans résolveur : ${p.url}.`,
    en: (p) => `No offline copy of, and no resolver for: ${p.url}.`,
  },
  CREDENTIAL_DID_DOCUMENT_INVALID: {
    fr: (p) => `Le document DID de ${p.did} est invalide ou ne porte pas cet identifiant.`,
    en: (p) => `The DID document of ${p.did} is invalid or does not carry that id.`,
  },
  CREDENTIAL_KEY_NOT_FOUND: {
    fr: (p) => `Clé introuvable : ${p.keyId}.`,
    en: (p) => `Key not found: ${p.keyId}.`,
  },
  CREDENTIAL_KEY_DECRYPT_FAILED: {
    fr: () => 'Impossible de déchiffrer la clé privée de l’émetteur (secret erroné ou donnée altérée).',
    en: () => 'The issuer private key cannot be decrypted (wrong secret or altered data).',
  },
  CREDENTIAL_KEY_UNREADABLE: {
    fr: () => 'Clé de l’émetteur illisible.',
    en: () => 'Unreadable issuer key.',
  },
  CREDENTIAL_KEY_NOT_SIGNING: {
    fr: (p) => `La clé ${p.keyId} n’a pas de partie privée : elle ne peut plus signer.`,
    en: (p) => `Key ${p.keyId} has no private part: it can no longer sign.`,
  },
  CREDENTIAL_INPUT_INVALID: {
    fr: (p) => `Donnée invalide pour construire le badge : ${p.field}.`,
    en: (p) => `Invalid data to build the credential: ${p.field}.`,
  },
  CREDENTIAL_RESULT_DESCRIPTION_UNKNOWN: {
    fr: (p) => `Le résultat ${p.id} n’est pas décrit dans le badge.`,
    en: (p) => `Result ${p.id} is not described by the achievement.`,
  },
  CREDENTIAL_STATUS_LIST_FULL: {
    fr: (p) => `La liste de statut est pleine (${p.length} entrées).`,
    en: (p) => `The status list is full (${p.length} entries).`,
  },
  CREDENTIAL_STATUS_LIST_INVALID: {
    fr: () => 'Liste de statut illisible.',
    en: () => 'Unreadable status list.',
  },
  CREDENTIAL_STATUS_INDEX_OUT_OF_RANGE: {
    fr: (p) => `Index de statut ${p.index} hors de la liste (${p.length} entrées).`,
    en: (p) => `Status index ${p.index} is outside the list (${p.length} entries).`,
  },

  // — verification checks —
  VERIFY_PARSE_OK: {
    fr: (p) => `Badge lu (format ${p.format}).`,
    en: (p) => `Credential read (${p.format} format).`,
  },
  VERIFY_SCHEMA_OK: {
    fr: () => 'Conforme au schéma JSON Open Badges 3.0 de 1EdTech.',
    en: () => 'Valid against the 1EdTech Open Badges 3.0 JSON Schema.',
  },
  VERIFY_SCHEMA_FAILED: {
    fr: (p) => `Non conforme au schéma Open Badges 3.0 : ${p.errors}.`,
    en: (p) => `Not valid against the Open Badges 3.0 schema: ${p.errors}.`,
  },
  VERIFY_SUBJECT_UNIDENTIFIED: {
    fr: () => 'Le titulaire n’est identifié ni par un id ni par un identifiant (identifier).',
    en: () => 'The subject has neither an id nor an identifier.',
  },
  VERIFY_PROOF_OK: {
    fr: (p) => `Signature valide (${p.kind}).`,
    en: (p) => `Valid signature (${p.kind}).`,
  },
  VERIFY_PROOF_MISSING: {
    fr: () => 'Aucune signature : ce badge n’est pas vérifiable.',
    en: () => 'No proof: this credential cannot be verified.',
  },
  VERIFY_PROOF_INVALID: {
    fr: (p) => `Signature invalide : le badge a été modifié ou contrefait (${p.reason}).`,
    en: (p) => `Invalid signature: the credential was altered or forged (${p.reason}).`,
  },
  VERIFY_PROOF_UNSUPPORTED: {
    fr: (p) => `Type de signature non pris en charge : ${p.kind}.`,
    en: (p) => `Unsupported proof type: ${p.kind}.`,
  },
  VERIFY_PROOF_TOO_MANY: {
    fr: (p) => `Trop de signatures pour être vérifiées (${p.count} ; ${p.max} au plus).`,
    en: (p) => `Too many proofs to verify (${p.count}; ${p.max} at most).`,
  },
  VERIFY_FETCH_LIMIT: {
    fr: (p) => `Vérification arrêtée : ce badge demande de consulter plus de ${p.max} documents en ligne.`,
    en: (p) => `Verification stopped: this credential needs more than ${p.max} online documents.`,
  },
  VERIFY_TIME_LIMIT: {
    fr: (p) => `Vérification arrêtée après ${p.max} secondes : les serveurs consultés répondent trop lentement.`,
    en: (p) => `Verification stopped after ${p.max} seconds: the servers consulted answer too slowly.`,
  },
  VERIFY_PROOF_KEY_UNREACHABLE: {
    fr: (p) => `Clé de l’émetteur injoignable pour l’instant : ${p.url}.`,
    en: (p) => `The issuer key cannot be fetched right now: ${p.url}.`,
  },
  VERIFY_PROOF_KEY_NOT_FOUND: {
    fr: (p) => `La clé ${p.keyId} n’est pas publiée.`,
    en: (p) => `Key ${p.keyId} is not published.`,
  },
  VERIFY_JWT_HEADER_INVALID: {
    fr: (p) => `En-tête JWT non conforme : ${p.reason}.`,
    en: (p) => `Non-conforming JWT header: ${p.reason}.`,
  },
  VERIFY_JWT_CLAIMS_MISMATCH: {
    fr: (p) => `La revendication JWT « ${p.claim} » ne correspond pas au badge.`,
    en: (p) => `JWT claim "${p.claim}" does not match the credential.`,
  },
  VERIFY_STATUS_OK: {
    fr: () => 'Non révoqué.',
    en: () => 'Not revoked.',
  },
  VERIFY_STATUS_NONE: {
    fr: () => 'Aucun statut déclaré : ce badge ne peut pas être révoqué.',
    en: () => 'No status declared: this credential cannot be revoked.',
  },
  VERIFY_STATUS_REVOKED: {
    fr: () => 'Ce badge a été révoqué par son émetteur.',
    en: () => 'This credential was revoked by its issuer.',
  },
  VERIFY_STATUS_SUSPENDED: {
    fr: () => 'Ce badge est suspendu par son émetteur.',
    en: () => 'This credential is suspended by its issuer.',
  },
  VERIFY_STATUS_UNREACHABLE: {
    fr: (p) => `Liste de révocation injoignable, statut inconnu : ${p.url}.`,
    en: (p) => `Status list unreachable, status unknown: ${p.url}.`,
  },
  VERIFY_STATUS_LIST_INVALID: {
    fr: (p) => `Liste de révocation non authentique ou illisible : ${p.reason}.`,
    en: (p) => `Status list not authentic or unreadable: ${p.reason}.`,
  },
  VERIFY_STATUS_TOO_MANY: {
    fr: (p) =>
      `Trop d’entrées de statut pour être vérifiées (${p.count} ; ${p.max} au plus) : révocation non contrôlée.`,
    en: (p) => `Too many status entries to check (${p.count}; ${p.max} at most): revocation not checked.`,
  },
  VERIFY_STATUS_UNSUPPORTED: {
    fr: (p) => `Méthode de statut non prise en charge : ${p.type}.`,
    en: (p) => `Unsupported status method: ${p.type}.`,
  },
  VERIFY_VALIDITY_OK: {
    fr: () => 'Dans sa période de validité.',
    en: () => 'Within its validity period.',
  },
  VERIFY_NOT_YET_VALID: {
    fr: (p) => `Pas encore valide : valable à partir du ${p.validFrom}.`,
    en: (p) => `Not valid yet: valid from ${p.validFrom}.`,
  },
  VERIFY_EXPIRED: {
    fr: (p) => `Expiré depuis le ${p.validUntil}.`,
    en: (p) => `Expired on ${p.validUntil}.`,
  },
  VERIFY_ISSUER_OK: {
    fr: (p) => `Signé par la clé de l’émetteur ${p.issuer}${p.name ? ` (qui se présente comme « ${p.name} »)` : ''}.`,
    en: (p) => `Signed by the key of issuer ${p.issuer}${p.name ? ` (which calls itself “${p.name}”)` : ''}.`,
  },
  VERIFY_ISSUER_INVALID: {
    fr: () => 'Émetteur absent ou mal décrit (un Profile avec un id est requis).',
    en: () => 'Issuer missing or malformed (a Profile with an id is required).',
  },
  VERIFY_ISSUER_KEY_MISMATCH: {
    fr: () => 'La clé qui a signé n’appartient pas à l’émetteur annoncé.',
    en: () => 'The signing key does not belong to the stated issuer.',
  },
  VERIFY_ISSUER_UNKNOWN: {
    fr: () => 'Émetteur non confirmé : la signature n’a pas pu être vérifiée.',
    en: () => 'Issuer not confirmed: the signature could not be checked.',
  },
});

export type Ob3Code = keyof typeof ob3Errors.fr;

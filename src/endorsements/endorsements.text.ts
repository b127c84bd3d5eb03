import { definePairs } from '../shared/text';

/** The endorsements area's error codes. */
export const endorsementsErrors = definePairs('endorsements-errors', {
  ENDORSER_FILE_INVALID: {
    fr: (p) => `Fichier d’organisme labellisateur invalide (${p.file}) : ${p.reason}.`,
    en: (p) => `Invalid endorser file (${p.file}): ${p.reason}.`,
  },
  ENDORSER_NOT_FOUND: {
    fr: (p) => `Organisme labellisateur inconnu : ${p.key}.`,
    en: (p) => `Unknown endorser: ${p.key}.`,
  },
  ENDORSER_NOT_HOSTED: {
    fr: (p) =>
      `${p.key} signe ses labélisations lui-même (mode hors ligne) : préparez une demande avec ` +
      '`endorse request` et importez le résultat signé.',
    en: (p) =>
      `${p.key} signs its endorsements itself (offline mode): prepare a request with ` +
      '`endorse request` and import the signed result.',
  },
  ENDORSER_NOT_OFFLINE: {
    fr: (p) => `La plateforme signe pour ${p.key} (mode hébergé) : aucune demande hors ligne à préparer.`,
    en: (p) => `The platform signs for ${p.key} (hosted mode): there is no offline request to prepare.`,
  },
  ENDORSEMENT_NOT_FOUND: {
    fr: (p) => `Labélisation introuvable : ${p.id}.`,
    en: (p) => `Endorsement not found: ${p.id}.`,
  },
  ENDORSEMENT_ALREADY_WITHDRAWN: {
    fr: (p) => `Cette labélisation est déjà retirée : ${p.id}.`,
    en: (p) => `This endorsement is already withdrawn: ${p.id}.`,
  },
  ENDORSEMENT_IMPORT_INVALID: {
    fr: (p) => `Labélisation signée refusée (${p.field}) : ${p.reason}.`,
    en: (p) => `Signed endorsement refused (${p.field}): ${p.reason}.`,
  },
  ENDORSEMENT_VALIDITY_INVALID: {
    fr: () => 'La fin de validité doit être postérieure à aujourd’hui et à moins de dix ans.',
    en: () => 'The end of validity must be after today and less than ten years away.',
  },
  ENDORSEMENT_KEY_FILE_INVALID: {
    fr: (p) => `Fichier de clé illisible ou qui ne correspond pas à la demande : ${p.reason}.`,
    en: (p) => `Key file unreadable or not matching the request: ${p.reason}.`,
  },
});

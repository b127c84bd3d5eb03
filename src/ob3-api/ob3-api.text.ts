import { definePairs } from '../shared/text';

/**
 * The OB 3.0 API's refusals: the `error_description` of an OAuth error, the `imsx_description` of a
 * resource error, or the message of a page. French first; the request's language picks one.
 */
export const ob3ApiErrors = definePairs('ob3-api-errors', {
  OB3_REGISTRATION_BODY: {
    fr: () => 'Le corps de l’inscription doit être un objet JSON de 16 Kio au plus.',
    en: () => 'The registration body must be a JSON object of at most 16 KiB.',
  },
  OB3_REGISTRATION_FIELD: {
    fr: (p) => `Champ d’inscription invalide : ${p.field} (${p.reason}).`,
    en: (p) => `Invalid registration field: ${p.field} (${p.reason}).`,
  },
  OB3_REGISTRATION_URI: {
    fr: (p) => `Adresse refusée pour ${p.field} : https obligatoire (http seulement sur localhost), sans fragment.`,
    en: (p) => `Address refused for ${p.field}: https required (http only on localhost), no fragment.`,
  },
  OB3_REGISTRATION_RATE_LIMITED: {
    fr: (p) => `Trop d’inscriptions de plateformes : réessayez dans ${p.seconds} secondes.`,
    en: (p) => `Too many platform registrations: try again in ${p.seconds} seconds.`,
  },
  OB3_SCOPE_UNSUPPORTED: {
    fr: () => 'Portée refusée : seules credential.readonly et profile.readonly (OB 3.0) sont accordées ici.',
    en: () => 'Scope refused: only the OB 3.0 credential.readonly and profile.readonly scopes are granted here.',
  },
  OB3_SCOPE_NOT_REGISTERED: {
    fr: () => 'Portée refusée : elle n’a pas été enregistrée pour cette plateforme.',
    en: () => 'Scope refused: it was not registered for this platform.',
  },
  OB3_CLIENT_UNKNOWN: {
    fr: () => 'Plateforme inconnue ou désactivée.',
    en: () => 'Unknown or disabled platform.',
  },
  OB3_CLIENT_AUTH: {
    fr: () => 'Authentification de la plateforme refusée (client_secret_basic attendu).',
    en: () => 'Platform authentication refused (client_secret_basic expected).',
  },
  OB3_REDIRECT_URI: {
    fr: () => 'L’adresse de retour (redirect_uri) ne correspond exactement à aucune adresse enregistrée.',
    en: () => 'The redirect_uri matches none of the registered addresses exactly.',
  },
  OB3_RESPONSE_TYPE: {
    fr: () => 'Seul response_type=code est accepté.',
    en: () => 'Only response_type=code is accepted.',
  },
  OB3_PKCE_REQUIRED: {
    fr: () => 'PKCE obligatoire : code_challenge (43 à 128 caractères) et code_challenge_method=S256.',
    en: () => 'PKCE required: code_challenge (43 to 128 characters) and code_challenge_method=S256.',
  },
  OB3_REQUEST_FIELD: {
    fr: (p) => `Paramètre manquant ou invalide : ${p.field}.`,
    en: (p) => `Missing or invalid parameter: ${p.field}.`,
  },
  OB3_GRANT_TYPE: {
    fr: () => 'Seuls authorization_code et refresh_token sont acceptés.',
    en: () => 'Only authorization_code and refresh_token are accepted.',
  },
  OB3_CODE_INVALID: {
    fr: () => 'Code d’autorisation inconnu, expiré, déjà utilisé ou émis pour une autre adresse de retour.',
    en: () => 'Authorization code unknown, expired, already used or issued for another redirect_uri.',
  },
  OB3_VERIFIER_INVALID: {
    fr: () => 'Le code_verifier ne correspond pas au code_challenge (S256).',
    en: () => 'The code_verifier does not match the code_challenge (S256).',
  },
  OB3_REFRESH_INVALID: {
    fr: () => 'Jeton de rafraîchissement inconnu, expiré, révoqué ou déjà utilisé.',
    en: () => 'Refresh token unknown, expired, revoked or already used.',
  },
  OB3_ACCESS_DENIED: {
    fr: () => 'La personne a refusé l’accès.',
    en: () => 'The person denied access.',
  },
  OB3_TOKEN_MISSING: {
    fr: () => 'Jeton d’accès manquant : Authorization: Bearer …',
    en: () => 'Access token missing: Authorization: Bearer …',
  },
  OB3_TOKEN_INVALID: {
    fr: () => 'Jeton d’accès inconnu, expiré ou révoqué.',
    en: () => 'Access token unknown, expired or revoked.',
  },
  OB3_TOKEN_SCOPE: {
    fr: (p) => `Ce jeton n’a pas la portée requise : ${p.scope}.`,
    en: (p) => `This token lacks the required scope: ${p.scope}.`,
  },
  OB3_QUERY_INVALID: {
    fr: (p) => `Paramètre de requête invalide : ${p.field}.`,
    en: (p) => `Invalid query parameter: ${p.field}.`,
  },
  OB3_WRITE_UNSUPPORTED: {
    fr: () => 'Cette plateforme est un fournisseur en lecture seule : l’écriture n’est pas prise en charge.',
    en: () => 'This platform is a read-only provider: writing is not supported.',
  },
  OB3_PROFILE_NOT_FOUND: {
    fr: () => 'Profil introuvable.',
    en: () => 'Profile not found.',
  },
  OB3_GRANT_NOT_FOUND: {
    fr: () => 'Cet accès n’existe pas ou a déjà été retiré.',
    en: () => 'This access does not exist or was already removed.',
  },
});

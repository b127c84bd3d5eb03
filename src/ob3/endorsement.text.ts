import { definePairs, type Params } from '../shared/text';

const day = (iso: unknown, lang: 'fr' | 'en') => {
  const date = new Date(String(iso));
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
};
const until = (p: Params, lang: 'fr' | 'en') =>
  p.validUntil
    ? lang === 'fr'
      ? ` (valide jusqu’au ${day(p.validUntil, lang)})`
      : ` (valid until ${day(p.validUntil, lang)})`
    : '';

/** The endorsement check of a verification: one per embedded EndorsementCredential (OB 3.0 verification step 6). */
export const endorsementChecks = definePairs('ob3-endorsement-checks', {
  ENDORSEMENT_OK: {
    fr: (p) => `Labellisé par ${p.name}${until(p, 'fr')}.`,
    en: (p) => `Endorsed by ${p.name}${until(p, 'en')}.`,
  },
  ENDORSEMENT_WITHDRAWN: {
    fr: (p) => `Labélisation retirée par ${p.name}.`,
    en: (p) => `Endorsement withdrawn by ${p.name}.`,
  },
  ENDORSEMENT_EXPIRED: {
    fr: (p) => `Labélisation de ${p.name} expirée depuis le ${day(p.validUntil, 'fr')}.`,
    en: (p) => `Endorsement by ${p.name} expired on ${day(p.validUntil, 'en')}.`,
  },
  ENDORSEMENT_NOT_YET_VALID: {
    fr: (p) => `Labélisation de ${p.name} valable seulement à partir du ${day(p.validFrom, 'fr')}.`,
    en: (p) => `Endorsement by ${p.name} valid only from ${day(p.validFrom, 'en')}.`,
  },
  ENDORSEMENT_INVALID: {
    fr: (p) => `Labélisation invalide (${p.reason}).`,
    en: (p) => `Invalid endorsement (${p.reason}).`,
  },
  ENDORSEMENT_OTHER_SUBJECT: {
    fr: () => 'Labélisation invalide : elle porte sur un autre badge que celui-ci.',
    en: () => 'Invalid endorsement: it endorses another badge than this one.',
  },
  ENDORSEMENT_UNVERIFIABLE: {
    fr: (p) => `Labélisation non vérifiable pour l’instant (${p.reason}).`,
    en: (p) => `Endorsement cannot be verified right now (${p.reason}).`,
  },
  ENDORSEMENT_TOO_MANY: {
    fr: (p) => `Trop de labélisations pour être vérifiées (${p.count} ; ${p.max} au plus) : aucune n’est retenue.`,
    en: (p) => `Too many endorsements to verify (${p.count}; ${p.max} at most): none is accepted.`,
  },
});

export type EndorsementCheckCode = keyof typeof endorsementChecks.fr;

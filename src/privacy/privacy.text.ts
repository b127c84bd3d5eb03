import { definePairs, defineText } from '../shared/text';

/** Errors of the privacy area (rights, directory), by stable code. */
export const privacyErrors = definePairs('privacy-errors', {
  PRIVACY_LINK_INVALID: {
    fr: 'Ce lien de confirmation est invalide, déjà utilisé ou expiré : refaites la demande.',
    en: 'This confirmation link is invalid, already used or expired: ask again.',
  },
  PRIVACY_EMAIL_TAKEN: {
    fr: 'Cette adresse appartient déjà à un autre compte : demandez à un organisateur de fusionner les deux.',
    en: 'This address already belongs to another account: ask an organiser to merge them.',
  },
  PRIVACY_EMAIL_SAME: {
    fr: 'C’est déjà votre adresse.',
    en: 'This is already your address.',
  },
  PRIVACY_ACCOUNT_ERASED: {
    fr: 'Ce compte a été effacé.',
    en: 'This account has been erased.',
  },
  IMPORT_PERSON_ERASED: {
    fr: 'personne ayant demandé l’effacement',
    en: 'person who asked for erasure',
  },
  IMPORT_PEOPLE_ERASED: {
    fr:
      '{count} personne(s) ayant demandé l’effacement de leurs données (lignes {lines}) : rien ' +
      'n’est créé pour elles.',
    en: '{count} person(s) who asked for their data to be erased (lines {lines}): nothing is created for them.',
  },
  DIRECTORY_NEEDS_BADGE: {
    fr: 'L’annuaire des relais data est réservé aux titulaires d’au moins un badge.',
    en: 'The data relays directory is for holders of at least one badge.',
  },
  DIRECTORY_FIELD_INVALID: {
    fr: 'Champ « {field} » invalide : {reason}.',
    en: 'Invalid field “{field}”: {reason}.',
  },
});

/** The e-mails of the privacy area (listed with the pages' texts, so both languages are checked). */
export const privacyMailText = defineText(
  'privacy-mails',
  {
    hello: 'Bonjour,',
    emailChangeSubject: 'Confirmez votre nouvelle adresse',
    emailChangeBody:
      'Vous avez demandé que votre compte Parcours utilise désormais cette adresse. Vos badges ' +
      'seront réémis à son nom et les anciens exemplaires révoqués (motif « remplacé »). Le ' +
      'lien est valable 24 heures.',
    emailChangeAction: 'Confirmer cette adresse',
    erasureSubject: 'Confirmez la suppression de votre compte',
    erasureBody:
      'Vous avez demandé la suppression de votre compte Parcours : vos nom, adresse, ' +
      'organisation, réponses et présences seront effacés. {credentials} Le lien est valable 24 ' +
      'heures ; sans confirmation, rien n’est supprimé.',
    erasureKeep: 'Vos badges déjà délivrés resteront valides et vérifiables.',
    erasureRevoke: 'Vos badges déjà délivrés seront révoqués.',
    erasureAction: 'Confirmer la suppression',
    ignore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
    privacyFooter: 'Vos données et vos droits : {url}',
  },
  {
    hello: 'Hello,',
    emailChangeSubject: 'Confirm your new address',
    emailChangeBody:
      'You asked for your Parcours account to use this address from now on. Your badges will be ' +
      're-issued to it and the old copies revoked (reason “replaced”). The link is valid for 24 ' +
      'hours.',
    emailChangeAction: 'Confirm this address',
    erasureSubject: 'Confirm the deletion of your account',
    erasureBody:
      'You asked for your Parcours account to be deleted: your name, address, organisation, ' +
      'answers and attendance will be erased. {credentials} The link is valid for 24 hours; ' +
      'without confirmation nothing is deleted.',
    erasureKeep: 'The badges already issued to you will stay valid and verifiable.',
    erasureRevoke: 'The badges already issued to you will be revoked.',
    erasureAction: 'Confirm the deletion',
    ignore: 'If you did not ask for this, ignore this message.',
    privacyFooter: 'Your data and your rights: {url}',
  },
);

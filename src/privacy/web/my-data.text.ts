import { defineText } from '../../shared/text';

/** « Mes données »: the learner's rights on one page. */
export const myDataText = defineText(
  'my-data',
  {
    title: 'Mes données',
    lead: 'Ce que la plateforme sait de vous, et vos droits : consulter, corriger, emporter, supprimer.',
    exportTitle: 'Télécharger mes données',
    exportLead:
      'Un fichier ZIP avec toutes vos données (identité, présences, réponses, badges, courriels, ' +
      'consentements, journal) et vos badges signés, expliqués dans un README.',
    exportButton: 'Télécharger mes données (ZIP)',
    identityTitle: 'Corriger mon nom et mon organisation',
    name: 'Nom et prénom',
    organisation: 'Organisation (collectivité)',
    save: 'Enregistrer',
    emailTitle: 'Changer d’adresse électronique',
    emailLead:
      'Un lien de confirmation est envoyé à la nouvelle adresse. Une fois confirmée, vos badges sont réémis ' +
      'à son nom et les anciens exemplaires révoqués avec le motif « remplacé ».',
    currentEmail: 'Adresse actuelle : {email}',
    newEmail: 'Nouvelle adresse',
    sendLink: 'Envoyer le lien de confirmation',
    eraseTitle: 'Supprimer mon compte',
    eraseLead:
      'Vos nom, adresse, organisation, réponses et présences seront effacés. Un lien de confirmation vous ' +
      'est envoyé : rien n’est supprimé sans lui.',
    keepCredentials: 'Mes badges déjà délivrés restent valides et vérifiables (ils m’appartiennent)',
    revokeCredentials: 'Révoquer aussi mes badges déjà délivrés',
    credentialsChoice: 'Mes badges',
    eraseButton: 'Demander la suppression',
    'done.identity': 'Vos informations ont été enregistrées.',
    'done.email': 'Un lien de confirmation a été envoyé à la nouvelle adresse.',
    'done.erasure': 'Un lien de confirmation a été envoyé à votre adresse.',
    'done.emailChanged': 'Votre adresse a été changée et vos badges réémis.',
    'done.listed': 'Vous figurez dans l’annuaire des relais data.',
    'done.withdrawn': 'Vous ne figurez plus dans l’annuaire.',
    doneTitle: 'C’est fait',
    errorTitle: 'Ce n’est pas possible',
    confirmEmailTitle: 'Confirmer la nouvelle adresse',
    confirmEmailLead: 'Votre compte utilisera désormais l’adresse {email} ; vos badges seront réémis.',
    confirmEmailButton: 'Confirmer',
    confirmEraseTitle: 'Confirmer la suppression du compte',
    confirmEraseLead: 'Cette action est définitive.',
    confirmEraseButton: 'Supprimer définitivement mon compte',
    erasedTitle: 'Votre compte a été supprimé',
    erasedLead:
      'Vos données personnelles ont été effacées. Référence de l’effacement : {reference}. ' +
      'Un ancien fichier de présence ne vous recréera pas.',
    noticeLink: 'Comment vos données sont traitées (page Confidentialité)',
  },
  {
    title: 'My data',
    lead: 'What the platform knows about you, and your rights: see, correct, take away, delete.',
    exportTitle: 'Download my data',
    exportLead:
      'A ZIP file with all your data (identity, attendance, answers, badges, e-mails, consents, log) ' +
      'and your signed badges, explained in a README.',
    exportButton: 'Download my data (ZIP)',
    identityTitle: 'Correct my name and organisation',
    name: 'Full name',
    organisation: 'Organisation (local authority)',
    save: 'Save',
    emailTitle: 'Change my e-mail address',
    emailLead:
      'A confirmation link is sent to the new address. Once confirmed, your badges are re-issued to it ' +
      'and the old copies revoked with the reason “replaced”.',
    currentEmail: 'Current address: {email}',
    newEmail: 'New address',
    sendLink: 'Send the confirmation link',
    eraseTitle: 'Delete my account',
    eraseLead:
      'Your name, address, organisation, answers and attendance will be erased. A confirmation link is sent ' +
      'to you: nothing is deleted without it.',
    keepCredentials: 'The badges already issued to me stay valid and verifiable (they are mine)',
    revokeCredentials: 'Also revoke the badges already issued to me',
    credentialsChoice: 'My badges',
    eraseButton: 'Ask for deletion',
    'done.identity': 'Your details have been saved.',
    'done.email': 'A confirmation link has been sent to the new address.',
    'done.erasure': 'A confirmation link has been sent to your address.',
    'done.emailChanged': 'Your address has changed and your badges were re-issued.',
    'done.listed': 'You are listed in the data relays directory.',
    'done.withdrawn': 'You are no longer listed in the directory.',
    doneTitle: 'Done',
    errorTitle: 'This is not possible',
    confirmEmailTitle: 'Confirm the new address',
    confirmEmailLead: 'Your account will use the address {email} from now on; your badges will be re-issued.',
    confirmEmailButton: 'Confirm',
    confirmEraseTitle: 'Confirm the deletion of the account',
    confirmEraseLead: 'This cannot be undone.',
    confirmEraseButton: 'Delete my account for good',
    erasedTitle: 'Your account has been deleted',
    erasedLead:
      'Your personal data has been erased. Erasure reference: {reference}. ' +
      'An old attendance file will not recreate you.',
    noticeLink: 'How your data is processed (Privacy page)',
  },
);

/** The organiser's page for one learner's rights (a request received by post). */
export const learnerDataText = defineText(
  'organiser-learner-data',
  {
    title: 'Données de {name}',
    lead: 'Pour une demande reçue par courrier : l’export et l’effacement sont tracés dans le journal.',
    exportButton: 'Télécharger l’export (ZIP)',
    eraseTitle: 'Effacer cet apprenant',
    eraseButton: 'Effacer définitivement',
    erasedTitle: 'Apprenant effacé',
    erasedLead: 'Référence de l’effacement : {reference}.',
    back: 'Retour à la fiche',
    linkLabel: 'Données personnelles : export et effacement (RGPD)',
  },
  {
    title: 'Data of {name}',
    lead: 'For a request received by post: the export and the erasure are recorded in the audit log.',
    exportButton: 'Download the export (ZIP)',
    eraseTitle: 'Erase this learner',
    eraseButton: 'Erase for good',
    erasedTitle: 'Learner erased',
    erasedLead: 'Erasure reference: {reference}.',
    back: 'Back to the learner',
    linkLabel: 'Personal data: export and erasure (GDPR)',
  },
);

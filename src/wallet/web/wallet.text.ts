import { defineText } from '../../shared/text';

/** « Mes badges »: the wallet panel, each badge's wallet and LinkedIn parts, and the link's page. */
export const walletText = defineText(
  'wallet',
  {
    panelTitle: 'Portefeuille et nom',
    addAll: 'Ajouter tous mes badges à mon portefeuille',
    addOne: 'Ajouter à mon portefeuille',
    addOneLabel: 'Ajouter « {name} » à mon portefeuille',
    walletLead:
      'Un portefeuille numérique (LCW du Digital Credentials Consortium, LearnCard, ou un portefeuille ' +
      'européen OpenID) garde une copie signée de vos badges, liée à votre portefeuille.',
    copies: 'Copies dans un portefeuille : {count}',
    nameTitle: 'Afficher mon nom sur mes badges',
    nameOff:
      'Vos badges vous désignent par une empreinte de votre adresse e-mail. Si vous affichez ' +
      'votre nom, ceux qui les consultent verront « Décerné à {name} ».',
    nameOn: 'Votre nom figure sur vos badges depuis le {date}.',
    nameMissing: 'La plateforme ne connaît pas votre nom : demandez aux organisateurs de l’ajouter.',
    showName: 'Afficher mon nom',
    hideName: 'Ne plus afficher mon nom',
    nameNote: 'Vos badges sont réémis ; les précédents sont révoqués avec le motif « remplacé ».',
    linkedInFields: 'Champs à recopier si LinkedIn ne les remplit pas',
    fieldName: 'Nom',
    fieldOrganization: 'Organisme émetteur',
    fieldIssued: 'Date d’émission',
    fieldUrl: 'URL de la certification',
    fieldId: 'ID de la certification',
    pageTitle: 'Ajouter à mon portefeuille',
    pageLead:
      'Scannez un code avec votre téléphone, ou ouvrez le lien sur le téléphone lui-même. Le ' +
      'lien sert une fois et expire à {time}.',
    lcwTitle: 'LCW (Digital Credentials Consortium)',
    lcwOpen: 'Ouvrir dans LCW',
    lcwQrAlt: 'Code QR à scanner avec LCW',
    learnCardTitle: 'LearnCard',
    learnCardOpen: 'Ouvrir dans LearnCard',
    learnCardQrAlt: 'Code QR à scanner avec LearnCard',
    oid4vciTitle: 'Portefeuille OpenID (OID4VCI)',
    oid4vciOpen: 'Ouvrir l’offre dans mon portefeuille',
    oid4vciQrAlt: 'Code QR de l’offre OpenID for Verifiable Credential Issuance',
    back: 'Retour à mes badges',
    awardedTo: 'Décerné à {name}',
  },
  {
    panelTitle: 'Wallet and name',
    addAll: 'Add all my badges to my wallet',
    addOne: 'Add to my wallet',
    addOneLabel: 'Add “{name}” to my wallet',
    walletLead:
      'A digital wallet (Learner Credential Wallet, LearnCard, or a European OpenID wallet) ' +
      'keeps a signed copy of your badges, bound to your wallet.',
    copies: 'Copies in a wallet: {count}',
    nameTitle: 'Show my name on my badges',
    nameOff:
      'Your badges designate you by a fingerprint of your e-mail address. If you show your name, ' +
      'whoever views them will see “Awarded to {name}”.',
    nameOn: 'Your name has been on your badges since {date}.',
    nameMissing: 'The platform does not know your name: ask the organisers to add it.',
    showName: 'Show my name',
    hideName: 'Stop showing my name',
    nameNote: 'Your badges are re-issued; the previous ones are revoked with the reason “remplacé” (replaced).',
    linkedInFields: 'Fields to copy if LinkedIn does not fill them in',
    fieldName: 'Name',
    fieldOrganization: 'Issuing organization',
    fieldIssued: 'Issue date',
    fieldUrl: 'Credential URL',
    fieldId: 'Credential ID',
    pageTitle: 'Add to my wallet',
    pageLead:
      'Scan a code with your phone, or open the link on the phone itself. The link works once and expires at {time}.',
    lcwTitle: 'Learner Credential Wallet (LCW)',
    lcwOpen: 'Open in Learner Credential Wallet',
    lcwQrAlt: 'QR code to scan with Learner Credential Wallet',
    learnCardTitle: 'LearnCard',
    learnCardOpen: 'Open in LearnCard',
    learnCardQrAlt: 'QR code to scan with LearnCard',
    oid4vciTitle: 'OpenID wallet (OID4VCI)',
    oid4vciOpen: 'Open the offer in my wallet',
    oid4vciQrAlt: 'QR code of the OpenID for Verifiable Credential Issuance offer',
    back: 'Back to my badges',
    awardedTo: 'Awarded to {name}',
  },
  ['learnCardTitle'],
);

import { defineText } from '../shared/text';

/** The words of every e-mail (sign-in link, award, revocation), French first, English with the same keys. */
export const mailText = defineText(
  'mail',
  {
    hello: 'Bonjour,',
    sep: ' : ',
    footer: 'Parcours — Open Badges 3.0',
    magicLinkSubject: 'Votre lien de connexion à Parcours',
    magicLinkTitle: 'Connexion à Parcours',
    magicLinkBody:
      'Pour vous connecter et suivre vos badges, utilisez ce lien. Il est valable {minutes} minutes et ne sert ' +
      'qu’une fois.',
    magicLinkIgnore: 'Si vous n’avez rien demandé, ignorez ce message.',
    magicLinkAction: 'Me connecter',
    awardSubject: 'Votre badge « {badgeName} »',
    awardTitle: 'Félicitations : vous avez obtenu le badge « {badgeName} »',
    awardIntro:
      'Bonjour,\n\n{issuerName} vous délivre le badge numérique « {badgeName} ». C’est un Open Badge 3.0 ' +
      'signé : tout le monde peut vérifier qu’il est authentique, sans nous demander.',
    awardDownloads: 'Téléchargez-le pour le garder ou le déposer ailleurs :',
    awardJson: 'le badge signé (JSON)',
    awardJwt: 'le badge signé (JWT)',
    awardPng: 'l’image avec le badge intégré (PNG)',
    awardSvg: 'l’image avec le badge intégré (SVG)',
    awardLinkedIn: 'Ajouter à mon profil LinkedIn',
    awardAction: 'Voir mon badge',
    awardAlt: 'Badge « {badgeName} »',
    revocationSubject: 'Votre badge « {badgeName} » a été révoqué',
    revocationTitle: 'Badge « {badgeName} » révoqué',
    revocationBody:
      '{issuerName} a révoqué votre badge « {badgeName} ». Il reste consultable, mais toute vérification ' +
      'indique désormais qu’il n’est plus valide.',
    revocationBecause: 'Ce badge reposait sur le badge « {because} », révoqué lui aussi : sa règle n’est plus remplie.',
    revocationReason: 'Motif : {reason}',
    revocationContact: 'Pour toute question, répondez à l’organisateur de votre parcours.',
    revocationAction: 'Voir le badge',
  },
  {
    hello: 'Hello,',
    sep: ': ',
    footer: 'Parcours — Open Badges 3.0',
    magicLinkSubject: 'Your Parcours sign-in link',
    magicLinkTitle: 'Sign in to Parcours',
    magicLinkBody:
      'To sign in and follow your badges, use this link. It is valid for {minutes} minutes and works only once.',
    magicLinkIgnore: 'If you did not ask for it, ignore this message.',
    magicLinkAction: 'Sign in',
    awardSubject: 'Your “{badgeName}” badge',
    awardTitle: 'Congratulations: you earned the “{badgeName}” badge',
    awardIntro:
      'Hello,\n\n{issuerName} awards you the “{badgeName}” digital badge. It is a signed Open Badge 3.0: ' +
      'anyone can check that it is genuine without asking us.',
    awardDownloads: 'Download it to keep it or to put it elsewhere:',
    awardJson: 'the signed badge (JSON)',
    awardJwt: 'the signed badge (JWT)',
    awardPng: 'the image with the badge baked in (PNG)',
    awardSvg: 'the image with the badge baked in (SVG)',
    awardLinkedIn: 'Add to my LinkedIn profile',
    awardAction: 'See my badge',
    awardAlt: '“{badgeName}” badge',
    revocationSubject: 'Your “{badgeName}” badge was revoked',
    revocationTitle: '“{badgeName}” badge revoked',
    revocationBody:
      '{issuerName} revoked your “{badgeName}” badge. It can still be viewed, but any verification now ' +
      'reports it as no longer valid.',
    revocationBecause: 'This badge required the “{because}” badge, which was revoked too: its rule is no longer met.',
    revocationReason: 'Reason: {reason}',
    revocationContact: 'If you have any question, contact the organiser of your pathway.',
    revocationAction: 'See the badge',
  },
  ['footer'],
);

export type MailKey = keyof typeof mailText.fr;

import { defineText } from '../../shared/text';

/** The consent a learner gives a platform (OB 3.0 API), and the refusals shown instead of redirecting. */
export const consentText = defineText(
  'ob3-consent',
  {
    title: 'Autoriser une plateforme',
    heading: '{client} demande l’accès à vos badges',
    site: 'Site de la plateforme :',
    logoAlt: 'Logo de {client}',
    wants: 'Si vous acceptez, {client} pourra :',
    scopeCredentials:
      'lire tous vos badges numériques (Open Badges 3.0), y compris ceux qui ont été révoqués, avec leur statut ;',
    scopeProfile: 'lire votre profil : votre adresse e-mail et votre nom s’il est connu.',
    shared: 'Rien d’autre n’est partagé. Vous pourrez retirer cet accès à tout moment depuis « Mes badges ».',
    signedInAs: 'Connecté·e en tant que {email}.',
    terms: 'Conditions d’utilisation de la plateforme',
    policy: 'Politique de confidentialité de la plateforme',
    allow: 'Autoriser',
    deny: 'Refuser',
    errorTitle: 'Demande d’autorisation refusée',
    errorHint: 'Revenez sur la plateforme qui vous a envoyé ici et signalez-lui ce problème.',
  },
  {
    title: 'Authorise a platform',
    heading: '{client} asks to access your badges',
    site: 'Platform website:',
    logoAlt: '{client} logo',
    wants: 'If you accept, {client} will be able to:',
    scopeCredentials: 'read all your digital badges (Open Badges 3.0), revoked ones included, with their status;',
    scopeProfile: 'read your profile: your e-mail address and your name if known.',
    shared: 'Nothing else is shared. You can remove this access at any time from “My badges”.',
    signedInAs: 'Signed in as {email}.',
    terms: 'Platform terms of service',
    policy: 'Platform privacy policy',
    allow: 'Allow',
    deny: 'Deny',
    errorTitle: 'Authorisation request refused',
    errorHint: 'Go back to the platform that sent you here and report this problem to it.',
  },
);

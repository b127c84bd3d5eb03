import { defineText } from '../shared/text';

export const layoutText = defineText(
  'layout',
  {
    skipLink: 'Aller au contenu principal',
    brand: 'Parcours',
    tagline: 'Badges numériques vérifiables',
    navLabel: 'Navigation principale',
    navHome: 'Accueil',
    navSignIn: 'Se connecter',
    navOrganiserArea: 'Espace organisateur',
    navMyPathway: 'Mon parcours',
    navDashboard: 'Tableau de bord',
    navEvents: 'Événements',
    navOutbox: 'Courriels',
    navReminders: 'Relances',
    navAudit: 'Journal',
    navMyBadges: 'Mes badges',
    navVerify: 'Vérifier un badge',
    navLearners: 'Apprenants',
    navProgress: 'Progression',
    footerVerify: 'Vérifier un badge',
    signOut: 'Se déconnecter',
    signedInAs: 'Connecté avec {email}',
    langSwitch: 'English',
    footerAbout:
      'Parcours délivre des badges numériques au format Open Badges 3.0, que chacun peut vérifier sans nous faire ' +
      'confiance.',
    footerApi: 'Documentation de l’API',
    footerHome: 'Accueil',
    footerNavLabel: 'Liens de pied de page',
    successTitle: 'C’est fait',
    errorTitle: 'Un problème est survenu',
  },
  {
    skipLink: 'Skip to main content',
    brand: 'Parcours',
    tagline: 'Verifiable digital badges',
    navLabel: 'Main navigation',
    navHome: 'Home',
    navSignIn: 'Sign in',
    navOrganiserArea: 'Organiser area',
    navMyPathway: 'My pathway',
    navDashboard: 'Dashboard',
    navEvents: 'Events',
    navOutbox: 'E-mails',
    navReminders: 'Reminders',
    navAudit: 'Audit log',
    navMyBadges: 'My badges',
    navVerify: 'Verify a badge',
    navLearners: 'Learners',
    navProgress: 'Progress',
    footerVerify: 'Verify a badge',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {email}',
    langSwitch: 'Français',
    footerAbout:
      'Parcours issues digital badges in the Open Badges 3.0 format, which anyone can verify without trusting us.',
    footerApi: 'API documentation',
    footerHome: 'Home',
    footerNavLabel: 'Footer links',
    successTitle: 'Done',
    errorTitle: 'Something went wrong',
  },
  ['brand'],
);

/** Messages shown once after a redirect (post/redirect/get). */
export const flashText = defineText(
  'flash',
  {
    eventSaved: 'L’événement « {title} » est enregistré.',
    mailRetried: 'Le courriel sera renvoyé dans quelques instants.',
    signedOut: 'Vous êtes déconnecté. À bientôt !',
    signedIn: 'Vous êtes connecté.',
    importDone: 'L’import est enregistré.',
    importAlready: 'Ce fichier avait déjà été importé pour cet événement : rien n’a changé.',
    rowMatched: 'La ligne {line} ({name}) est rattachée à {email}.',
    attendanceSaved: 'La présence à « {event} » est enregistrée.',
    badgeAwarded: 'Le badge « {badge} » est attribué.',
    badgeAwardedMore: 'Le badge « {badge} » est attribué, ainsi que : {others}.',
    credentialRevoked: 'Le badge « {badge} » est révoqué.',
    credentialRevokedMore: 'Le badge « {badge} » est révoqué, ainsi que : {others}.',
    learnersMerged: 'La fiche {email} est fusionnée dans celle-ci.',
  },
  {
    eventSaved: 'The event “{title}” is saved.',
    mailRetried: 'The e-mail will be sent again in a few moments.',
    signedOut: 'You are signed out. See you soon!',
    signedIn: 'You are signed in.',
    importDone: 'The import is saved.',
    importAlready: 'This file had already been imported for this event: nothing changed.',
    rowMatched: 'Line {line} ({name}) is matched to {email}.',
    attendanceSaved: 'Attendance at “{event}” is saved.',
    badgeAwarded: 'The “{badge}” badge is awarded.',
    badgeAwardedMore: 'The “{badge}” badge is awarded, and also: {others}.',
    credentialRevoked: 'The “{badge}” badge is revoked.',
    credentialRevokedMore: 'The “{badge}” badge is revoked, and also: {others}.',
    learnersMerged: 'The record {email} is merged into this one.',
  },
);

export const errorPageText = defineText(
  'errors',
  {
    notFoundTitle: 'Page introuvable',
    notFoundBody:
      'L’adresse {path} ne correspond à aucune page. Elle a peut-être changé, ou contient une faute de frappe.',
    backHome: 'Retour à l’accueil',
    forbiddenTitle: 'Accès réservé',
    forbiddenOrganiser:
      'Cet espace est réservé aux organisateurs du programme. Si vous en êtes un, connectez-vous avec votre compte ' +
      'organisateur.',
    forbiddenAdmin: 'Cette page est réservée aux administrateurs.',
    organiserSignIn: 'Connexion organisateur',
    csrfTitle: 'Formulaire expiré',
    csrfBody:
      'Ce formulaire a expiré ou ne provient pas de ce site. Pour votre sécurité, il n’a pas été pris en compte : ' +
      'revenez à la page précédente, rechargez-la et recommencez.',
    errorTitle: 'Une erreur est survenue',
    requestRef: 'Référence à communiquer au support : {id}',
  },
  {
    notFoundTitle: 'Page not found',
    notFoundBody: 'The address {path} does not match any page. It may have changed, or contain a typo.',
    backHome: 'Back to the home page',
    forbiddenTitle: 'Restricted area',
    forbiddenOrganiser:
      'This area is for the programme’s organisers. If you are one, sign in with your organiser account.',
    forbiddenAdmin: 'This page is for administrators only.',
    organiserSignIn: 'Organiser sign-in',
    csrfTitle: 'Form expired',
    csrfBody:
      'This form has expired or does not come from this site. For your safety it was not taken into account: go ' +
      'back to the previous page, reload it and try again.',
    errorTitle: 'Something went wrong',
    requestRef: 'Reference to give to support: {id}',
  },
);

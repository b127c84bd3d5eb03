import { defineText } from '../../shared/text';

export const signInText = defineText(
  'learner-sign-in',
  {
    title: 'Connexion',
    heading: 'Connexion à votre parcours',
    lead:
      'Pas de mot de passe à retenir : indiquez votre adresse e-mail, nous vous envoyons un lien de connexion ' +
      'valable {minutes} minutes.',
    emailLabel: 'Adresse e-mail',
    emailHint: 'Celle que vous avez utilisée pour vous inscrire aux sessions.',
    submit: 'Recevoir mon lien',
    emailInvalid: 'Indiquez une adresse e-mail valide, par exemple prenom.nom@mairie.fr',
    formErrorTitle: 'Le lien n’a pas été envoyé',
    sentTitle: 'Vérifiez votre boîte de réception',
    sentBody:
      'Nous venons d’envoyer un lien de connexion à {email}. Il est valable {minutes} minutes et ne sert qu’une fois.',
    sentHint:
      'Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, ou demandez un nouveau lien.',
    sendAgain: 'Demander un nouveau lien',
    organiserHint: 'Vous organisez le programme ?',
    organiserLink: 'Connexion organisateur',
    confirmTitle: 'Confirmer la connexion',
    confirmHeading: 'Vous y êtes presque',
    confirmBody: 'Pour terminer votre connexion, confirmez avec le bouton ci-dessous.',
    confirmWhy:
      'Cette étape empêche qu’un logiciel de sécurité de votre messagerie, en ouvrant le lien avant vous, ne ' +
      'l’utilise à votre place.',
    confirmSubmit: 'Me connecter',
    linkErrorTitle: 'Ce lien ne fonctionne plus',
    signOutTitle: 'Déconnexion',
    signOutBody: 'Voulez-vous vous déconnecter de Parcours sur cet appareil ?',
    signOutSubmit: 'Me déconnecter',
  },
  {
    title: 'Sign in',
    heading: 'Sign in to your pathway',
    lead:
      'No password to remember: enter your e-mail address and we will send you a sign-in link, valid for ' +
      '{minutes} minutes.',
    emailLabel: 'E-mail address',
    emailHint: 'The one you used to register for the sessions.',
    submit: 'Send me a link',
    emailInvalid: 'Enter a valid e-mail address, for example first.last@town-hall.org',
    formErrorTitle: 'The link was not sent',
    sentTitle: 'Check your inbox',
    sentBody: 'We have just sent a sign-in link to {email}. It is valid for {minutes} minutes and works only once.',
    sentHint: 'Nothing after a few minutes? Look in your spam folder, or ask for a new link.',
    sendAgain: 'Ask for a new link',
    organiserHint: 'Do you organise the programme?',
    organiserLink: 'Organiser sign-in',
    confirmTitle: 'Confirm sign-in',
    confirmHeading: 'Almost there',
    confirmBody: 'To finish signing in, confirm with the button below.',
    confirmWhy:
      'This step stops the security software of your mailbox, which may open the link before you do, from using it ' +
      'in your place.',
    confirmSubmit: 'Sign me in',
    linkErrorTitle: 'This link no longer works',
    signOutTitle: 'Sign out',
    signOutBody: 'Do you want to sign out of Parcours on this device?',
    signOutSubmit: 'Sign me out',
  },
);

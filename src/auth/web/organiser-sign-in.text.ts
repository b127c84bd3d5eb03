import { defineText } from '../../shared/text';

export const organiserSignInText = defineText(
  'organiser-sign-in',
  {
    title: 'Connexion organisateur',
    lead: 'Réservée aux personnes qui organisent le programme.',
    emailLabel: 'Adresse e-mail',
    passwordLabel: 'Mot de passe',
    submit: 'Se connecter',
    emailRequired: 'Indiquez votre adresse e-mail.',
    passwordRequired: 'Indiquez votre mot de passe.',
    formErrorTitle: 'Connexion impossible',
    learnerHint: 'Vous suivez le programme ?',
    learnerLink: 'Connexion par e-mail',
  },
  {
    title: 'Organiser sign-in',
    lead: 'For the people who organise the programme.',
    emailLabel: 'E-mail address',
    passwordLabel: 'Password',
    submit: 'Sign in',
    emailRequired: 'Enter your e-mail address.',
    passwordRequired: 'Enter your password.',
    formErrorTitle: 'Could not sign in',
    learnerHint: 'Are you following the programme?',
    learnerLink: 'Sign in by e-mail',
  },
);

import { defineText } from '../../shared/text';

/** « Mes badges »: the platforms a learner authorised; the organisers' list of registered platforms. */
export const platformsText = defineText(
  'ob3-platforms',
  {
    grantsTitle: 'Plateformes autorisées',
    grantsLead: 'Ces plateformes peuvent lire vos badges grâce à l’API Open Badges 3.0, avec votre accord.',
    grantedOn: 'Autorisée le {date}',
    scopesLabel: 'Accès :',
    scopeCredentials: 'vos badges',
    scopeProfile: 'votre profil',
    withdraw: 'Retirer l’accès',
    withdrawLabel: 'Retirer l’accès de {client}',
    clientsTitle: 'Plateformes connectées',
    clientsLead:
      'Les plateformes inscrites auprès de l’API Open Badges 3.0. Une plateforme désactivée ne peut plus rien lire.',
    clientsEmpty: 'Aucune plateforme inscrite pour l’instant.',
    colName: 'Plateforme',
    colSite: 'Site',
    colRegistered: 'Inscrite le',
    colState: 'État',
    stateActive: 'Active',
    stateDisabled: 'Désactivée',
    disable: 'Désactiver',
    enable: 'Réactiver',
    termsTitle: 'API Open Badges 3.0 : conditions et confidentialité',
    termsBody:
      'Une plateforme tierce ne lit vos badges et votre profil qu’après' +
      ' votre accord explicite, pour les accès que vous avez acceptés.',
    privacyTitle: 'Confidentialité',
    privacyBody:
      'Nous partageons seulement vos badges numériques signés et, si vous' +
      ' l’acceptez, votre adresse e-mail et votre nom. Vous retirez l’accès depuis « Mes badges ».',
  },
  {
    grantsTitle: 'Authorised platforms',
    grantsLead: 'These platforms can read your badges through the Open Badges 3.0 API, with your consent.',
    grantedOn: 'Authorised on {date}',
    scopesLabel: 'Access:',
    scopeCredentials: 'your badges',
    scopeProfile: 'your profile',
    withdraw: 'Remove access',
    withdrawLabel: 'Remove the access of {client}',
    clientsTitle: 'Connected platforms',
    clientsLead:
      'Platforms registered with the Open Badges 3.0 API. A disabled' + ' platform can no longer read anything.',
    clientsEmpty: 'No platform registered yet.',
    colName: 'Platform',
    colSite: 'Website',
    colRegistered: 'Registered on',
    colState: 'State',
    stateActive: 'Active',
    stateDisabled: 'Disabled',
    disable: 'Disable',
    enable: 'Enable again',
    termsTitle: 'Open Badges 3.0 API: terms and privacy',
    termsBody:
      'A third-party platform reads your badges and profile only after your' +
      ' explicit consent, for the access you accepted.',
    privacyTitle: 'Privacy',
    privacyBody:
      'We share only your signed digital badges and, if you accept, your' +
      ' e-mail address and name. You remove access from “My badges”.',
  },
  ['stateActive'],
);

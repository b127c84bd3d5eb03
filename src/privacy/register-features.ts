import type { Processing } from './register.types';

/*
 * The processing activities of the features built on the badges (endorsements, OB 3.0 API, wallets,
 * reminders): part of the register (src/privacy/register.ts), kept here to keep each file short.
 */

const ORGANISERS = 'Les organisateurs du programme ; l’hébergeur de la plateforme, sous-traitant.';
const UNTIL_ERASURE = 'jusqu’à l’effacement du compte (supprimé avec lui)';

export const FEATURE_PROCESSINGS: readonly Processing[] = [
  {
    name: 'Recommandations des badges (endorsements)',
    purpose: 'Publier les recommandations signées des badges par des organismes tiers, et leur retrait.',
    legalBasis: 'Mission d’intérêt public (art. 6-1-e RGPD).',
    people: 'Organisateurs qui demandent, importent ou retirent une recommandation.',
    recipients: 'Public (la recommandation, sans donnée sur les apprenants) ; les organisateurs pour l’auteur.',
    tables: [
      {
        table: 'endorsements',
        data: 'recommandation signée (JSON, JWT), adresse de l’organisateur qui l’a créée ou retirée, motif',
        duration: () => 'durée du programme ; retirée, elle reste publiée comme retirée',
      },
    ],
  },
  {
    name: 'Accès des plateformes aux badges (API Open Badges 3.0)',
    purpose: 'Permettre à une plateforme choisie par l’apprenant de lire ses badges, jusqu’au retrait de l’accès.',
    legalBasis: 'Consentement (art. 6-1-a RGPD), donné à chaque plateforme et retirable en un clic.',
    people: 'Apprenants qui autorisent une plateforme.',
    recipients: `La plateforme autorisée, pour les badges et la portée acceptés ; ${ORGANISERS}`,
    tables: [
      {
        table: 'oauth_clients',
        data: 'nom et adresses de la plateforme inscrite (pas de donnée sur une personne)',
        duration: () => 'tant que la plateforme est inscrite',
      },
      {
        table: 'oauth_grants',
        data: 'apprenant, plateforme, portée autorisée, dates d’autorisation et de retrait',
        duration: () => `un accès retiré reste inscrit comme retiré, ${UNTIL_ERASURE}`,
      },
      {
        table: 'oauth_codes',
        data: 'empreinte du code d’autorisation lié à l’accès d’un apprenant',
        duration: () => '1 jour après son expiration (quelques minutes)',
      },
      {
        table: 'oauth_tokens',
        data: 'empreinte des jetons d’accès et de renouvellement liés à l’accès d’un apprenant',
        duration: () => '1 jour après leur expiration ; supprimés avec l’accès ou le compte',
      },
    ],
  },
  {
    name: 'Badges dans un portefeuille numérique',
    purpose: 'Remettre ses badges à l’apprenant dans le portefeuille de son choix ; y afficher son nom s’il le veut.',
    legalBasis:
      'Mission d’intérêt public (art. 6-1-e RGPD) ; consentement (art. 6-1-a) pour le nom affiché sur les badges.',
    people: 'Apprenants qui ajoutent leurs badges à un portefeuille.',
    recipients: `Le portefeuille choisi par l’apprenant ; ${ORGANISERS}`,
    tables: [
      {
        table: 'wallet_exchanges',
        data: 'apprenant, badge remis, identifiant (DID) du portefeuille, dates ; codes gardés en empreinte',
        duration: () => `1 jour après l’expiration du lien d’ajout ; ${UNTIL_ERASURE}`,
      },
      {
        table: 'wallet_name_consents',
        data: 'choix d’afficher son nom sur ses badges, date du choix',
        duration: () => `preuve du consentement (art. 7-1), ${UNTIL_ERASURE}`,
      },
    ],
  },
  {
    name: 'Rappels des événements et questionnaires',
    purpose: 'Rappeler aux inscrits les webinaires, ateliers et questionnaires qui les concernent.',
    legalBasis: 'Mission d’intérêt public (art. 6-1-e RGPD) ; opposition possible en un clic (art. 21).',
    people: 'Agents inscrits au programme.',
    recipients: `Le prestataire d’envoi de courriels (SMTP), sous-traitant ; ${ORGANISERS}`,
    tables: [
      {
        table: 'reminder_sends',
        data: 'apprenant, rappel envoyé et son objet, adresse de l’organisateur d’un envoi manuel, dates',
        duration: () => `durée du programme, ${UNTIL_ERASURE}`,
      },
      {
        table: 'reminder_opt_outs',
        data: 'apprenant, rappels refusés, date',
        duration: () => `tant que le refus vaut, ${UNTIL_ERASURE}`,
      },
    ],
  },
];

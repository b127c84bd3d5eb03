import { defineText } from '../../shared/text';

/** Words about the programme, shared by the home page and "Mon parcours". */
export const programmeText = defineText(
  'programme',
  {
    kindWebinar: 'Webinaire',
    kindWorkshop: 'Atelier',
    dateToCome: 'Date à venir',
    quizAfter: 'Suivi d’un questionnaire : {title}',
    metaBadge: 'Badge du parcours complet',
    eventsTitle: 'Le programme',
  },
  {
    kindWebinar: 'Webinar',
    kindWorkshop: 'Workshop',
    dateToCome: 'Date to be announced',
    quizAfter: 'Followed by a questionnaire: {title}',
    metaBadge: 'Badge for the whole pathway',
    eventsTitle: 'The programme',
  },
);

export const homeText = defineText(
  'home',
  {
    title: 'Accueil',
    heroTitle: 'Vos formations, reconnues par des badges que chacun peut vérifier',
    heroLead:
      'Parcours suit votre participation aux webinaires et aux ateliers, vos réponses aux questionnaires, et vous ' +
      'remet des badges numériques signés, à montrer sur votre profil professionnel ou à joindre à une candidature.',
    ctaSignIn: 'Recevoir mon lien de connexion',
    ctaMyPathway: 'Voir mon parcours',
    ctaOrganiser: 'Espace organisateur',
    ctaDashboard: 'Tableau de bord',
    stepsTitle: 'Comment ça marche',
    step1Title: 'Participez',
    step1Body: 'Suivez les webinaires, en direct ou en replay, puis les ateliers qui vous concernent.',
    step2Title: 'Répondez',
    step2Body: 'Après chaque atelier, un court questionnaire fait le point sur ce que vous avez retenu.',
    step3Title: 'Recevez vos badges',
    step3Body:
      'Chaque badge obtenu arrive par e-mail. Téléchargez-le, partagez-le : n’importe qui peut vérifier qu’il est ' +
      'authentique.',
    badgesTitle: 'Les badges du programme',
    badgesLead: 'Chaque badge publie ses critères : vous savez toujours ce qu’il atteste et comment l’obtenir.',
    eventsLead: 'Les sessions, dans l’ordre. Les horaires sont ceux du fuseau de chaque session.',
    standardTitle: 'Un standard ouvert',
    standardBody:
      'Les badges suivent la norme Open Badges 3.0 : signés, datés, révocables, lisibles par tout portefeuille ' +
      'numérique compatible, sans dépendre de cette plateforme.',
  },
  {
    title: 'Home',
    heroTitle: 'Your training, recognised by badges anyone can verify',
    heroLead:
      'Parcours follows your attendance at webinars and workshops and your answers to questionnaires, and gives you ' +
      'signed digital badges to show on your professional profile or attach to an application.',
    ctaSignIn: 'Get my sign-in link',
    ctaMyPathway: 'See my pathway',
    ctaOrganiser: 'Organiser area',
    ctaDashboard: 'Dashboard',
    stepsTitle: 'How it works',
    step1Title: 'Take part',
    step1Body: 'Follow the webinars, live or as a replay, then the workshops that matter to you.',
    step2Title: 'Answer',
    step2Body: 'After each workshop, a short questionnaire checks what you took away.',
    step3Title: 'Receive your badges',
    step3Body: 'Each badge you earn arrives by e-mail. Download it, share it: anyone can check that it is genuine.',
    badgesTitle: 'The programme’s badges',
    badgesLead: 'Each badge publishes its criteria: you always know what it attests and how to earn it.',
    eventsLead: 'The sessions, in order. Times are given in each session’s time zone.',
    standardTitle: 'An open standard',
    standardBody:
      'The badges follow the Open Badges 3.0 standard: signed, dated, revocable, readable by any compatible digital ' +
      'wallet, without depending on this platform.',
  },
);

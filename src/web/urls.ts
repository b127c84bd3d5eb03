/**
 * Every internal link of the pages, in one place: a page's address changes here and nowhere else.
 * Route declarations use the patterns (`paths`), templates and redirects use the builders (`urls`).
 * The French addresses are the public ones (bookmarked, e-mailed): keep them stable.
 */
const enc = encodeURIComponent;

/** Route patterns, as registered (the organiser ones inside the `/organisateur` scope). */
export const paths = {
  home: '/',
  signIn: '/connexion',
  signInLink: '/connexion/lien',
  signOut: '/deconnexion',
  pathway: '/mon-parcours',
  myBadges: '/mes-badges',
  quiz: '/questionnaires/:key',
  quizResult: '/questionnaires/:key/resultats/:id',
  verifier: '/verifier',
  programme: '/evenements',
  credential: '/credentials/:id',
  privacy: '/confidentialite',
  myData: '/mes-donnees',
  directory: '/relais',
  unsubscribe: '/relances/desinscription',
  organiser: {
    scope: '/organisateur',
    signIn: '/connexion',
    dashboard: '/',
    events: '/evenements',
    event: '/evenements/:key',
    import: '/evenements/:key/import',
    importResult: '/evenements/:key/import/:id',
    matchRow: '/lignes/:id/rattacher',
    learners: '/apprenants',
    learner: '/apprenants/:id',
    progress: '/progression',
    outbox: '/courriels',
    resend: '/courriels/:id/relancer',
    audit: '/journal',
    endorsements: '/labelisations',
    endorsementWithdraw: '/labelisations/:id/retirer',
    learnerData: '/apprenants/:id/donnees',
    reminders: '/relances',
    remindersPreview: '/relances/apercu',
    remindersSend: '/relances/envoyer',
    remindersReplay: '/relances/differe',
    platforms: '/plateformes',
  },
} as const;

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${entries.map(([k, v]) => `${enc(k)}=${enc(String(v))}`).join('&')}` : '';
};
const org = (path = '') => `${paths.organiser.scope}${path}`;

/** Links, with their parameters encoded. */
export const urls = {
  home: () => '/',
  signIn: (next?: string) => `/connexion${query({ suite: next })}`,
  signInLink: () => '/connexion/lien',
  signOut: () => '/deconnexion',
  pathway: () => '/mon-parcours',
  myBadges: () => '/mes-badges',
  quiz: (key: string) => `/questionnaires/${enc(key)}`,
  quizResult: (key: string, id: string) => `/questionnaires/${enc(key)}/resultats/${enc(id)}`,
  verifier: () => '/verifier',
  unsubscribe: () => '/relances/desinscription',
  programme: () => '/evenements',
  credential: (id: string) => `/credentials/${enc(id)}`,
  credentialFile: (id: string, ext: 'json' | 'jwt' | 'png' | 'svg') => `/credentials/${enc(id)}.${ext}`,
  achievementImage: (key: string, ext: 'png' | 'svg') => `/achievements/${enc(key)}/image.${ext}`,
  docs: () => '/docs',
  privacy: () => '/confidentialite',
  myData: (done?: string) => `/mes-donnees${query({ fait: done })}`,
  directory: (params: { departement?: string; collectivite?: string; badge?: string } = {}) =>
    `/relais${query(params)}`,
  organiser: {
    signIn: (next?: string) => org(`/connexion${query({ suite: next })}`),
    dashboard: () => org(),
    events: (anchorKey?: string) => org(`/evenements${anchorKey ? `#evenement-${enc(anchorKey)}` : ''}`),
    event: (key: string) => org(`/evenements/${enc(key)}`),
    import: (key: string) => org(`/evenements/${enc(key)}/import`),
    importResult: (key: string, id: string) => org(`/evenements/${enc(key)}/import/${enc(id)}`),
    matchRow: (id: string) => org(`/lignes/${enc(id)}/rattacher`),
    learners: (params: { q?: string; page?: number } = {}) => org(`/apprenants${query(params)}`),
    learner: (id: string) => org(`/apprenants/${enc(id)}`),
    progress: () => org('/progression'),
    outbox: (status?: string, page?: number) =>
      org(`/courriels${query({ statut: status, page: page && page > 1 ? page : undefined })}`),
    resend: (id: string) => org(`/courriels/${enc(id)}/relancer`),
    audit: (before?: string) => org(`/journal${query({ avant: before })}`),
    endorsements: (done?: 'signee' | 'retiree') => org(`/labelisations${query({ fait: done })}`),
    endorsementWithdraw: (id: string) => org(`/labelisations/${enc(id)}/retirer`),
    learnerData: (id: string) => org(`/apprenants/${enc(id)}/donnees`),
    reminders: (sent?: number) => org(`/relances${query({ envoyees: sent })}`),
    remindersPreview: () => org('/relances/apercu'),
    remindersSend: () => org('/relances/envoyer'),
    remindersReplay: () => org('/relances/differe'),
    platforms: () => org('/plateformes'),
  },
} as const;

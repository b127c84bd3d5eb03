import { defineText } from '../../shared/text';

/** The list of learners, searchable and paged. */
export const learnersText = defineText(
  'organiser-learners',
  {
    title: 'Apprenants',
    lead:
      'Toutes les personnes connues du programme : créées par un import, une présence saisie à la main ou leur ' +
      'première connexion.',
    searchLabel: 'Rechercher',
    searchHint: 'Une partie du nom, de l’adresse e-mail ou de l’organisation.',
    searchButton: 'Rechercher',
    clear: 'Tout afficher',
    count: '{count} apprenant(s)',
    countFor: '{count} apprenant(s) pour « {q} »',
    caption: 'Apprenants, par ordre alphabétique',
    colName: 'Nom',
    colEmail: 'E-mail',
    colOrganisation: 'Organisation',
    colCreated: 'Connu depuis',
    openLabel: 'Ouvrir la fiche de {who}',
    empty: 'Aucun apprenant ne correspond.',
    previous: 'Page précédente',
    next: 'Page suivante',
    pageOf: 'Page {page} sur {pages}',
    pagination: 'Pages',
  },
  {
    title: 'Learners',
    lead:
      'Everyone the programme knows: created by an import, by attendance recorded by hand, ' +
      'or at their first sign-in.',
    searchLabel: 'Search',
    searchHint: 'Part of the name, e-mail address or organisation.',
    searchButton: 'Search',
    clear: 'Show all',
    count: '{count} learner(s)',
    countFor: '{count} learner(s) for “{q}”',
    caption: 'Learners, in alphabetical order',
    colName: 'Name',
    colEmail: 'E-mail',
    colOrganisation: 'Organisation',
    colCreated: 'Known since',
    openLabel: 'Open the record of {who}',
    empty: 'No learner matches.',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {page} of {pages}',
    pagination: 'Pages',
  },
  ['colEmail', 'colOrganisation', 'pagination'],
);

// Kept for the progress page (reports/web), until it imports from progress.text.ts.
export { progressText } from '../../reports/web/progress.text';

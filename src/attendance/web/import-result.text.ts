import { defineText } from '../../shared/text';

/** An import's result page: its counts and the rows without an e-mail, matched by hand. */
export const importResultText = defineText(
  'organiser-import-result',
  {
    resultTitle: 'Résultat de l’import',
    resultLead: 'Fichier {file}, importé le {date} par {by}.',
    statCreated: 'apprenants créés',
    statAttendanceCreated: 'présences ajoutées',
    statAttendanceUpdated: 'présences améliorées',
    statUnchanged: 'inchangées',
    matchTitle: 'Rattacher les lignes sans e-mail',
    matchLead:
      'Pour chaque ligne, choisissez l’apprenant correspondant, ou indiquez son adresse e-mail : sa présence est ' +
      'alors enregistrée selon le temps de la ligne.',
    matchCaption: 'Lignes sans adresse e-mail de cet import',
    matchNone: 'Toutes les personnes de ce fichier avaient une adresse e-mail : rien à rapprocher.',
    matchedTo: 'Rattachée à {email}',
    toMatch: 'À rapprocher',
    suggestions: 'Apprenants au nom proche :',
    matchTo: 'Rattacher à {who}',
    matchEmailLabel: 'Adresse e-mail de l’apprenant, ligne {line}',
    matchButton: 'Rattacher',
    matchEmailInvalid: 'Indiquez une adresse e-mail valide.',
    importAnother: 'Importer un autre fichier',
    seeLearners: 'Voir les apprenants',
    seeProgress: 'Voir la progression de la cohorte',
  },
  {
    resultTitle: 'Import result',
    resultLead: 'File {file}, imported on {date} by {by}.',
    statCreated: 'learners created',
    statAttendanceCreated: 'attendances added',
    statAttendanceUpdated: 'attendances improved',
    statUnchanged: 'unchanged',
    matchTitle: 'Match the rows without an e-mail',
    matchLead:
      'For each row, pick the matching learner or enter their e-mail address: their attendance is then recorded from ' +
      'the row’s time.',
    matchCaption: 'Rows of this import without an e-mail address',
    matchNone: 'Everyone in this file had an e-mail address: nothing to match.',
    matchedTo: 'Matched to {email}',
    toMatch: 'To match',
    suggestions: 'Learners with a similar name:',
    matchTo: 'Match to {who}',
    matchEmailLabel: 'Learner’s e-mail address, line {line}',
    matchButton: 'Match',
    matchEmailInvalid: 'Enter a valid e-mail address.',
    importAnother: 'Import another file',
    seeLearners: 'See the learners',
    seeProgress: 'See the cohort’s progress',
  },
);

import { defineText } from '../../shared/text';

/** Attendance import, file in no known layout: which column holds what. */
export const importMappingText = defineText(
  'organiser-import-mapping',
  {
    title: 'Indiquer les colonnes du fichier',
    lead:
      'Ce fichier n’est pas dans un format que nous connaissons. Dites-nous quelle colonne contient quoi : l’aperçu ' +
      'sera refait avec ces colonnes, et rien n’est enregistré avant votre confirmation.',
    personLegend: 'Qui est la personne',
    presenceLegend: 'Comment la présence est indiquée',
    presenceHint:
      'Choisissez au moins l’une de ces possibilités : les heures d’arrivée et de départ (les deux), les minutes de ' +
      'présence, ou une colonne qui dit si la personne était présente.',
    none: '— aucune —',
    required: '(obligatoire)',
    'field.email': 'Adresse e-mail',
    'hint.email':
      'L’adresse de chaque personne : c’est elle qui relie la ligne à un apprenant. Une ligne sans adresse pourra ' +
      'être rattachée à la main après l’import.',
    'field.name': 'Nom',
    'hint.name':
      'Facultatif. Le nom de la personne, affiché dans l’aperçu et utile pour rattacher une ligne sans adresse.',
    'field.organisation': 'Organisation',
    'hint.organisation': 'Facultatif. La collectivité ou la structure de la personne.',
    'field.joinedAt': 'Heure d’arrivée',
    'hint.joinedAt': 'La date et l’heure (ou l’heure seule) à laquelle la personne a rejoint la séance.',
    'field.leftAt': 'Heure de départ',
    'hint.leftAt': 'Avec l’heure d’arrivée : le temps passé entre les deux est comparé à la durée de la séance.',
    'field.minutes': 'Minutes de présence',
    'hint.minutes': 'Un nombre de minutes passées dans la séance (par exemple 95), comparé à la durée de la séance.',
    'field.present': 'Présent ou absent',
    'hint.present':
      'Une colonne qui répond oui ou non : « oui » ou « non », « x », « 1 » ou « 0 », « présent » ou « absent ».',
    submit: 'Voir l’aperçu avec ces colonnes',
    otherFile: 'Choisir un autre fichier',
    errorTitle: 'Vérifiez les colonnes choisies',
    emailRequired: 'Choisissez la colonne des adresses e-mail.',
    presenceRequired:
      'Choisissez au moins une colonne qui indique la présence : arrivée et départ, minutes, ou présent ou absent.',
    leftAtRequired: 'Avec l’heure d’arrivée, choisissez aussi l’heure de départ.',
    joinedAtRequired: 'Avec l’heure de départ, choisissez aussi l’heure d’arrivée.',
    duplicate: 'La colonne « {column} » est déjà choisie pour « {field} ».',
    notFound: 'La colonne « {column} » n’est pas dans ce fichier.',
    noHeaders:
      'Aucune colonne n’a pu être lue dans ce fichier. Choisissez le fichier exporté, au format CSV ou classeur ' +
      'Excel (.xlsx).',
    used: 'Colonnes choisies',
    usedLine: '{field} : {column}',
    changedTitle: 'Ce ne sont pas les colonnes de l’aperçu',
    changedBody:
      'Les colonnes envoyées pour confirmer diffèrent de celles de l’aperçu : rien n’a été enregistré. Voici ' +
      'l’aperçu avec ces colonnes.',
  },
  {
    title: 'Say which column is which',
    lead:
      'This file is in no layout we know. Tell us which column holds what: the preview is made again with these ' +
      'columns, and nothing is saved before you confirm.',
    personLegend: 'Who the person is',
    presenceLegend: 'How attendance is given',
    presenceHint:
      'Choose at least one of these: the arrival and departure times (both), the minutes attended, or a column ' +
      'saying whether the person was present.',
    none: '— none —',
    required: '(required)',
    'field.email': 'E-mail address',
    'hint.email':
      'Each person’s address: it links the row to a learner. A row without one can be matched by hand after the ' +
      'import.',
    'field.name': 'Name',
    'hint.name': 'Optional. The person’s name, shown in the preview and useful to match a row without an address.',
    'field.organisation': 'Organisation',
    'hint.organisation': 'Optional. The person’s local authority or organisation.',
    'field.joinedAt': 'Arrival time',
    'hint.joinedAt': 'The date and time (or the time alone) at which the person joined the session.',
    'field.leftAt': 'Departure time',
    'hint.leftAt': 'With the arrival time: the time between the two is compared with the length of the session.',
    'field.minutes': 'Minutes attended',
    'hint.minutes':
      'A number of minutes spent in the session (for example 95), compared with the length of the session.',
    'field.present': 'Present or absent',
    'hint.present': 'A column that answers yes or no: “yes” or “no”, “x”, “1” or “0”, “present” or “absent”.',
    submit: 'See the preview with these columns',
    otherFile: 'Choose another file',
    errorTitle: 'Check the chosen columns',
    emailRequired: 'Choose the column of e-mail addresses.',
    presenceRequired:
      'Choose at least one column that gives attendance: arrival and departure, minutes, or present or absent.',
    leftAtRequired: 'With the arrival time, also choose the departure time.',
    joinedAtRequired: 'With the departure time, also choose the arrival time.',
    duplicate: 'The column “{column}” is already chosen for “{field}”.',
    notFound: 'The column “{column}” is not in this file.',
    noHeaders: 'No column could be read in this file. Choose the exported file, as CSV or an Excel workbook (.xlsx).',
    used: 'Chosen columns',
    usedLine: '{field}: {column}',
    changedTitle: 'These are not the previewed columns',
    changedBody:
      'The columns sent to confirm differ from those of the preview: nothing was saved. Here is the preview with ' +
      'these columns.',
  },
  ['field.organisation'],
);

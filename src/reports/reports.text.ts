import { defineText } from '../shared/text';

/** The progress CSV's headers and cells; a badge's state comes from badges.text.ts (badgeStatusText). */
export const progressCsvText = defineText(
  'progress-csv',
  {
    name: 'Nom',
    email: 'E-mail',
    organisation: 'Organisation',
    presence: 'Présence',
    quiz: 'Questionnaire',
    badge: 'Badge',
    present: 'présent',
    replay: 'replay',
    absent: 'absent',
    incomplete: 'incomplet',
    answered: 'répondu',
    inProgress: '{status} ({percent} %)',
  },
  {
    name: 'Name',
    email: 'E-mail',
    organisation: 'Organisation',
    presence: 'Attendance',
    quiz: 'Questionnaire',
    badge: 'Badge',
    present: 'present',
    replay: 'replay',
    absent: 'absent',
    incomplete: 'incomplete',
    answered: 'answered',
    inProgress: '{status} ({percent}%)',
  },
  ['email', 'organisation', 'quiz', 'badge', 'replay', 'absent'],
);

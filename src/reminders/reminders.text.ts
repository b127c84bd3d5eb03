import { defineText, definePairs } from '../shared/text';

/** Registered in src/text.ts: what the reminders API and pages may refuse. */
export const remindersErrors = definePairs('reminders-errors', {
  REMINDER_LINK_INVALID: {
    fr: () => 'Ce lien de désinscription est invalide ou incomplet.',
    en: () => 'This unsubscribe link is invalid or incomplete.',
  },
  REMINDER_RULE_UNKNOWN: {
    fr: (p) => `Règle de relance inconnue : ${p.rule}`,
    en: (p) => `Unknown reminder rule: ${p.rule}`,
  },
  REMINDER_EVENT_UNKNOWN: {
    fr: (p) => `Événement sans questionnaire ou inconnu : ${p.event}`,
    en: (p) => `Unknown event, or an event without a questionnaire: ${p.event}`,
  },
  REMINDER_SELECTION_CHANGED: {
    fr: (p) => `La sélection a changé depuis l’aperçu (${p.expected} prévus, ${p.actual} maintenant) : relisez-la.`,
    en: (p) => `The selection changed since the preview (${p.expected} expected, ${p.actual} now): check it again.`,
  },
  REMINDER_REPLAY_NOT_DECLARED: {
    fr: (p) => `La séance ${p.event} ne déclare pas d’enregistrement (replay) dans programme.json.`,
    en: (p) => `The session ${p.event} declares no recording (replay) in programme.json.`,
  },
  REMINDER_REPLAY_NO_EMAIL_COLUMN: {
    fr: () => 'Aucune colonne d’adresse e-mail dans ce fichier (attendu : « Email », « E-mail » ou « Courriel »).',
    en: () => 'No e-mail address column in this file (expected: “Email”, “E-mail” or “Courriel”).',
  },
  REMINDER_SELECTION_EMPTY: {
    fr: () => 'Personne dans cette sélection : aucune relance à envoyer.',
    en: () => 'Nobody in this selection: no reminder to send.',
  },
});

/** The words a reminder e-mail adds around the rule's own text. */
export const reminderMailText = defineText(
  'reminder-mail',
  {
    action: 'Ouvrir le lien',
    conditionReplay: 'suivre « {event} » en différé (l’enregistrement de la séance)',
    conditionReplayCode: ', code d’accès : {code}',
    conditionAnswer: 'répondre au questionnaire « {quiz} »',
    listSep: ', ',
    unsubscribe: 'Vous ne souhaitez plus recevoir ce type de relance ? Désinscrivez-vous en un clic : {url}',
    unsubscribeLink: 'Ne plus recevoir ce type de relance',
    notTracked: 'Ce courriel ne contient ni pixel ni lien de suivi : nous ne savons pas si vous l’ouvrez.',
  },
  {
    action: 'Open the link',
    conditionReplay: 'follow “{event}” as a replay (the session’s recording)',
    conditionReplayCode: ', access code: {code}',
    conditionAnswer: 'answer the “{quiz}” questionnaire',
    listSep: ', ',
    unsubscribe: 'No longer want this kind of reminder? Unsubscribe in one click: {url}',
    unsubscribeLink: 'Stop this kind of reminder',
    notTracked: 'This e-mail holds no tracking pixel or link: we do not know whether you open it.',
  },
  ['listSep'],
);

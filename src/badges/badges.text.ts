import { definePairs, defineText, type Params } from '../shared/text';

/** Awards and progress refusals; registered in src/text.ts. */
export const badgesErrors = definePairs('badges-errors', {
  BADGE_NOT_FOUND: {
    fr: (p) => `Badge inconnu : « ${p.key} ».`,
    en: (p) => `Unknown badge: "${p.key}".`,
  },
  BADGE_ALREADY_AWARDED: {
    fr: (p) => `Le badge « ${p.key} » a déjà été attribué à cet apprenant${p.revoked ? ', puis révoqué' : ''}.`,
    en: (p) => `The badge "${p.key}" was already awarded to this learner${p.revoked ? ', then revoked' : ''}.`,
  },
  PROGRESS_FORBIDDEN: {
    fr: () => 'Vous ne pouvez consulter que votre propre progression.',
    en: () => 'You can only read your own progress.',
  },
});

// Rule explanations get their params already localised (event label, date) by rules.ts.
const minutes = (p: Params) => (p.minutes === undefined ? '' : ` (${p.minutes} min)`);
const scoreFr = (p: Params) => (p.percent === undefined ? '' : ` (score : ${p.percent} %)`);
const scoreEn = (p: Params) => (p.percent === undefined ? '' : ` (score: ${p.percent}%)`);

/** Why a rule's condition is met or not, shown beside each badge (and registered in src/text.ts). */
export const ruleTexts = definePairs('badge-rules', {
  RULE_ATTENDED: {
    fr: (p) => `${p.event} suivi le ${p.date}${minutes(p)}`,
    en: (p) => `${p.event} attended on ${p.date}${minutes(p)}`,
  },
  RULE_ATTENDED_REPLAY: {
    fr: (p) => `${p.event} suivi en différé (replay) le ${p.date}${minutes(p)}`,
    en: (p) => `${p.event} followed as a replay on ${p.date}${minutes(p)}`,
  },
  RULE_REPLAY_NOT_ACCEPTED: {
    fr: (p) =>
      `${p.event} suivi en différé le ${p.date} : le différé ne compte pas pour ce badge, il faut y assister en direct`,
    en: (p) => `${p.event} followed as a replay on ${p.date}: a replay does not count for this badge, attend it live`,
  },
  RULE_ATTENDANCE_TOO_SHORT: {
    fr: (p) => `${p.event} non suivi : présence insuffisante le ${p.date}${minutes(p)}`,
    en: (p) => `${p.event} not attended: presence too short on ${p.date}${minutes(p)}`,
  },
  RULE_ABSENT: {
    fr: (p) => `${p.event} non suivi : absence enregistrée le ${p.date}`,
    en: (p) => `${p.event} not attended: recorded absent on ${p.date}`,
  },
  RULE_NOT_ATTENDED: {
    fr: (p) => `${p.event} non suivi`,
    en: (p) => `${p.event} not attended`,
  },
  RULE_ANSWERED: {
    fr: (p) => `Questionnaire « ${p.quiz} » répondu le ${p.date}${scoreFr(p)}`,
    en: (p) => `Questionnaire “${p.quiz}” answered on ${p.date}${scoreEn(p)}`,
  },
  RULE_ANSWERED_MIN_SCORE: {
    fr: (p) => `Questionnaire « ${p.quiz} » répondu le ${p.date} : ${p.percent} % (minimum ${p.minPercent} %)`,
    en: (p) => `Questionnaire “${p.quiz}” answered on ${p.date}: ${p.percent}% (minimum ${p.minPercent}%)`,
  },
  RULE_NOT_ANSWERED: {
    fr: (p) => `Questionnaire « ${p.quiz} » non répondu`,
    en: (p) => `Questionnaire “${p.quiz}” not answered`,
  },
  RULE_ANSWER_INCOMPLETE: {
    fr: (p) => `Questionnaire « ${p.quiz} » incomplet : des réponses obligatoires manquent`,
    en: (p) => `Questionnaire “${p.quiz}” incomplete: required answers are missing`,
  },
  RULE_SCORE_TOO_LOW: {
    fr: (p) => `Questionnaire « ${p.quiz} » : ${p.percent} % obtenus, ${p.minPercent} % requis`,
    en: (p) => `Questionnaire “${p.quiz}”: scored ${p.percent}%, ${p.minPercent}% required`,
  },
  RULE_SCORE_UNAVAILABLE: {
    fr: (p) => `Questionnaire « ${p.quiz} » : aucun score, ${p.minPercent} % requis`,
    en: (p) => `Questionnaire “${p.quiz}”: no score, ${p.minPercent}% required`,
  },
  RULE_HOLDS: {
    fr: (p) => `Badge « ${p.badge} » obtenu`,
    en: (p) => `Badge “${p.badge}” earned`,
  },
  RULE_NOT_HELD: {
    fr: (p) => `Badge « ${p.badge} » pas encore obtenu`,
    en: (p) => `Badge “${p.badge}” not earned yet`,
  },
});

export type RuleCode = keyof typeof ruleTexts.fr;

/**
 * A badge's state in one or two words: the organiser's progress table and the CSV export (in lower
 * case there). The learner's pathway says it in a sentence of its own (web/learner.text.ts).
 */
export const badgeStatusText = defineText(
  'badge-status',
  { earned: 'Obtenu', eligible: 'Éligible', in_progress: 'En cours', not_started: 'Non commencé' },
  { earned: 'Earned', eligible: 'Eligible', in_progress: 'In progress', not_started: 'Not started' },
);

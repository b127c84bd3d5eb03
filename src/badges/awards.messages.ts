import { defineMessages } from '../shared/errors';

/** Awards and progress refusals; registered in shared/messages.ts. */
export const awardsMessages = defineMessages({
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

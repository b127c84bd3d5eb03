import { definePairs } from '../shared/text';

/**
 * Registered in src/text.ts. The problem list itself stays in the operator's terms (file, JSON path,
 * reason): it is read in start-up logs, not by learners.
 */
export const programmeErrors = definePairs('programme-errors', {
  PROGRAMME_INVALID: {
    fr: (p) => `Définition du programme invalide (${p.count} problème(s)) :\n${p.problems}`,
    en: (p) => `Invalid programme definition (${p.count} problem(s)):\n${p.problems}`,
  },
});

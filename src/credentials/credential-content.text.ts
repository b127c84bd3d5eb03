import { defineText } from '../shared/text';

/** Words the platform writes into a signed credential (evidence, result descriptions). */
export const credentialContentText = defineText(
  'credential-content',
  {
    evidenceReplay: 'Suivi en replay (enregistrement).',
    resultName: 'Score au questionnaire « {title} »',
  },
  {
    evidenceReplay: 'Followed as a replay (recording).',
    resultName: 'Score in the questionnaire “{title}”',
  },
);

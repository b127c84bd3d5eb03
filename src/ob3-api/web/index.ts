import type { AreaWeb } from '../../web/web.plugin';
import { consentPages } from './consent.routes';
import { consentText } from './consent.text';
import { clientPages, platformPages } from './platforms.routes';
import { platformsText } from './platforms.text';

/** The OB 3.0 API's pages: the learner's consent, « Retirer l'accès », the organisers' platforms. */
export const ob3ApiWeb: AreaWeb = {
  public: [consentPages, platformPages],
  organiser: [clientPages],
  texts: [consentText, platformsText],
};

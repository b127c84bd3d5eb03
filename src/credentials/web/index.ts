import type { AreaWeb } from '../../web/web.plugin';
import { credentialPages } from './credential.routes';
import { myBadgesPages } from './my-badges.routes';
import { credentialCommonText, credentialText, myBadgesText, verifierText } from './credentials.text';

/** The credentials' pages: the public credential page (with the verifier) and « Mes badges ». */
export const credentialsWeb: AreaWeb = {
  public: [credentialPages],
  learner: [myBadgesPages],
  texts: [credentialCommonText, credentialText, myBadgesText, verifierText],
};

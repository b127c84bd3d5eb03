import type { AreaWeb } from '../../web/web.plugin';
import { walletPages } from './wallet.routes';
import { walletText } from './wallet.text';

/** The wallet's pages: the add-to-wallet link with its QR codes, the name on/off form. */
export const walletWeb: AreaWeb = {
  learner: [walletPages],
  texts: [walletText],
};

import type { AreaWeb } from '../../web/web.plugin';
import { directoryPageText } from './directory.text';
import { directoryPages } from './directory.routes';

/** « Relais data du territoire »: the public directory and the learner's listing forms. */
export const directoryWeb: AreaWeb = {
  public: [directoryPages],
  texts: [directoryPageText],
};

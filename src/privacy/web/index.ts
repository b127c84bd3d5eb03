import type { AreaWeb } from '../../web/web.plugin';
import { privacyMailText } from '../privacy.text';
import { learnerDataPages } from './learner-data.routes';
import { myDataPages } from './my-data.routes';
import { learnerDataText, myDataText } from './my-data.text';
import { noticePages } from './notice.routes';
import { noticeText } from './notice.text';

/** The privacy notice, « Mes données » and its confirmation pages, the organiser's side of the rights. */
export const privacyWeb: AreaWeb = {
  public: [noticePages],
  learner: [myDataPages],
  organiser: [learnerDataPages],
  texts: [noticeText, myDataText, learnerDataText, privacyMailText],
};

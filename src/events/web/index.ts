import type { AreaWeb } from '../../web/web.plugin';
import { publicPages } from './public.routes';
import { eventsPages } from './events.routes';
import { homeText, programmeText } from './public.text';
import { eventsText } from './events.text';

/** The programme's pages: home and programme (public), the organisers' events. */
export const eventsWeb: AreaWeb = {
  public: [publicPages],
  organiser: [eventsPages],
  texts: [homeText, programmeText, eventsText],
};

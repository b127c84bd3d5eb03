import { html, type Html } from '../../web/html';
import type { PageContext } from '../../web/layout';
import { textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { learnerDataText } from './my-data.text';

/** On the organiser's learner page: the way to the export and erasure of this learner's data. */
export const learnerDataLink = (ctx: PageContext, learnerId: string): Html =>
  html`<p><a href="${urls.organiser.learnerData(learnerId)}">${textFor(learnerDataText, ctx.lang).linkLabel}</a></p>`;

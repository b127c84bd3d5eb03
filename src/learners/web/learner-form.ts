import type { Quiz } from '../../programme/quiz.schemas';
import type { LearnerFile } from './learner-file.data';
import { errorSummary, type FieldErrors } from '../../web/forms';
import { html, type Html } from '../../web/html';
import type { PageContext } from '../../web/layout';
import type { learnerText } from './learner-file.text';

export type LearnerForm = 'presence' | 'attribution' | 'revocation' | 'fusion';

/** A refused form, re-shown with what was typed, beside the field in error. */
export interface FormState {
  form: LearnerForm;
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

export interface LearnerPageData extends LearnerFile {
  quizzes: readonly Quiz[];
  state?: FormState;
  status?: number;
}

export type T = Readonly<Record<keyof typeof learnerText.fr, string>>;

export function formError(_ctx: PageContext, t: T, state: FormState | undefined, form: LearnerForm): Html | '' {
  if (state?.form !== form) return '';
  return errorSummary(t.formErrorTitle, state.message ?? '', state.errors);
}

/** The opening of a table's scrolling region, labelled by the table's caption. */
export const scrollRegion = (captionId: string): Html =>
  html`<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">`;

/** Column headings, one `<th scope="col">` each. */
export const columnHeads = (labels: readonly string[]): Html[] =>
  labels.map((label) => html`<th scope="col">${label}</th>`);

import { formatDateTime, formatDay } from '../../shared/format';
import { input } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { csrfField, type PageContext, type PageView } from '../../web/layout';
import { learnerText } from './learner-file.text';
import { fmt, textFor } from '../../shared/text';
import { answersReview, scoreText } from '../../quizzes/web/quiz.partials';
import { urls } from '../../web/urls';
import { columnHeads, formError, scrollRegion, type LearnerPageData } from './learner-form';
import { attendanceSection } from './learner-attendance.partials';
import { badgesSection } from './learner-badges.partials';
import { learnerDataLink } from '../../privacy/web/learner-data.partial';

function attemptsSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const quizzes = new Map(data.quizzes.map((q) => [q.key, q]));
  const rows = data.attempts.map((a) => {
    const quiz = quizzes.get(a.quizKey);
    const date = formatDateTime(a.submittedAt, ctx.lang);
    const summary = html`<summary>${fmt(t.answersSummary, { date })}</summary>`;
    const answers = quiz ? answersReview(quiz, a.answers, ctx.lang, `tentative-${a.id.slice(0, 8)}`) : '';
    const review = quiz
      ? html`<tr class="row-details"><td colspan="4"><details>${summary}${answers}</details></td></tr>`
      : '';
    return html`<tr>
  <th scope="row">${quiz?.title[ctx.lang] ?? a.quizKey}</th>
  <td class="nowrap" data-label="${t.colDate}">${date}</td>
  <td data-label="${t.colScore}">${scoreText(a, ctx.lang)}</td>
  <td data-label="${t.colComplete}">${a.complete ? t.complete : t.incomplete}</td>
</tr>
${review}`;
  });
  const heads = columnHeads([t.colQuiz, t.colDate, t.colScore, t.colComplete]);
  const table = html`${scrollRegion('legende-tentatives')}<table class="table table-stack">
    <caption id="legende-tentatives">${t.attemptsCaption}</caption>
    <thead><tr>${heads}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
  return html`<section aria-labelledby="titre-tentatives" id="questionnaires">
  <h2 id="titre-tentatives">${t.attemptsTitle}</h2>
  ${rows.length === 0 ? html`<p class="empty">${t.attemptsEmpty}</p>` : table}
</section>`;
}

function mergeSection(ctx: PageContext, data: LearnerPageData): Html {
  const t = textFor(learnerText, ctx.lang);
  const m = data.state?.form === 'fusion' ? data.state : undefined;
  const duplicate = input({
    name: 'doublon',
    type: 'email',
    label: t.fieldDuplicate,
    value: m?.values.doublon,
    error: m?.errors.doublon,
    required: true,
    autocomplete: 'off',
    attrs: { spellcheck: 'false' },
  });
  const refused = m?.errors.confirmation;
  const described = refused ? attr` aria-invalid="true" aria-describedby="champ-confirmation-erreur"` : '';
  const box = html`<input type="checkbox" id="champ-confirmation" name="confirmation" value="oui"${described}>`;
  const label = html`<label for="champ-confirmation">${t.mergeConfirm}</label>`;
  const error = refused ? html`<p class="field-error" id="champ-confirmation-erreur">${refused}</p>` : '';
  return html`<section aria-labelledby="titre-fusion" id="fusion" class="card section-gap">
  <h2 id="titre-fusion">${t.mergeTitle}</h2>
  <p class="muted">${t.mergeLead}</p>
  ${formError(ctx, t, data.state, 'fusion')}
  <form method="post" action="${urls.organiser.learner(data.learner.id)}/fusion" class="form form-wide" novalidate>
    ${csrfField(ctx)}
    ${duplicate}
    <div class="checkbox${refused ? ' field-invalid' : ''}">${box}${label}</div>
    ${error}
    <p><button type="submit" class="button button-danger">${t.mergeButton}</button></p>
  </form>
</section>`;
}

export function learnerPage(ctx: PageContext, data: LearnerPageData): PageView {
  const t = textFor(learnerText, ctx.lang);
  const l = data.learner;
  return {
    title: l.name ?? l.email,
    status: data.status,
    main: html`<p class="breadcrumb"><a href="${urls.organiser.learners()}">${t.breadcrumb}</a></p>
<h1>${l.name ?? l.email}</h1>
<dl class="facts facts-inline">
  <div><dt>${t.email}</dt><dd>${l.email}</dd></div>
  <div><dt>${t.organisation}</dt><dd>${l.organisation ?? t.none}</dd></div>
  <div><dt>${t.language}</dt><dd>${l.lang === 'en' ? t.langEn : t.langFr}</dd></div>
  <div><dt>${t.since}</dt><dd>${formatDay(l.createdAt, ctx.lang)}</dd></div>
</dl>
${attendanceSection(ctx, data)}
${badgesSection(ctx, data)}
${attemptsSection(ctx, data)}
${mergeSection(ctx, data)}
${learnerDataLink(ctx, l.id)}`,
  };
}

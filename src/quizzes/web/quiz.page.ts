import type { Quiz } from '../../programme/quiz.schemas';
import { DEFAULT_TEXT_MAX, SCALE_MAX, SCALE_MIN } from '../scoring';
import { formatDateTime, formatPercent } from '../../shared/format';
import { errorSummary, type FieldErrors } from '../../web/forms';
import { attr, html, type Html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { quizText } from './quiz.text';
import { fmt, textFor } from '../../shared/text';
import { urls } from '../../web/urls';
import { answersReview, scoreText } from './quiz.partials';

/** Answers as the form sent them: one string per text/scale/radio, a list for checkboxes. */
export type FormAnswers = Record<string, string[]>;

export interface PreviousAttempt {
  id: string;
  submittedAt: Date;
  score: number;
  maxScore: number;
  percent: number | null;
}

export interface QuizPageData {
  quiz: Quiz;
  eventLabel: string;
  /** Set when the questionnaire is closed: the API's message (when it opens). */
  closedMessage?: string;
  best?: PreviousAttempt;
  values?: FormAnswers;
  errors?: FieldErrors;
  status?: number;
}

function heading(ctx: PageContext, quiz: Quiz, eventLabel: string): Html {
  const t = textFor(quizText, ctx.lang);
  return html`<p class="breadcrumb"><a href="${urls.pathway()}">${t.breadcrumb}</a></p>
<p class="eyebrow">${eventLabel}</p>
<h1>${quiz.title[ctx.lang]}</h1>`;
}

function question(ctx: PageContext, q: Quiz['questions'][number], n: number, values: string[], error?: string): Html {
  const t = textFor(quizText, ctx.lang);
  const id = `champ-${q.id}`;
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const points =
    (q.type === 'single' || q.type === 'multiple') && q.points !== undefined
      ? html` <span class="muted small">${fmt(q.points === 1 ? t.pointOne : t.points, { points: q.points })}</span>`
      : '';
  const hint =
    q.type === 'single'
      ? t.pickOne
      : q.type === 'multiple'
        ? t.pickMany
        : q.type === 'scale'
          ? fmt(t.scaleHint, {
              min: q.labels?.min[ctx.lang] ?? String(SCALE_MIN),
              max: q.labels?.max[ctx.lang] ?? String(SCALE_MAX),
            })
          : fmt(t.textHint, { max: (q.type === 'text' ? q.maxLength : undefined) ?? DEFAULT_TEXT_MAX });
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  const number = html`<span class="question-number">${fmt(t.questionNumber, { n })}</span>`;
  const optional = q.required ? '' : html` <span class="muted">${t.optional}</span>`;
  const legend = html`${number} ${q.text[ctx.lang]}${optional}${points}`;
  const help = q.help ? html`<p class="hint">${q.help[ctx.lang]}</p>` : '';
  const errorLine = error ? html`<p class="field-error" id="${errorId}">${error}</p>` : '';
  const aside = html`${help}<p class="hint" id="${hintId}">${hint}</p>${errorLine}`;
  const invalid = error ? attr` aria-invalid="true"` : '';
  if (q.type === 'text') {
    const maxLength = q.maxLength ?? DEFAULT_TEXT_MAX;
    return html`<div class="question field${error ? ' field-invalid' : ''}">
  <label for="${id}">${legend}</label>${aside}
  <textarea id="${id}" name="${q.id}" rows="4" maxlength="${maxLength}" aria-describedby="${describedBy}"${invalid}>${
    values[0] ?? ''
  }</textarea>
</div>`;
  }
  const options =
    q.type === 'scale'
      ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => ({
          id: String(SCALE_MIN + i),
          text: String(SCALE_MIN + i),
        }))
      : q.choices.map((c) => ({ id: c.id, text: c.text[ctx.lang] }));
  const kind = q.type === 'multiple' ? 'checkbox' : 'radio';
  const inputs = options.map((o) => {
    const checked = values.includes(o.id) ? attr` checked` : '';
    const input = html`<input type="${kind}" id="${id}-${o.id}" name="${q.id}" value="${o.id}"${checked}>`;
    return html`<div class="choice">${input}<label for="${id}-${o.id}">${o.text}</label></div>`;
  });
  const classes = `question${error ? ' field-invalid' : ''}${q.type === 'scale' ? ' question-scale' : ''}`;
  return html`<fieldset class="${classes}" id="${id}" aria-describedby="${describedBy}" tabindex="-1">
  <legend>${legend}</legend>${aside}
  <div class="choices">${inputs}</div>
</fieldset>`;
}

export function quizPage(ctx: PageContext, data: QuizPageData): PageView {
  const t = textFor(quizText, ctx.lang);
  const { quiz } = data;
  const values = data.values ?? {};
  const errors = data.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  const body = data.closedMessage
    ? notice('info', t.closedTitle, data.closedMessage)
    : html`${failed ? errorSummary(t.formErrorTitle, t.formErrorBody, errors) : ''}
${
  data.best
    ? html`<div class="notice notice-info" role="status"><p class="notice-title">${t.answeredBeforeTitle}</p>
  <p>${fmt(t.answeredBefore, {
    date: formatDateTime(data.best.submittedAt, ctx.lang),
    score: scoreText(data.best, ctx.lang),
  })}</p>
  <p><a href="${urls.quizResult(quiz.key, data.best.id)}">${t.seeCorrection}</a></p></div>`
    : ''
}
<p class="muted">${t.requiredNote}</p>
<form method="post" action="${urls.quiz(quiz.key)}" class="form quiz-form" novalidate>
  ${csrfField(ctx)}
  ${quiz.questions.map((q, i) => question(ctx, q, i + 1, values[q.id] ?? [], errors[q.id]))}
  <p><button type="submit" class="button button-large">${t.submit}</button></p>
</form>`;
  return {
    title: quiz.title[ctx.lang],
    status: data.status,
    main: html`${heading(ctx, quiz, data.eventLabel)}
${quiz.intro ? html`<p class="lead">${quiz.intro[ctx.lang]}</p>` : ''}
${body}`,
  };
}

export interface ResultPageData {
  quiz: Quiz;
  eventLabel: string;
  attempt: PreviousAttempt & { complete: boolean; answers: Record<string, unknown> };
}

export function quizResultPage(ctx: PageContext, data: ResultPageData): PageView {
  const t = textFor(quizText, ctx.lang);
  const { quiz, attempt } = data;
  const pass =
    quiz.passPercent !== undefined && attempt.percent !== null
      ? attempt.percent >= quiz.passPercent
        ? t.passed
        : t.notPassed
      : null;
  const toPathway = html`<a class="button" href="${urls.pathway()}">${t.toPathway}</a>`;
  const toBadges = html`<a class="button button-secondary" href="${urls.myBadges()}">${t.toBadges}</a>`;
  const again = html`<a class="button button-secondary" href="${urls.quiz(quiz.key)}">${t.again}</a>`;
  return {
    title: `${t.resultTitle} · ${quiz.title[ctx.lang]}`,
    main: html`${heading(ctx, quiz, data.eventLabel)}
<section class="score card" aria-labelledby="titre-resultat">
  <h2 id="titre-resultat">${t.resultTitle}</h2>
  <p class="muted">${fmt(t.resultLead, { date: formatDateTime(attempt.submittedAt, ctx.lang) })}</p>
  ${
    attempt.percent === null
      ? html`<p>${t.noScore}</p>`
      : html`<p class="score-value"><span class="visually-hidden">${t.scoreLabel}</span> ${formatPercent(
          attempt.percent / 100,
          ctx.lang,
        )}</p>
  <p>${scoreText(attempt, ctx.lang, false)}</p>`
  }
  ${pass ? html`<p>${fmt(pass, { percent: formatPercent((quiz.passPercent ?? 0) / 100, ctx.lang) })}</p>` : ''}
  ${attempt.complete ? html`<p>${t.badgesUpdated}</p>` : notice('error', t.incomplete, '')}
  <p class="actions">${toPathway}${toBadges}${again}</p>
</section>
<section aria-labelledby="titre-correction">
  <h2 id="titre-correction">${t.correctionTitle}</h2>
  ${answersReview(quiz, attempt.answers, ctx.lang)}
</section>`,
  };
}

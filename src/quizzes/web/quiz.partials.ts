import type { Lang } from '../../shared/errors';
import type { Quiz } from '../../programme/quiz.schemas';
import { scoreAttempt, type Answers } from '../scoring';
import { html, type Html } from '../../web/html';
import { quizText } from './quiz.text';
import { fmt, textFor } from '../../shared/text';
import { formatNumber, formatPercent } from '../../shared/format';

const number = formatNumber;

/** "7 sur 9 points (77,8 %)" (without the percent when it is shown beside), or "non noté". */
export function scoreText(
  attempt: { score: number; maxScore: number; percent: number | null },
  lang: Lang,
  withPercent = true,
): string {
  const t = textFor(quizText, lang);
  if (attempt.percent === null) return t.notScored;
  const points = fmt(t.scoreValue, { score: number(attempt.score, lang), max: number(attempt.maxScore, lang) });
  if (!withPercent) return points;
  return `${points} (${formatPercent(attempt.percent / 100, lang)})`;
}

/** What the person answered, in words: choice texts, the text, or "4 sur 5". */
function given(question: Quiz['questions'][number], value: unknown, lang: Lang): string[] {
  const t = textFor(quizText, lang);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return [t.noAnswer];
  if (question.type === 'text') return [String(value)];
  if (question.type === 'scale') return [fmt(t.scaleValue, { value: String(value) })];
  const ids = Array.isArray(value) ? value.map(String) : [String(value)];
  return ids.map((id) => question.choices.find((c) => c.id === id)?.text[lang] ?? id);
}

/** One line, or a list when there are several (multiple choice). */
function answerLines(label: string, lines: string[]): Html {
  return lines.length > 1
    ? html`<p class="review-label"><strong>${label}</strong></p><ul class="review-answers">${lines.map(
        (l) => html`<li>${l}</li>`,
      )}</ul>`
    : html`<p><strong>${label}</strong> ${lines[0] ?? ''}</p>`;
}

/**
 * Each question with the answer given and, for scored questions, right or wrong, the right
 * answers and the explanation. The learner's result page and the organiser's learner page.
 */
export function answersReview(quiz: Quiz, answers: Record<string, unknown>, lang: Lang, idPrefix = 'correction'): Html {
  const t = textFor(quizText, lang);
  const corrections = new Map(scoreAttempt(quiz, answers as Answers).corrections.map((c) => [c.questionId, c]));
  const items = quiz.questions.map((q, i) => {
    const c = corrections.get(q.id);
    const expected =
      c && q.type !== 'text' && q.type !== 'scale'
        ? c.expected.map((id) => q.choices.find((choice) => choice.id === id)?.text[lang] ?? id)
        : [];
    const tone = c ? (c.correct ? ' review-correct' : ' review-wrong') : '';
    const numberTag = html`<span class="question-number">${fmt(t.questionNumber, { n: i + 1 })}</span>`;
    const awarded = c ? fmt(t.awarded, { awarded: number(c.awarded, lang), points: number(c.points, lang) }) : '';
    const word = c?.correct ? t.correct : t.wrong;
    const verdict = c ? html`<p class="pill pill-${c.correct ? 'earned' : 'failed'}">${word} · ${awarded}</p>` : '';
    return html`<li class="review-item${tone}" id="${idPrefix}-${q.id}">
  <p class="review-question">${numberTag} ${q.text[lang]}</p>
  ${verdict}
  ${answerLines(t.yourAnswer, given(q, answers[q.id], lang))}
  ${c && !c.correct ? answerLines(expected.length > 1 ? t.expectedMany : t.expected, expected) : ''}
  ${c && q.explanation ? html`<p class="review-explanation">${q.explanation[lang]}</p>` : ''}
</li>`;
  });
  return html`<ol class="review">${items}</ol>`;
}

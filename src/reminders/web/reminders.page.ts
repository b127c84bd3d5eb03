import type { PastSend, Upcoming } from '../overview.service';
import type { ReminderRule } from '../reminders.schemas';
import { formatDateTime } from '../../shared/format';
import { fmt, textFor } from '../../shared/text';
import { html, type Html } from '../../web/html';
import { csrfField, notice, type PageContext, type PageView } from '../../web/layout';
import { select } from '../../web/forms';
import { urls } from '../../web/urls';
import { remindersText } from './reminders.text';
import { replaySection, type ReplayFormData } from './replay.partial';

// Code, the same in every language: the rules' file and the switch that turns a rule off.
const RULES_FILE = 'badges/reminders.json';
const OFF_SWITCH = '"enabled": false';

export interface RemindersData {
  rules: readonly ReminderRule[];
  upcoming: { total: number; rows: Upcoming[] };
  past: PastSend[];
  /** Events with a questionnaire, for the manual send. */
  events: Array<{ key: string; label: string }>;
  manualRules: Array<{ key: string; label: string }>;
  /** `event:…` / `attended:…` / `answered:…` → words, in the page's language. */
  about: (subject: string) => string;
  /** Set after a manual send (redirected here). */
  sent?: number;
  shown: number;
  replay: ReplayFormData;
}

type T = ReturnType<typeof textFor<keyof typeof remindersText.fr, string>>;

const th = (label: string) => html`<th scope="col">${label}</th>`;

export const triggerLabel = (t: T, rule: ReminderRule) =>
  rule.trigger === 'questionnaireNotAnswered' ? t.triggerQuiz : t.triggerOne;

function ruleSummary(t: T, rule: ReminderRule): Html {
  const q = rule.quietHours;
  const quiet = fmt(q.weekends ? t.ruleQuietWeekends : t.ruleQuiet, { from: q.from, to: q.to });
  const delays = fmt(t.ruleDelays, { delays: rule.delaysDays.slice(0, rule.maxSends).join(', '), max: rule.maxSends });
  const state = rule.enabled ? t.ruleOn : t.ruleOff;
  return html`<p><code>${rule.key}</code> (${state})<br>${delays}. ${quiet}.${
    rule.replay ? html`<br>${t.ruleReplay}.` : ''
  }</p>`;
}

function upcomingTable(ctx: PageContext, t: T, data: RemindersData, rule: ReminderRule, index: number): Html {
  const rows = data.upcoming.rows.filter((r) => r.ruleKey === rule.key);
  if (rows.length === 0) return html`<p class="empty">${t.upcomingEmpty}</p>`;
  const id = `legende-prevues-${index}`;
  const body = rows.map(
    (r) => html`<tr>
  <td class="nowrap" data-label="${t.colWhen}">${formatDateTime(r.at, ctx.lang)}</td>
  <td data-label="${t.colTo}">${r.email}</td>
  <td data-label="${t.colAbout}">${data.about(r.subject)}</td>
  <td data-label="${t.colSend}">${fmt(t.sendNumber, { n: r.sendIndex + 1 })}</td>
</tr>`,
  );
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table class="table table-stack"><caption id="${id}">${triggerLabel(t, rule)}</caption>
<thead><tr>${[t.colWhen, t.colTo, t.colAbout, t.colSend].map(th)}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function pastTable(ctx: PageContext, t: T, data: RemindersData): Html {
  if (data.past.length === 0) return html`<p class="empty">${t.sentEmpty}</p>`;
  const status = {
    cancelled: t.statusCancelled,
    pending: t.statusPending,
    sending: t.statusSending,
    sent: t.statusSent,
    failed: t.statusFailed,
    gone: t.statusGone,
  };
  const body = data.past.map(
    (p) => html`<tr>
  <td class="nowrap" data-label="${t.colWhen}">${formatDateTime(p.sentAt ?? p.createdAt, ctx.lang)}</td>
  <td data-label="${t.colTo}">${p.email}</td>
  <td data-label="${t.colRule}"><code>${p.ruleKey}</code></td>
  <td data-label="${t.colAbout}">${data.about(p.subject)}</td>
  <td data-label="${t.colBy}">${p.manual ? (p.createdBy ?? '') : t.byScheduler}</td>
  <td data-label="${t.colStatus}">${status[p.status]}</td>
</tr>`,
  );
  const heads = [t.colWhen, t.colTo, t.colRule, t.colAbout, t.colBy, t.colStatus].map(th);
  return html`<div class="table-scroll" role="region" aria-labelledby="legende-envoyees" tabindex="0">
<table class="table table-stack"><caption id="legende-envoyees">${t.sentCaption}</caption>
<thead><tr>${heads}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The manual send's first step: which session, which text; the preview comes next. */
export function manualForm(ctx: PageContext, t: T, data: Pick<RemindersData, 'events' | 'manualRules'>, value = {}) {
  const v = value as { event?: string; rule?: string };
  const events = data.events.map((e) => ({ value: e.key, label: e.label }));
  const rules = data.manualRules.map((r) => ({ value: r.key, label: r.label }));
  return html`<form method="post" action="${urls.organiser.remindersPreview()}" class="form">${csrfField(ctx)}
${select({ name: 'event', label: t.fieldEvent, value: v.event, options: events })}
${select({ name: 'rule', label: t.fieldRule, value: v.rule, options: rules })}
<button type="submit" class="button">${t.previewButton}</button></form>`;
}

export function remindersPage(ctx: PageContext, data: RemindersData): PageView {
  const t = textFor(remindersText, ctx.lang);
  const done =
    data.sent === undefined ? '' : notice('success', t.sentNotice, fmt(t.sentNoticeBody, { count: data.sent }));
  const rules = data.rules.map(
    (rule, i) => html`<section aria-labelledby="regle-${i}"><h3 id="regle-${i}">${triggerLabel(t, rule)}</h3>
${ruleSummary(t, rule)}${upcomingTable(ctx, t, data, rule, i)}</section>`,
  );
  const manual =
    data.manualRules.length && data.events.length
      ? html`<h2>${t.manualTitle}</h2><p>${t.manualLead}</p>${manualForm(ctx, t, data)}`
      : '';
  const shown = data.upcoming.total > data.shown ? html` ${fmt(t.upcomingShown, { shown: data.shown })}` : '';
  return {
    title: t.title,
    main: html`<h1>${t.title}</h1>${done}
<p class="lead">${t.lead}</p>
<div class="notice notice-info" role="note"><p>${t.noTracking}</p></div>
<h2>${t.upcomingTitle}</h2>
<p>${fmt(t.upcomingCount, { count: data.upcoming.total })}${shown}</p>
<p>${t.rulesHint} <code>${RULES_FILE}</code>. ${t.rulesHintOff} <code>${OFF_SWITCH}</code>.</p>
${rules}
${manual}
${replaySection(ctx, data.replay)}
<h2>${t.sentTitle}</h2>
${pastTable(ctx, t, data)}`,
  };
}

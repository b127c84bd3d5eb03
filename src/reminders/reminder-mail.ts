import type { Programme } from '../programme/load-programme';
import { escapeHtml } from '../shared/html';
import { fmt, say, type Lang } from '../shared/text';
import { mailLayout, type RenderedMail } from '../notifications/templates/layout';
import { urls } from '../web/urls';
import type { ReminderRule } from './reminders.schemas';
import { reminderMailText } from './reminders.text';
import type { Target } from './schedule';
import { unsubscribeUrls } from './unsubscribe';

export interface ReminderMail extends RenderedMail {
  headers: Record<string, string>;
}

export interface MailContext {
  programme: Pick<Programme, 'events' | 'quizzes' | 'badges'>;
  publicUrl: string;
  secret: string;
}

export interface Recipient {
  id: string;
  email: string;
  name: string | null;
  lang: Lang;
}

const absolute = (publicUrl: string, path: string) => `${publicUrl.replace(/\/$/, '')}${path}`;

/** The values a rule's text may use, for this target, in the recipient's language. */
function placeholders(ctx: MailContext, target: Target, lang: Lang, days: number) {
  const t = (key: keyof typeof reminderMailText.fr, p = {}) => say(reminderMailText, lang, key, p);
  const eventLabel = (key: string) => {
    const e = ctx.programme.events.find((x) => x.key === key);
    return e ? (e.label ?? e.title)[lang] : key;
  };
  const quizTitle = (key: string) => ctx.programme.quizzes.find((q) => q.key === key)?.title[lang] ?? key;
  if (target.type === 'quiz') {
    const link = absolute(ctx.publicUrl, urls.quiz(target.quiz));
    return { event: eventLabel(target.event), quiz: quizTitle(target.quiz), link, days };
  }
  const badges = target.badges
    .map((key) => ctx.programme.badges.find((b) => b.key === key))
    .map((b) => (b ? (lang === 'en' ? b.i18n.en.name : b.achievement.name) : ''))
    .filter(Boolean)
    .join(t('listSep'));
  if (target.kind === 'answered') {
    const link = absolute(ctx.publicUrl, urls.quiz(target.ref));
    return { badge: badges, condition: t('conditionAnswer', { quiz: quizTitle(target.ref) }), link, accessCode: '' };
  }
  const replay = ctx.programme.events.find((e) => e.key === target.ref)?.replay;
  const code = replay?.accessCode ? t('conditionReplayCode', { code: replay.accessCode }) : '';
  return {
    badge: badges,
    condition: `${t('conditionReplay', { event: eventLabel(target.ref) })}${code}`,
    link: replay?.url ?? '',
    accessCode: replay?.accessCode ?? '',
  };
}

/**
 * The exact e-mail a learner receives: the rule's own text with its values, the one-click
 * unsubscribe link (and its RFC 8058 headers), no tracking of any kind.
 */
export function renderReminder(
  ctx: MailContext,
  rule: ReminderRule,
  target: Target,
  to: Recipient,
  days = rule.delaysDays[0]!,
): ReminderMail {
  const lang = to.lang;
  const values = { name: to.name ?? to.email, ...placeholders(ctx, target, lang, days) };
  const subject = fmt(rule.subject[lang], values);
  const body = fmt(rule.body[lang], values);
  const unsubscribe = unsubscribeUrls(ctx.publicUrl, ctx.secret, to.id, rule.key);
  const footer = [
    say(reminderMailText, lang, 'unsubscribe', { url: unsubscribe.page }),
    say(reminderMailText, lang, 'notTracked'),
  ];
  const link = String(values.link ?? '');
  const paragraph = (p: string) => {
    const escaped = escapeHtml(p).replace(/\n/g, '<br>');
    return link
      ? escaped.split(escapeHtml(link)).join(`<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)
      : escaped;
  };
  const unsubscribeHtml =
    `<a href="${escapeHtml(unsubscribe.page)}">${escapeHtml(say(reminderMailText, lang, 'unsubscribeLink'))}</a>` +
    ` — ${escapeHtml(footer[1]!)}`;
  const html = mailLayout(
    lang,
    subject,
    [...body.split('\n\n').map(paragraph), unsubscribeHtml],
    link ? { label: say(reminderMailText, lang, 'action'), url: link } : undefined,
  );
  return {
    subject,
    text: `${body}\n\n-- \n${footer.join('\n')}\n`,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribe.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

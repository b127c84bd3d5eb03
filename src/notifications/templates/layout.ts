import { escapeHtml } from '../../shared/html';
import { say, type Lang } from '../../shared/text';
import { mailText } from '../notifications.text';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const buttonStyle =
  'background:#1d4ed8;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold';
const bodyStyle = 'font-family:Arial,Helvetica,sans-serif;color:#1f2937;max-width:560px;margin:auto;padding:24px';

/** The HTML part of every e-mail: one column, inline styles (mail clients ignore <style>). */
export function mailLayout(
  lang: Lang,
  title: string,
  paragraphs: string[],
  action?: { label: string; url: string },
): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join('');
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="${buttonStyle}">` +
      `${escapeHtml(action.label)}</a></p>`
    : '';
  return (
    `<!doctype html><html lang="${lang}"><body style="${bodyStyle}">` +
    `<h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}${button}` +
    `<p style="font-size:12px;color:#4b5563">${escapeHtml(say(mailText, lang, 'footer'))}</p></body></html>`
  );
}

import { escapeHtml } from '../shared/html';
import { say, type Lang } from '../shared/text';
import { mailLayout, type RenderedMail } from '../notifications/templates/layout';
import { privacyMailText } from './privacy.text';

type Key = keyof (typeof privacyMailText)['fr'];

function render(lang: Lang, keys: { subject: Key; body: Key; action: Key }, url: string, extra = ''): RenderedMail {
  const t = (key: Key, params = {}) => say(privacyMailText, lang, key, params);
  const lines = [t('hello'), t(keys.body, { credentials: extra }), t('ignore')];
  const action = t(keys.action);
  return {
    subject: t(keys.subject),
    text: `${lines.join('\n\n')}\n\n${action} : ${url}\n`,
    html: mailLayout(lang, t(keys.subject), lines.map(escapeHtml), { label: action, url }),
  };
}

export const renderEmailChange = (lang: Lang, url: string) =>
  render(lang, { subject: 'emailChangeSubject', body: 'emailChangeBody', action: 'emailChangeAction' }, url);

export const renderErasure = (lang: Lang, url: string, revoke: boolean) =>
  render(
    lang,
    { subject: 'erasureSubject', body: 'erasureBody', action: 'erasureAction' },
    url,
    say(privacyMailText, lang, revoke ? 'erasureRevoke' : 'erasureKeep'),
  );

export const privacyNoticeUrl = (publicUrl: string) => `${publicUrl}/confidentialite`;

/** The line every e-mail ends with (added by the mailer, in both languages): where the privacy notice is. */
export const privacyFooter = (publicUrl: string) => {
  const url = privacyNoticeUrl(publicUrl);
  const line = (lang: Lang) => say(privacyMailText, lang, 'privacyFooter', { url });
  return `${line('fr')}\n${line('en')}`;
};

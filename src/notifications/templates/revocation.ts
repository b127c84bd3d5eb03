import { say, type Lang } from '../../shared/text';
import { escapeHtml } from '../../shared/html';
import { type MailKey, mailText } from '../notifications.text';
import { mailLayout, type RenderedMail } from './layout';

export interface RevocationMail {
  badgeName: string;
  issuerName: string;
  reason: string;
  /** Set when this badge falls with another one it required (a meta-badge). */
  because?: string;
  pageUrl: string;
}

export function renderRevocation(lang: Lang, p: RevocationMail): RenderedMail {
  const params = { badgeName: p.badgeName, issuerName: p.issuerName, reason: p.reason, because: p.because };
  const t = (key: MailKey) => say(mailText, lang, key, params);
  const lines = [
    t('hello'),
    t('revocationBody'),
    ...(p.because ? [t('revocationBecause')] : []),
    t('revocationReason'),
    t('revocationContact'),
  ];
  const action = t('revocationAction');
  const sep = t('sep');
  return {
    subject: t('revocationSubject'),
    text: `${lines.join('\n\n')}\n\n${action}${sep}${p.pageUrl}\n`,
    html: mailLayout(lang, t('revocationTitle'), lines.map(escapeHtml), { label: action, url: p.pageUrl }),
  };
}

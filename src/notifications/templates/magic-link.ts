import { say, type Lang } from '../../shared/text';
import { type MailKey, mailText } from '../notifications.text';
import { mailLayout, type RenderedMail } from './layout';

export interface MagicLinkMail {
  url: string;
  minutes: number;
}

export function renderMagicLink(lang: Lang, params: MagicLinkMail): RenderedMail {
  const t = (key: MailKey) => say(mailText, lang, key, { minutes: params.minutes });
  const lines = [t('hello'), t('magicLinkBody'), t('magicLinkIgnore')];
  const action = t('magicLinkAction');
  return {
    subject: t('magicLinkSubject'),
    // The plain-text link reads "action : url" in both languages, as it always has.
    text: `${lines.join('\n\n')}\n\n${action} : ${params.url}\n`,
    html: mailLayout(lang, t('magicLinkTitle'), lines, { label: action, url: params.url }),
  };
}

import type { Lang } from '../../shared/errors';
import { mailLayout, type RenderedMail } from './layout';

export interface MagicLinkMail {
  url: string;
  minutes: number;
}

const texts = {
  fr: (p: MagicLinkMail) => ({
    subject: 'Votre lien de connexion à Parcours',
    title: 'Connexion à Parcours',
    lines: [
      'Bonjour,',
      `Pour vous connecter et suivre vos badges, utilisez ce lien. Il est valable ${p.minutes} minutes et ne sert qu’une fois.`,
      'Si vous n’avez rien demandé, ignorez ce message.',
    ],
    action: 'Me connecter',
  }),
  en: (p: MagicLinkMail) => ({
    subject: 'Your Parcours sign-in link',
    title: 'Sign in to Parcours',
    lines: [
      'Hello,',
      `To sign in and follow your badges, use this link. It is valid for ${p.minutes} minutes and works only once.`,
      'If you did not ask for it, ignore this message.',
    ],
    action: 'Sign in',
  }),
};

export function renderMagicLink(lang: Lang, params: MagicLinkMail): RenderedMail {
  const t = texts[lang](params);
  return {
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${t.action} : ${params.url}\n`,
    html: mailLayout(lang, t.title, t.lines, { label: t.action, url: params.url }),
  };
}

import type { Lang } from '../../shared/errors';
import { escapeHtml } from '../../shared/html';
import { mailLayout, type RenderedMail } from './layout';

export interface RevocationMail {
  badgeName: string;
  issuerName: string;
  reason: string;
  /** Set when this badge falls with another one it required (a meta-badge). */
  because?: string;
  pageUrl: string;
}

const texts = {
  fr: (p: RevocationMail) => ({
    subject: `Votre badge « ${p.badgeName} » a été révoqué`,
    title: `Badge « ${p.badgeName} » révoqué`,
    lines: [
      'Bonjour,',
      `${p.issuerName} a révoqué votre badge « ${p.badgeName} ». Il reste consultable, mais toute vérification indique désormais qu’il n’est plus valide.`,
      ...(p.because
        ? [`Ce badge reposait sur le badge « ${p.because} », révoqué lui aussi : sa règle n’est plus remplie.`]
        : []),
      `Motif : ${p.reason}`,
      'Pour toute question, répondez à l’organisateur de votre parcours.',
    ],
    action: 'Voir le badge',
  }),
  en: (p: RevocationMail) => ({
    subject: `Your “${p.badgeName}” badge was revoked`,
    title: `“${p.badgeName}” badge revoked`,
    lines: [
      'Hello,',
      `${p.issuerName} revoked your “${p.badgeName}” badge. It can still be viewed, but any verification now reports it as no longer valid.`,
      ...(p.because
        ? [`This badge required the “${p.because}” badge, which was revoked too: its rule is no longer met.`]
        : []),
      `Reason: ${p.reason}`,
      'If you have any question, contact the organiser of your pathway.',
    ],
    action: 'See the badge',
  }),
};

export function renderRevocation(lang: Lang, p: RevocationMail): RenderedMail {
  const t = texts[lang](p);
  const sep = lang === 'fr' ? ' : ' : ': ';
  return {
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${t.action}${sep}${p.pageUrl}\n`,
    html: mailLayout(lang, t.title, t.lines.map(escapeHtml), { label: t.action, url: p.pageUrl }),
  };
}

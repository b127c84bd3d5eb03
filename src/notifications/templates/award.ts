import { say, type Lang } from '../../shared/text';
import { type MailKey, mailText } from '../notifications.text';
import { escapeHtml } from '../../shared/html';
import { mailLayout, type RenderedMail } from './layout';

export interface AwardMail {
  badgeName: string;
  issuerName: string;
  imageUrl: string;
  /** Public page (HTML in a browser) and the downloads of the same credential. */
  links: { page: string; json: string; jwt: string; png: string; svg: string };
  linkedInUrl: string;
}

const fileLabel = { json: 'awardJson', jwt: 'awardJwt', png: 'awardPng', svg: 'awardSvg' } as const;

const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;

/** The learner's award e-mail: the badge, its public page, every download, LinkedIn. */
export function renderAward(lang: Lang, p: AwardMail): RenderedMail {
  const params = { badgeName: p.badgeName, issuerName: p.issuerName };
  const t = (key: MailKey) => say(mailText, lang, key, params);
  const sep = t('sep');
  const files = (['json', 'jwt', 'png', 'svg'] as const).map((k) => ({ label: t(fileLabel[k]), url: p.links[k] }));
  const text = [
    t('awardIntro'),
    `${t('awardAction')}${sep}${p.links.page}`,
    t('awardDownloads'),
    files.map((f) => `- ${f.label}${sep}${f.url}`).join('\n'),
    `${t('awardLinkedIn')}${sep}${p.linkedInUrl}`,
  ].join('\n\n');
  const html = mailLayout(
    lang,
    t('awardTitle'),
    [
      `<img src="${escapeHtml(p.imageUrl)}" width="128" height="128" alt="${escapeHtml(t('awardAlt'))}">`,
      ...t('awardIntro').split('\n\n').map(escapeHtml),
      `${escapeHtml(t('awardDownloads'))}<br>${files.map((f) => link(f.url, f.label)).join('<br>')}`,
      link(p.linkedInUrl, t('awardLinkedIn')),
    ],
    { label: t('awardAction'), url: p.links.page },
  );
  return { subject: t('awardSubject'), text: `${text}\n`, html };
}

/** LinkedIn's "add a certification" URL (its documented add-to-profile parameters). */
export function linkedInAddUrl(p: {
  name: string;
  organizationName: string;
  issued: Date;
  certUrl: string;
  certId: string;
}): string {
  const query = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: p.name,
    organizationName: p.organizationName,
    issueYear: String(p.issued.getUTCFullYear()),
    issueMonth: String(p.issued.getUTCMonth() + 1),
    certUrl: p.certUrl,
    certId: p.certId,
  });
  return `https://www.linkedin.com/profile/add?${query}`;
}

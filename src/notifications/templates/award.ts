import type { Lang } from '../../shared/errors';
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

const texts = {
  fr: (p: AwardMail) => ({
    subject: `Votre badge « ${p.badgeName} »`,
    title: `Félicitations : vous avez obtenu le badge « ${p.badgeName} »`,
    intro: `Bonjour,\n\n${p.issuerName} vous délivre le badge numérique « ${p.badgeName} ». C’est un Open Badge 3.0 signé : tout le monde peut vérifier qu’il est authentique, sans nous demander.`,
    downloads: 'Téléchargez-le pour le garder ou le déposer ailleurs :',
    labels: {
      json: 'le badge signé (JSON)',
      jwt: 'le badge signé (JWT)',
      png: 'l’image avec le badge intégré (PNG)',
      svg: 'l’image avec le badge intégré (SVG)',
    },
    linkedIn: 'Ajouter à mon profil LinkedIn',
    action: 'Voir mon badge',
    alt: `Badge « ${p.badgeName} »`,
  }),
  en: (p: AwardMail) => ({
    subject: `Your “${p.badgeName}” badge`,
    title: `Congratulations: you earned the “${p.badgeName}” badge`,
    intro: `Hello,\n\n${p.issuerName} awards you the “${p.badgeName}” digital badge. It is a signed Open Badge 3.0: anyone can check that it is genuine without asking us.`,
    downloads: 'Download it to keep it or to put it elsewhere:',
    labels: {
      json: 'the signed badge (JSON)',
      jwt: 'the signed badge (JWT)',
      png: 'the image with the badge baked in (PNG)',
      svg: 'the image with the badge baked in (SVG)',
    },
    linkedIn: 'Add to my LinkedIn profile',
    action: 'See my badge',
    alt: `“${p.badgeName}” badge`,
  }),
};

const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;

/** The learner's award e-mail: the badge, its public page, every download, LinkedIn. */
export function renderAward(lang: Lang, p: AwardMail): RenderedMail {
  const t = texts[lang](p);
  const sep = lang === 'fr' ? ' : ' : ': ';
  const files = (['json', 'jwt', 'png', 'svg'] as const).map((k) => ({ label: t.labels[k], url: p.links[k] }));
  const text = [
    t.intro,
    `${t.action}${sep}${p.links.page}`,
    t.downloads,
    files.map((f) => `- ${f.label}${sep}${f.url}`).join('\n'),
    `${t.linkedIn}${sep}${p.linkedInUrl}`,
  ].join('\n\n');
  const html = mailLayout(
    lang,
    t.title,
    [
      `<img src="${escapeHtml(p.imageUrl)}" width="128" height="128" alt="${escapeHtml(t.alt)}">`,
      ...t.intro.split('\n\n').map(escapeHtml),
      `${escapeHtml(t.downloads)}<br>${files.map((f) => link(f.url, f.label)).join('<br>')}`,
      link(p.linkedInUrl, t.linkedIn),
    ],
    { label: t.action, url: p.links.page },
  );
  return { subject: t.subject, text: `${text}\n`, html };
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

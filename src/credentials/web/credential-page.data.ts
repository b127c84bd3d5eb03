import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Programme } from '../../programme/load-programme';
import { AppError, type Lang } from '../../shared/errors';
import { urls } from '../../web/urls';
import type { Credentials } from '../credentials.service';
import { achievementFor } from '../../programme/achievement';
import { credentialView } from '../learner-credentials.service';
import { shownHolderName } from '../../ob3/build-credential';
import { verificationView, type VerificationView } from './credential.partials';
import { endorsementCards, type EndorsementCard } from '../../endorsements/web/endorsement.partials';

export interface EvidenceView {
  name: string;
  /** YYYY-MM-DD, the session's calendar date. */
  date: string | null;
  minutes: number | null;
  replay: boolean;
}

export interface PublicCredential {
  id: string;
  badgeKey: string;
  name: string;
  description: string;
  criteria: string;
  tags: string[];
  /** Tags are written once, in the badge file's language. */
  tagsLang: string;
  imageCaption: string | null;
  issuer: { name: string; url: string | null; description: string | null };
  issuedAt: Date;
  evidence: EvidenceView[];
  results: Array<{ name: string; value: string }>;
  /** Absolute, on the public URL: what a shared link and its preview point at. */
  pageUrl: string;
  ogImage: string;
  verification: VerificationView;
  /** The labélisations embedded in the badge, each as verified (the endorsements area's cards). */
  endorsements?: EndorsementCard[];
  /** « Décerné à … »: only when the holder chose to show their name (an unhashed name identifier). */
  holderName?: string | null;
}

type Localized = { fr: string; en: string };
interface SignedCredential {
  validFrom: string;
  issuer: { name?: string; url?: string; description?: string };
  credentialSubject: {
    achievement: {
      name?: string;
      description?: string;
      criteria?: { narrative?: string };
      tag?: string[];
      image?: { caption?: string };
      resultDescription?: Array<{ id: string; name: string }>;
    };
    result?: Array<{ resultDescription: string; value: string }>;
  };
  evidence?: Array<{ name: string; description?: string; narrative?: string }>;
}

/** A label of the credential's language, shown in the reader's when the programme knows it. */
function translated(text: string, known: readonly Localized[], lang: Lang): string {
  return known.find((k) => k.fr === text || k.en === text)?.[lang] ?? text;
}

/**
 * The public page's data: only what the signed credential states (no e-mail, no name), its texts
 * in the reader's language where the programme has them, and a live verification by the same
 * service as POST /api/verify. CREDENTIAL_NOT_FOUND (a 404 page) for an unknown id.
 */
export interface PublicCredentialDeps {
  db: Db;
  programme: Programme;
  config: Pick<Config, 'publicUrl'>;
  credentials: Pick<Credentials, 'verify'>;
}

export async function loadPublicCredential(
  services: PublicCredentialDeps,
  { id, lang }: { id: string; lang: Lang },
): Promise<PublicCredential> {
  const { db, programme, config } = services;
  const view = /^[0-9a-f-]{36}$/i.test(id)
    ? await credentialView(db, programme, config.publicUrl, id.toLowerCase(), lang)
    : undefined;
  if (!view) throw new AppError('CREDENTIAL_NOT_FOUND', 404, { id });
  const signed = view.credential as unknown as SignedCredential;
  const achievement = signed.credentialSubject.achievement;
  const badge = programme.badges.find((b) => b.key === view.badgeKey);
  const local = badge ? achievementFor(badge, config.publicUrl, lang) : undefined;
  const issuerNames: Localized[] = [
    { fr: programme.issuer.name, en: programme.issuer.i18n?.en?.name ?? programme.issuer.name },
  ];
  const issuerDescriptions: Localized[] = [
    {
      fr: programme.issuer.description ?? '',
      en: programme.issuer.i18n?.en?.description ?? programme.issuer.description ?? '',
    },
  ];
  const eventTitles = programme.events.map((e) => e.title);
  const quizTitles = new Map(programme.quizzes.map((q) => [q.key, q.title[lang]]));
  const verified = await services.credentials.verify(db, view.credential);
  const verification = verificationView(verified, lang);
  return {
    id: view.id,
    badgeKey: view.badgeKey,
    name: local?.name ?? achievement.name ?? view.name,
    description: local?.description ?? achievement.description ?? '',
    criteria: local?.criteria.narrative ?? achievement.criteria?.narrative ?? '',
    tags: local?.tag ?? achievement.tag ?? [],
    tagsLang: badge?.achievement.inLanguage ?? 'fr',
    imageCaption: local?.image.caption ?? achievement.image?.caption ?? null,
    issuer: {
      name: translated(signed.issuer.name ?? '', issuerNames, lang),
      url: signed.issuer.url ?? null,
      description: signed.issuer.description ? translated(signed.issuer.description, issuerDescriptions, lang) : null,
    },
    issuedAt: new Date(signed.validFrom),
    evidence: (signed.evidence ?? []).map((e) => {
      // Evidence has no date or duration term: the issuer writes "YYYY-MM-DD · 95 min".
      const m = /^(\d{4}-\d{2}-\d{2})(?:\s*·\s*(\d+(?:\.\d+)?)\s*min)?$/.exec(e.description ?? '');
      return {
        name: translated(e.name, eventTitles, lang),
        date: m?.[1] ?? null,
        minutes: m?.[2] ? Number(m[2]) : null,
        replay: /replay/i.test(e.narrative ?? ''),
      };
    }),
    results: (signed.credentialSubject.result ?? []).map((r) => {
      const quizKey = r.resultDescription.split('#').pop() ?? '';
      const described = achievement.resultDescription?.find((d) => d.id === r.resultDescription)?.name;
      return { name: quizTitles.get(quizKey) ?? described ?? quizKey, value: r.value };
    }),
    pageUrl: view.links.page,
    ogImage: `${config.publicUrl.replace(/\/+$/, '')}${urls.achievementImage(view.badgeKey, 'png')}`,
    verification,
    endorsements: endorsementCards(verified, lang, config.publicUrl),
    holderName: shownHolderName(signed),
  };
}

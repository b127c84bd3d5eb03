import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Programme } from '../../programme/load-programme';
import type { Lang } from '../../shared/errors';
import { learnerCredentials } from '../learner-credentials.service';
import type { CredentialSummary } from '../credentials.schemas';
import { linkedInAddUrl } from '../../notifications/templates/award';
import { qrDataUri } from './qr';
import { myEndorsementCards, type MyEndorsementsDeps } from '../../endorsements/web/my-endorsements.data';
import type { EndorsementCard } from '../../endorsements/web/endorsement.partials';

export type { CredentialSummary };

export interface CredentialCard extends CredentialSummary {
  /** Shared links are absolute, on the public URL (the page a QR code or LinkedIn opens). */
  linkedInUrl: string;
  qr: string;
  /** The labélisations it carries (the endorsements area's cards). */
  endorsements?: EndorsementCard[];
}

export function issuerName(programme: Programme, lang: Lang): string {
  const { issuer } = programme;
  return lang === 'en' ? (issuer.i18n?.en?.name ?? issuer.name) : issuer.name;
}

/** "Mes badges": the learner's credentials (as GET /api/me/credentials), with LinkedIn and QR. */
export interface CredentialCardsDeps extends MyEndorsementsDeps {
  db: Db;
  programme: Programme;
  config: Pick<Config, 'publicUrl'>;
}

export async function loadCredentialCards(
  services: CredentialCardsDeps,
  { learnerId, lang }: { learnerId: string; lang: Lang },
): Promise<CredentialCard[]> {
  const { db, programme, config } = services;
  const credentials = await learnerCredentials(db, programme, config.publicUrl, learnerId, lang);
  const organizationName = issuerName(programme, lang);
  return Promise.all(
    credentials.map(async (c) => ({
      ...c,
      linkedInUrl: linkedInAddUrl({
        name: c.name,
        organizationName,
        issued: new Date(c.issuedAt),
        certUrl: c.links.page,
        certId: c.id,
      }),
      qr: await qrDataUri(c.links.page),
      endorsements: await myEndorsementCards(services, { credentialId: c.id, lang }),
    })),
  );
}

import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Lang } from '../../shared/errors';
import type { Programme } from '../../programme/load-programme';
import { say } from '../../shared/text';
import { endorsementsOf } from '../../ob3/endorsement';
import { endorsementChecks } from '../../ob3/endorsement.text';
import { credentialView } from '../../credentials/learner-credentials.service';
import type { Endorsements } from '../endorsements.facade';
import type { EndorsementCard } from './endorsement.partials';

/** What a page reads of an embedded endorsement (signed JSON: every field may be missing). */
interface Embedded {
  id?: string;
  validUntil?: string;
  issuer?: { name?: string; image?: { id?: string } };
  credentialSubject?: { endorsementComment?: string };
}

export interface MyEndorsementsDeps {
  db: Db;
  programme: Programme;
  config: Pick<Config, 'publicUrl'>;
  endorsements: Pick<Endorsements, 'states'>;
}

/**
 * « Mes badges »: the labélisations a credential carries, with their state as this platform
 * knows it now (withdrawn, expired), without re-verifying every badge on each visit.
 */
export async function myEndorsementCards(
  services: MyEndorsementsDeps,
  { credentialId, lang }: { credentialId: string; lang: Lang },
): Promise<EndorsementCard[]> {
  const { db, programme, config } = services;
  const view = await credentialView(db, programme, config.publicUrl, credentialId, lang);
  const embedded = endorsementsOf(view?.achievement) as Embedded[];
  if (embedded.length === 0) return [];
  const states = await services.endorsements.states(
    db,
    embedded.map((e) => String(e.id)),
  );
  const base = config.publicUrl.replace(/\/+$/, '');
  return embedded.map((e) => {
    const state = states.get(String(e.id));
    const name = String(e.issuer?.name ?? '?');
    const params = { name, validUntil: e.validUntil };
    const code =
      state === 'active'
        ? 'ENDORSEMENT_OK'
        : state === 'withdrawn'
          ? 'ENDORSEMENT_WITHDRAWN'
          : state === 'expired'
            ? 'ENDORSEMENT_EXPIRED'
            : 'ENDORSEMENT_UNVERIFIABLE';
    const image = String(e.issuer?.image?.id ?? '');
    return {
      name,
      ...(image.startsWith(`${base}/`) ? { logo: image.slice(base.length) } : {}),
      ...(e.credentialSubject?.endorsementComment ? { comment: String(e.credentialSubject.endorsementComment) } : {}),
      ...(e.validUntil ? { validUntil: new Date(e.validUntil) } : {}),
      state: state === 'active' ? 'valid' : state === 'withdrawn' ? 'withdrawn' : state ? 'invalid' : 'unknown',
      message: say(endorsementChecks, lang, code, { ...params, reason: '—' }),
    };
  });
}

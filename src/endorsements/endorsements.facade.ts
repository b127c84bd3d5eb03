import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Lang } from '../shared/errors';
import type { Programme } from '../programme/load-programme';
import { badgeName } from '../badges/programme-context';
import type { EndorsementCredential } from '../ob3/endorsement';
import { endorserWords, loadEndorsers, type Endorser } from './endorsers';
import {
  bootstrapEndorsers,
  endorseHosted,
  endorsementUrl,
  requestOffline,
  withdrawEndorsement,
  type EndorseInput,
  type EndorsementRequest,
  type EndorsementsContext,
  type Who,
} from './endorsements.service';
import { importSigned, type SignedEndorsements } from './endorsement-import.service';
import { endorsementsByBadge, endorsementsDocument, publishedEndorsement } from './endorsement-published';
import { findList, listEndorsements } from './endorsements.store';

export type EndorsementState = 'requested' | 'active' | 'expired' | 'withdrawn' | 'withdrawal-unsigned';

export interface EndorsementSummary {
  id: string;
  url: string;
  endorser: string;
  endorserName: string;
  mode: 'hosted' | 'offline';
  badgeKey: string;
  badgeName: string;
  state: EndorsementState;
  validFrom: string;
  validUntil: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** The endorsements area as buildServices() builds it once (`services.endorsements`). */
export interface Endorsements {
  endorsers: Endorser[];
  bootstrap(db: Db): Promise<void>;
  endorse(db: Db, actor: Who, input: EndorseInput): Promise<EndorsementCredential>;
  request(
    db: Db,
    actor: Who,
    input: EndorseInput | { endorser: string; statusListOnly: true },
  ): Promise<EndorsementRequest>;
  importSigned(db: Db, actor: Who, bundle: SignedEndorsements): ReturnType<typeof importSigned>;
  withdraw(db: Db, actor: Who, input: { id: string; reason: string }): ReturnType<typeof withdrawEndorsement>;
  list(db: Db, lang: Lang): Promise<EndorsementSummary[]>;
  /** Signed, not withdrawn, valid now: what credentials issued now embed, by badge key. */
  embedded(db: Db): Promise<Map<string, EndorsementCredential[]>>;
  /** The same when this instance read it less than 5 s ago, else undefined (a read without a promise). */
  embeddedNow(db: Db): Map<string, EndorsementCredential[]> | undefined;
  /** A signed endorsement's files (JSON as signed, VC-JWT). */
  files(db: Db, id: string): Promise<{ json: string; jwt: string | null } | undefined>;
  /** Our own endorsements' state now, by endorsement URL (absent: not one of ours). */
  states(db: Db, urls: string[]): Promise<Map<string, 'active' | 'expired' | 'withdrawn'>>;
  /** Our endorsers' public documents by path (DID documents, JWKs, status lists, endorsements). */
  document(db: Db, path: string): Promise<unknown>;
}

const EMBEDDED_TTL_MS = 5_000;

export async function buildEndorsementsService(options: {
  config: Pick<Config, 'publicUrl' | 'keySecret' | 'paths'>;
  programme: Programme;
  now?: () => Date;
}): Promise<Endorsements> {
  const endorsers = await loadEndorsers(options.config.paths.badgesDir);
  const ctx: EndorsementsContext = { ...options, endorsers };
  const now = () => options.now?.() ?? new Date();
  // Read on every Achievement request and issuance: kept a few seconds per instance, forgotten at once
  // when this instance changes an endorsement (another instance's change shows within the TTL).
  let recent: { db: Db; at: number; byBadge: Map<string, EndorsementCredential[]> } | undefined;
  const changed = async <T>(work: Promise<T>) => {
    try {
      return await work;
    } finally {
      recent = undefined;
    }
  };
  return {
    endorsers,
    bootstrap: (db) => bootstrapEndorsers(db, ctx),
    endorse: (db, actor, input) => changed(endorseHosted(db, ctx, actor, input)),
    request: (db, actor, input) => requestOffline(db, ctx, actor, input),
    importSigned: (db, actor, bundle) => changed(importSigned(db, ctx, actor, bundle)),
    withdraw: (db, actor, input) => changed(withdrawEndorsement(db, ctx, actor, input)),
    embeddedNow(db) {
      const fresh = recent && recent.db === db && now().getTime() - recent.at < EMBEDDED_TTL_MS;
      return fresh ? recent!.byBadge : undefined;
    },
    async embedded(db) {
      const at = now();
      if (!recent || recent.db !== db || at.getTime() - recent.at >= EMBEDDED_TTL_MS) {
        recent = { db, at: at.getTime(), byBadge: await endorsementsByBadge(db, at) };
      }
      return recent.byBadge;
    },
    document: (db, path) => endorsementsDocument(db, ctx, path),
    async states(db, urls) {
      const states = new Map<string, 'active' | 'expired' | 'withdrawn'>();
      for (const url of urls.slice(0, 10)) {
        const id = /\/endorsements\/([0-9a-f-]{36})$/.exec(url)?.[1];
        const row =
          id && url === endorsementUrl(options.config.publicUrl, id) ? await publishedEndorsement(db, id) : undefined;
        if (row) states.set(url, row.withdrawnAt ? 'withdrawn' : row.validUntil <= now() ? 'expired' : 'active');
      }
      return states;
    },
    async files(db, id) {
      const row = await publishedEndorsement(db, id);
      return row ? { json: row.json, jwt: row.jwt } : undefined;
    },
    async list(db, lang) {
      const rows = await listEndorsements(db);
      const lists = new Map<number, Awaited<ReturnType<typeof findList>>>();
      const at = now();
      const summaries: EndorsementSummary[] = [];
      for (const row of rows) {
        if (!lists.has(row.statusListId)) lists.set(row.statusListId, await findList(db, row.statusListId));
        const list = lists.get(row.statusListId);
        const endorser = endorsers.find((e) => e.key === row.endorser);
        const badge = options.programme.badges.find((b) => b.key === row.badgeKey);
        const state: EndorsementState = row.withdrawnAt
          ? list?.signedList === list?.encodedList || row.state === 'requested'
            ? 'withdrawn'
            : 'withdrawal-unsigned'
          : row.state === 'requested'
            ? 'requested'
            : row.validUntil <= at
              ? 'expired'
              : 'active';
        summaries.push({
          id: row.id,
          url: endorsementUrl(options.config.publicUrl, row.id),
          endorser: row.endorser,
          endorserName: endorser ? endorserWords(endorser, lang).name : row.endorser,
          mode: row.mode,
          badgeKey: row.badgeKey,
          badgeName: badge ? badgeName(badge, lang) : row.badgeKey,
          state,
          validFrom: row.validFrom.toISOString(),
          validUntil: row.validUntil.toISOString(),
          withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
          withdrawalReason: row.withdrawalReason,
        });
      }
      return summaries;
    },
  };
}

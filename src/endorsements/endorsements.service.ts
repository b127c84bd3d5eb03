import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import type { Programme } from '../programme/load-programme';
import { achievementId } from '../programme/achievement';
import { buildEndorsement, type EndorsementCredential } from '../ob3/endorsement';
import { createDocumentLoader } from '../ob3/document-loader';
import { signDataIntegrity } from '../ob3/sign-data-integrity';
import { signJwt } from '../ob3/sign-jwt';
import { endorserProfile, type Endorser } from './endorsers';
import { endorserIdentity, ensureHostedKeys, type EndorserIdentity } from './endorser-identity';
import { allocateEndorsementEntry, setWithdrawn, signHostedList, unsignedList } from './endorsement-status';
import { findEndorsement, insertEndorsement, listOfEndorser, updateEndorsement } from './endorsements.store';
import { recordAudit } from '../audit/audit.service';

export interface EndorsementsContext {
  config: Pick<Config, 'publicUrl' | 'keySecret'>;
  programme: Programme;
  endorsers: Endorser[];
  now?: () => Date;
}

export interface EndorseInput {
  endorser: string;
  achievement: string;
  /** End of the labélisation; default: the endorser file's `validityDays` from now. */
  validUntil?: string;
}

/** What `endorse request` writes and `endorse sign` reads: the credentials to sign, and how. */
export interface EndorsementRequest {
  format: 'parcours-endorsement-request/v1';
  endorser: string;
  issuer: string;
  jwtKid?: string;
  credentials: Array<Record<string, unknown>>;
}

/** Who acts (audit trail); null: the CLI, run by whoever holds the server. */
export type Who = Pick<Actor, 'id' | 'email'> | null;

const signingLoader = createDocumentLoader();
const DAY_MS = 86_400_000;

export const endorsementUrl = (publicUrl: string, id: string) => `${publicUrl.replace(/\/+$/, '')}/endorsements/${id}`;

export function findEndorser(ctx: EndorsementsContext, key: string): Endorser {
  const endorser = ctx.endorsers.find((e) => e.key === key);
  if (!endorser) throw new AppError('ENDORSER_NOT_FOUND', 404, { key });
  return endorser;
}

export const identityOf = (db: Db, ctx: EndorsementsContext, endorser: Endorser, withPrivate = false) =>
  endorserIdentity(db, endorser, { publicUrl: ctx.config.publicUrl, secret: ctx.config.keySecret, withPrivate });

export async function bootstrapEndorsers(db: Db, ctx: EndorsementsContext) {
  for (const endorser of ctx.endorsers) await ensureHostedKeys(db, endorser, ctx.config.keySecret);
}

function validity(endorser: Endorser, input: EndorseInput, now: Date) {
  const until = input.validUntil
    ? new Date(input.validUntil)
    : new Date(now.getTime() + endorser.validityDays * DAY_MS);
  if (Number.isNaN(until.getTime()) || until <= now || until.getTime() - now.getTime() > 3660 * DAY_MS)
    throw new AppError('ENDORSEMENT_VALIDITY_INVALID', 400, { field: 'validUntil' });
  return until;
}

/** Builds the unsigned endorsement of one Achievement and stores it with its status entry. */
async function prepare(
  tx: Db,
  ctx: EndorsementsContext,
  identity: EndorserIdentity,
  actor: Who,
  input: EndorseInput,
  now: Date,
) {
  const badge = ctx.programme.badges.find((b) => b.key === input.achievement);
  if (!badge) throw new AppError('BADGE_NOT_FOUND', 404, { key: input.achievement });
  const { endorser } = identity;
  const validUntil = validity(endorser, input, now);
  const entry = await allocateEndorsementEntry(tx, identity);
  const id = randomUUID();
  const { publicUrl } = ctx.config;
  const unsigned = buildEndorsement({
    id: endorsementUrl(publicUrl, id),
    name: endorser.endorsementName ?? `Labélisation — ${endorser.name}`,
    issuer: endorserProfile(endorser, identity.issuerId, publicUrl),
    subjectId: achievementId(badge.key, publicUrl),
    comment: endorser.comment,
    validFrom: now,
    validUntil,
    statusEntry: { listUrl: entry.listUrl, index: entry.index },
  });
  const row = {
    id,
    endorser: endorser.key,
    badgeKey: badge.key,
    issuerId: identity.issuerId,
    mode: endorser.mode,
    validFrom: new Date(unsigned.validFrom),
    validUntil: new Date(unsigned.validUntil!),
    statusListId: entry.row.id,
    statusIndex: entry.index,
    createdBy: actor?.email ?? null,
  };
  return { unsigned, row, list: entry.row };
}

/** Hosted mode: the platform signs with the endorser's own keys (DI eddsa-rdfc-2022, then the VC-JWT). */
export async function endorseHosted(
  db: Db,
  ctx: EndorsementsContext,
  actor: Who,
  input: EndorseInput,
): Promise<EndorsementCredential> {
  const endorser = findEndorser(ctx, input.endorser);
  if (endorser.mode !== 'hosted') throw new AppError('ENDORSER_NOT_HOSTED', 409, { key: endorser.key });
  const now = ctx.now?.() ?? new Date();
  return db.transaction(async (tx) => {
    const identity = await identityOf(tx, ctx, endorser, true);
    const { unsigned, row, list } = await prepare(tx, ctx, identity, actor, input, now);
    const signing = identity.signing!;
    const signed = await signDataIntegrity(unsigned, {
      key: signing.ed25519,
      documentLoader: signingLoader,
      date: now,
    });
    const jwt = signJwt(signed as never, { privateJwk: signing.p256.privateJwk!, kid: identity.jwtKid! });
    await insertEndorsement(tx, { ...row, state: 'active', json: JSON.stringify(signed), jwt });
    if (list.credential === '' || list.signedList !== list.encodedList) await signHostedList(tx, identity, list, now);
    await audit(tx, actor, 'endorsement.sign', row.id, { endorser: endorser.key, badge: row.badgeKey });
    return signed;
  });
}

/**
 * Offline mode, step 1 (`endorse request`): the unsigned endorsement, kept as 'requested', and the
 * endorser's status list when its signed copy is missing or behind. Nothing is signed here.
 */
export async function requestOffline(
  db: Db,
  ctx: EndorsementsContext,
  actor: Who,
  input: EndorseInput | { endorser: string; statusListOnly: true },
): Promise<EndorsementRequest> {
  const endorser = findEndorser(ctx, input.endorser);
  if (endorser.mode !== 'offline') throw new AppError('ENDORSER_NOT_OFFLINE', 409, { key: endorser.key });
  const now = ctx.now?.() ?? new Date();
  return db.transaction(async (tx) => {
    const identity = await identityOf(tx, ctx, endorser);
    const credentials: Array<Record<string, unknown>> = [];
    let list = await listOfEndorser(tx, endorser.key, identity.issuerId, true);
    if (!('statusListOnly' in input)) {
      const prepared = await prepare(tx, ctx, identity, actor, input, now);
      await insertEndorsement(tx, { ...prepared.row, state: 'requested', json: JSON.stringify(prepared.unsigned) });
      await audit(tx, actor, 'endorsement.request', prepared.row.id, {
        endorser: endorser.key,
        badge: input.achievement,
      });
      credentials.push(prepared.unsigned);
      list = prepared.list;
    }
    if (list && (list.credential === '' || list.signedList !== list.encodedList))
      credentials.push(unsignedList(identity, list, now) as unknown as Record<string, unknown>);
    return {
      format: 'parcours-endorsement-request/v1',
      endorser: endorser.key,
      issuer: identity.issuerId,
      ...(identity.jwtKid ? { jwtKid: identity.jwtKid } : {}),
      credentials,
    };
  });
}

export const audit = (tx: Db, actor: Who, action: string, id: string | null, details: Record<string, unknown>) =>
  recordAudit(tx, actor, { action, targetType: 'endorsement', targetId: id, details });

/** POST /api/endorsements/:id/revoke: the endorser's status bit is set; new credentials stop embedding it. */
export async function withdrawEndorsement(
  db: Db,
  ctx: EndorsementsContext,
  actor: Who,
  input: { id: string; reason: string },
) {
  const now = ctx.now?.() ?? new Date();
  return db.transaction(async (tx) => {
    const row = await findEndorsement(tx, input.id, true);
    if (!row) throw new AppError('ENDORSEMENT_NOT_FOUND', 404, { id: input.id });
    if (row.withdrawnAt) throw new AppError('ENDORSEMENT_ALREADY_WITHDRAWN', 409, { id: input.id });
    const identity = await identityOf(tx, ctx, findEndorser(ctx, row.endorser), row.mode === 'hosted');
    await updateEndorsement(tx, row.id, {
      withdrawnAt: now,
      withdrawalReason: input.reason,
      withdrawnBy: actor?.email ?? 'cli',
    });
    await setWithdrawn(tx, identity, row.statusListId, row.statusIndex, now);
    await audit(tx, actor, 'endorsement.withdraw', row.id, { endorser: row.endorser, reason: input.reason });
    return { id: row.id, withdrawnAt: now.toISOString(), pendingSignature: row.mode === 'offline' };
  });
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import type { IssueDeps } from '../credentials/issue.service';
import {
  copyableCredential,
  copyableCredentials,
  issueHolderCopy,
  type HolderCopy,
} from '../credentials/holder-copies.service';
import { verifyDidAuth } from './didauth';
import { deleteExchangesBefore, insertExchange, lockExchange, updateExchange, type ExchangeRow } from './wallet.store';

/** What the wallet use-cases read (`services` fits). */
export interface WalletDeps {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'auth'>;
  credentials: { deps: IssueDeps };
  now?: () => Date;
}

export const EXCHANGE_TTL_MS = 10 * 60 * 1000;
const KEEP_MS = 24 * 60 * 60 * 1000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
export const origin = (deps: WalletDeps) => deps.config.publicUrl.replace(/\/+$/, '');
const nowOf = (deps: WalletDeps) => deps.now?.() ?? new Date();

export interface WalletLinks {
  id: string;
  expiresAt: string;
  credentialId: string | null;
  /** POST here: the DIDAuth VP (LCW), or `{}` then `{ verifiablePresentation }` (VC-API). */
  exchangeUrl: string;
  lcw: string;
  learnCard: string;
  /** The VC-API form of the request, for wallets that start from `?request=`. */
  vcapi: string;
  /** OID4VCI: the credential offer by reference. */
  offer: string;
}

function linksOf(deps: WalletDeps, row: ExchangeRow, code: string): WalletLinks {
  const base = origin(deps);
  const exchangeUrl = `${base}/wallet/exchanges/${row.id}`;
  const query = new URLSearchParams({
    issuer: new URL(base).host,
    auth_type: 'bearer',
    challenge: row.challenge,
    vc_request_url: exchangeUrl,
  });
  const offerUrl = `${base}/wallet/offers/${code}`;
  const request = JSON.stringify({ credentialRequestOrigin: base, protocols: { vcapi: exchangeUrl } });
  return {
    id: row.id,
    expiresAt: row.expiresAt.toISOString(),
    credentialId: row.credentialId,
    exchangeUrl,
    lcw: `https://lcw.app/request.html?${query}`,
    learnCard: `https://learncard.app/request?${query}`,
    vcapi: `https://lcw.app/request.html?${new URLSearchParams({ request })}`,
    offer: `openid-credential-offer://?${new URLSearchParams({ credential_offer_uri: offerUrl })}`,
  };
}

/**
 * « Ajouter à mon portefeuille »: a single-use link, valid 10 minutes, bound to the learner and to
 * one of their valid credentials (or, without `credentialId`, to all of them).
 */
export async function createExchange(
  deps: WalletDeps,
  actor: Pick<Actor, 'id'>,
  input: { credentialId?: string },
): Promise<WalletLinks> {
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    if (input.credentialId) {
      if (!(await copyableCredential(tx, actor.id, input.credentialId))) {
        throw new AppError('WALLET_CREDENTIAL_NOT_YOURS', 403, { id: input.credentialId });
      }
    } else if ((await copyableCredentials(tx, actor.id)).length === 0) {
      throw new AppError('WALLET_NOTHING_TO_ADD', 409);
    }
    await deleteExchangesBefore(tx, new Date(now.getTime() - KEEP_MS));
    const code = randomBytes(32).toString('base64url');
    const row: ExchangeRow = {
      id: randomUUID(),
      learnerId: actor.id,
      credentialId: input.credentialId ?? null,
      challenge: randomUUID(),
      preAuthorizedCodeHash: sha256(code),
      accessTokenHash: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EXCHANGE_TTL_MS),
      usedAt: null,
      holderDid: null,
    };
    await insertExchange(tx, row);
    return linksOf(deps, row, code);
  });
}

/** A link still open: not used, not expired. */
export function assertOpen(deps: WalletDeps, row: ExchangeRow | undefined): asserts row is ExchangeRow {
  if (!row) throw new AppError('WALLET_EXCHANGE_NOT_FOUND', 404);
  if (row.usedAt) throw new AppError('WALLET_EXCHANGE_USED', 409);
  if (row.expiresAt.getTime() <= nowOf(deps).getTime()) throw new AppError('WALLET_EXCHANGE_EXPIRED', 410);
}

/** The copies the link promised, bound to `holderDid`; the link is spent. In the caller's transaction. */
export async function issueForExchange(
  tx: Db,
  deps: WalletDeps,
  row: ExchangeRow,
  holderDid: string,
): Promise<HolderCopy[]> {
  let originals: Awaited<ReturnType<typeof copyableCredentials>>;
  if (row.credentialId) {
    const one = await copyableCredential(tx, row.learnerId, row.credentialId);
    if (!one) throw new AppError('WALLET_EXCHANGE_LEARNER_CHANGED', 409);
    originals = [one];
  } else originals = await copyableCredentials(tx, row.learnerId);
  if (originals.length === 0) throw new AppError('WALLET_NOTHING_TO_ADD', 409);
  const copies: HolderCopy[] = [];
  for (const original of originals) copies.push(await issueHolderCopy(tx, deps.credentials.deps, original, holderDid));
  await updateExchange(tx, row.id, { usedAt: nowOf(deps), holderDid });
  return copies;
}

const isEmpty = (body: unknown) =>
  body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);

/** VC-API: what the exchange asks of a wallet that POSTs `{}`. */
function presentationRequest(deps: WalletDeps, row: ExchangeRow) {
  return {
    verifiablePresentationRequest: {
      query: [
        {
          type: 'DIDAuthentication',
          acceptedMethods: [{ method: 'key' }],
          acceptedCryptosuites: [{ cryptosuite: 'Ed25519Signature2020' }, { cryptosuite: 'eddsa-rdfc-2022' }],
        },
      ],
      challenge: row.challenge,
      domain: origin(deps),
    },
  };
}

const presentation = (copies: HolderCopy[]) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiablePresentation'],
  verifiableCredential: copies.map((c) => c.credential),
});

/**
 * POST /wallet/exchanges/:id. `{}` (VC-API, first step): the DIDAuthentication request. A VP
 * (LCW's request) or `{ verifiablePresentation }` (VC-API, second step): verified, then the
 * holder-bound copies — LCW gets the credential itself (or a presentation of several), VC-API
 * `{ verifiablePresentation }`. Any failure: a 4xx and nothing issued, the link still open.
 */
export async function answerExchange(deps: WalletDeps, input: { id: string; body: unknown }) {
  return deps.db.transaction(async (tx) => {
    const row = await lockExchange(tx, input.id);
    assertOpen(deps, row);
    if (isEmpty(input.body)) return presentationRequest(deps, row);
    const wrapped = (input.body as Record<string, unknown>).verifiablePresentation;
    const vp = wrapped ?? input.body;
    const holder = await verifyDidAuth(vp, {
      challenge: row.challenge,
      domain: origin(deps),
      domainRequired: wrapped !== undefined,
    });
    const copies = await issueForExchange(tx, deps, row, holder);
    if (wrapped !== undefined) return { verifiablePresentation: presentation(copies) };
    return copies.length === 1 ? copies[0]!.credential : presentation(copies);
  });
}

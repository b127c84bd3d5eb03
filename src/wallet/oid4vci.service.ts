import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { OB_CONTEXT, VC_V2_CONTEXT } from '../ob3/contexts/index';
import { verifyDidAuth } from './didauth';
import { assertOpen, EXCHANGE_TTL_MS, issueForExchange, origin, sha256, type WalletDeps } from './exchange.service';
import {
  findExchangeByCode,
  lockExchangeByCode,
  lockExchangeByToken,
  spendNonce,
  updateExchange,
} from './wallet.store';

/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow only: the offer by
 * reference, issuer and authorization server metadata, the token endpoint for the pre-authorized
 * code (no tx_code), the nonce endpoint, and the credential endpoint answering `ldp_vc` to a
 * `di_vp` proof of possession. README « Portefeuilles » lists what is not supported.
 */
export const CONFIGURATION_ID = 'OpenBadgeCredential_ldp_vc';
export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const NONCE_TTL_MS = 5 * 60 * 1000;
const nowOf = (deps: WalletDeps) => deps.now?.() ?? new Date();

/** An OAuth-style error: `error` as RFC 6749 / OID4VCI §8.3.1.2 name it, and our code. */
export class OAuthError extends AppError {
  constructor(
    readonly oauth: string,
    inner: AppError,
  ) {
    // RFC 6750 §3.1: a bad token is a 401; every other OAuth error here is a 400.
    super(inner.code, oauth === 'invalid_token' ? 401 : 400, inner.params);
  }
}
const oauth = async <T>(error: string, run: () => Promise<T>) => {
  try {
    return await run();
  } catch (e) {
    throw e instanceof AppError && !(e instanceof OAuthError) && e.status < 500 ? new OAuthError(error, e) : e;
  }
};

export function issuerMetadata(deps: WalletDeps) {
  const base = origin(deps);
  return {
    credential_issuer: base,
    credential_endpoint: `${base}/wallet/oid4vci/credential`,
    nonce_endpoint: `${base}/wallet/oid4vci/nonce`,
    display: [
      { name: 'Parcours', locale: 'fr' },
      { name: 'Parcours', locale: 'en' },
    ],
    credential_configurations_supported: {
      [CONFIGURATION_ID]: {
        format: 'ldp_vc',
        credential_definition: {
          '@context': [VC_V2_CONTEXT, OB_CONTEXT],
          type: ['VerifiableCredential', 'OpenBadgeCredential'],
        },
        cryptographic_binding_methods_supported: ['did:key'],
        credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
        proof_types_supported: {
          di_vp: { proof_signing_alg_values_supported: ['Ed25519Signature2020', 'eddsa-rdfc-2022'] },
        },
        credential_metadata: {
          display: [
            { name: 'Open Badge', locale: 'fr' },
            { name: 'Open Badge', locale: 'en' },
          ],
        },
      },
    },
  };
}

export function authorizationServerMetadata(deps: WalletDeps) {
  const base = origin(deps);
  return {
    issuer: base,
    token_endpoint: `${base}/wallet/oid4vci/token`,
    grant_types_supported: [PRE_AUTHORIZED_GRANT],
    'pre-authorized_grant_anonymous_access_supported': true,
    response_types_supported: [],
  };
}

/** GET /wallet/offers/:code: the credential offer the QR code refers to. */
export async function credentialOffer(deps: WalletDeps, code: string) {
  const row = await findExchangeByCode(deps.db, sha256(code));
  assertOpen(deps, row);
  return {
    credential_issuer: origin(deps),
    credential_configuration_ids: [CONFIGURATION_ID],
    grants: { [PRE_AUTHORIZED_GRANT]: { 'pre-authorized_code': code } },
  };
}

/** POST /wallet/oid4vci/token: the pre-authorized code, once, for a bearer access token. */
export function exchangeCode(deps: WalletDeps, input: { grantType?: string; code?: string }) {
  return oauth('invalid_grant', () =>
    deps.db.transaction(async (tx) => {
      if (input.grantType !== PRE_AUTHORIZED_GRANT) throw new OAuthError('unsupported_grant_type', badGrant());
      const row = input.code ? await lockExchangeByCode(tx, sha256(input.code)) : undefined;
      assertOpen(deps, row);
      if (row.accessTokenHash) throw new AppError('WALLET_EXCHANGE_USED', 400);
      const token = randomBytes(32).toString('base64url');
      await updateExchange(tx, row.id, { accessTokenHash: sha256(token) });
      const expiresIn = Math.max(1, Math.floor((row.expiresAt.getTime() - nowOf(deps).getTime()) / 1000));
      return { access_token: token, token_type: 'Bearer', expires_in: Math.min(expiresIn, EXCHANGE_TTL_MS / 1000) };
    }),
  );
}
const badGrant = () => new AppError('WALLET_TOKEN_INVALID', 400);

// The nonce endpoint is public: a c_nonce is signed, not stored, so asking for one writes nothing;
// it is recorded only when spent (by a caller holding an access token), which makes it single-use.
const mac = (deps: WalletDeps, body: string) =>
  createHmac('sha256', `wallet-nonce:${deps.config.auth.jwtSecret}`).update(body).digest('base64url');

/** POST /wallet/oid4vci/nonce: a fresh c_nonce, single-use, 5 minutes. */
export async function newNonce(deps: WalletDeps) {
  const body = `${randomUUID()}.${nowOf(deps).getTime() + NONCE_TTL_MS}`;
  return { c_nonce: `${body}.${mac(deps, body)}` };
}

/** True once per nonce we signed, before it expires. */
async function spendSignedNonce(tx: Db, deps: WalletDeps, nonce: string): Promise<boolean> {
  const [id = '', expires = '', tag = ''] = nonce.split('.');
  const expected = Buffer.from(mac(deps, `${id}.${expires}`));
  const given = Buffer.from(tag);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const expiresAt = new Date(Number(expires));
  if (!(expiresAt.getTime() > nowOf(deps).getTime())) return false;
  return spendNonce(tx, id, expiresAt, nowOf(deps));
}

type Json = Record<string, unknown>;

/** The one `di_vp` proof of a credential request (OID4VCI 1.0 §8.2, Appendix F.2). */
function diVpOf(body: unknown): Json {
  const request = (body && typeof body === 'object' ? body : {}) as Json;
  if (request.credential_configuration_id !== CONFIGURATION_ID) {
    throw new OAuthError(
      'unknown_credential_configuration',
      new AppError('WALLET_VP_INVALID', 400, {
        field: 'credential_configuration_id',
      }),
    );
  }
  const proofs = (request.proofs ?? {}) as Json;
  const list = Array.isArray(proofs.di_vp) ? proofs.di_vp : [];
  if (list.length !== 1 || Object.keys(proofs).length !== 1) {
    throw new OAuthError('invalid_proof', new AppError('WALLET_VP_INVALID', 400, { field: 'proofs.di_vp' }));
  }
  return list[0] as Json;
}

/** POST /wallet/oid4vci/credential: bearer token + di_vp over a c_nonce → the holder-bound copies. */
export function issueCredential(deps: WalletDeps, input: { token?: string; body: unknown }) {
  return deps.db.transaction(async (tx) => {
    const row = input.token ? await lockExchangeByToken(tx, sha256(input.token)) : undefined;
    await oauth('invalid_token', async () => {
      if (!row) throw new AppError('WALLET_TOKEN_INVALID', 401);
      assertOpen(deps, row);
    });
    const vp = diVpOf(input.body);
    const proof = ([] as unknown[]).concat(vp.proof ?? [])[0] as Json | undefined;
    const nonce = typeof proof?.challenge === 'string' ? proof.challenge : '';
    const holder = await oauth('invalid_proof', async () => {
      if (!(await spendSignedNonce(tx, deps, nonce))) {
        throw new OAuthError('invalid_nonce', new AppError('WALLET_NONCE_INVALID', 400));
      }
      return verifyDidAuth(vp, { challenge: nonce, domain: origin(deps), domainRequired: true });
    });
    const copies = await issueForExchange(tx, deps, row!, holder);
    return { credentials: copies.map((c) => ({ credential: c.credential })) };
  });
}

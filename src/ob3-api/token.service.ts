import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit.service';
import { ACCESS_TOKEN_TTL_S, REFRESH_TOKEN_TTL_MS, splitScope } from './scopes';
import { OAuthError } from './oauth-errors';
import { newSecret, s256, sameHash, sha256Hex } from './secrets';
import { findClient, type ClientRow } from './clients.store';
import {
  insertTokens,
  lockCode,
  lockToken,
  markCodeUsed,
  markTokenUsed,
  revokeGrantTokens,
  revokeToken,
} from './grants.store';

export type TokenForm = Record<string, string | undefined>;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const MAX = 2000;

/** RFC 6749 §2.3.1: client_secret_basic, id and secret form-encoded inside the Basic credentials. */
export async function authenticateClient(db: Db, authorization: string | undefined): Promise<ClientRow> {
  const refused = new OAuthError('invalid_client', 'OB3_CLIENT_AUTH', {}, 401);
  const match = /^Basic ([A-Za-z0-9+/=]{1,800})$/.exec(authorization ?? '');
  if (!match) throw refused;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw refused;
  const unform = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return '';
    }
  };
  const client = await findClient(db, unform(decoded.slice(0, colon)));
  if (!client || client.disabledAt || !sameHash(client.secretHash, sha256Hex(unform(decoded.slice(colon + 1)))))
    throw refused;
  return client;
}

const field = (form: TokenForm, name: string) => {
  const value = form[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX)
    throw new OAuthError('invalid_request', 'OB3_REQUEST_FIELD', { field: name });
  return value;
};

/** A token request's `scope` may narrow what was granted, never widen it (RFC 6749 §6). */
function narrowed(form: TokenForm, granted: string): string {
  if (form.scope === undefined || form.scope === '') return granted;
  const asked = splitScope(field(form, 'scope'));
  const allowed = splitScope(granted);
  if (asked.some((s) => !allowed.includes(s))) throw new OAuthError('invalid_scope', 'OB3_SCOPE_NOT_REGISTERED');
  return asked.join(' ');
}

async function issue(db: Db, grantId: string, scope: string, now: Date) {
  const access = newSecret();
  const refresh = newSecret();
  await insertTokens(db, [
    {
      tokenHash: sha256Hex(access),
      kind: 'access',
      grantId,
      scope,
      expiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_S * 1000),
    },
    {
      tokenHash: sha256Hex(refresh),
      kind: 'refresh',
      grantId,
      scope,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
    },
  ]);
  return { access_token: access, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_S, refresh_token: refresh, scope };
}

type Outcome = { ok: Awaited<ReturnType<typeof issue>> } | { error: OAuthError };
const invalidGrant = (reason: string): Outcome => ({ error: new OAuthError('invalid_grant', reason) });

/**
 * authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6). The code is spent whatever follows, and a code
 * presented twice revokes what it gave (RFC 6749 §4.1.2): the transaction commits, then the refusal is thrown.
 */
async function exchangeCode(db: Db, client: ClientRow, form: TokenForm, now: Date): Promise<Outcome> {
  const code = field(form, 'code');
  const redirectUri = field(form, 'redirect_uri');
  const verifier = field(form, 'code_verifier');
  return db.transaction(async (tx) => {
    const row = await lockCode(tx, sha256Hex(code));
    if (!row || row.clientId !== client.id) return invalidGrant('OB3_CODE_INVALID');
    if (row.usedAt) {
      await revokeGrantTokens(tx, row.grantId, now, false);
      return invalidGrant('OB3_CODE_INVALID');
    }
    await markCodeUsed(tx, row.codeHash, now);
    if (row.expiresAt <= now || row.redirectUri !== redirectUri) return invalidGrant('OB3_CODE_INVALID');
    if (!VERIFIER.test(verifier) || s256(verifier) !== row.codeChallenge) return invalidGrant('OB3_VERIFIER_INVALID');
    return { ok: await issue(tx, row.grantId, narrowed(form, row.scope), now) };
  });
}

/** refresh_token with rotation: each refresh token works once; a second use revokes the grant's tokens. */
async function refresh(db: Db, client: ClientRow, form: TokenForm, now: Date): Promise<Outcome> {
  const token = field(form, 'refresh_token');
  return db.transaction(async (tx) => {
    const row = await lockToken(tx, sha256Hex(token));
    if (row?.token.kind !== 'refresh' || row.grant.clientId !== client.id) return invalidGrant('OB3_REFRESH_INVALID');
    if (row.token.revokedAt || row.grant.revokedAt || row.token.expiresAt <= now)
      return invalidGrant('OB3_REFRESH_INVALID');
    if (row.token.usedAt) {
      await revokeGrantTokens(tx, row.grant.id, now, false);
      return invalidGrant('OB3_REFRESH_INVALID');
    }
    await markTokenUsed(tx, row.token.tokenHash, now);
    return { ok: await issue(tx, row.grant.id, narrowed(form, row.token.scope), now) };
  });
}

export async function exchangeToken(db: Db, input: { authorization?: string; form: TokenForm }, now = new Date()) {
  const client = await authenticateClient(db, input.authorization);
  const grantType = input.form.grant_type;
  let outcome: Outcome;
  if (grantType === 'authorization_code') outcome = await exchangeCode(db, client, input.form, now);
  else if (grantType === 'refresh_token') outcome = await refresh(db, client, input.form, now);
  else throw new OAuthError('unsupported_grant_type', 'OB3_GRANT_TYPE');
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}

/**
 * RFC 7009: always 200 for an authenticated client, whether or not the token was known. Revoking a
 * refresh token ends the access tokens of the same grant too (§2.1).
 */
export async function revokeByClient(db: Db, input: { authorization?: string; form: TokenForm }, now = new Date()) {
  const client = await authenticateClient(db, input.authorization);
  const token = field(input.form, 'token');
  await db.transaction(async (tx) => {
    const row = await lockToken(tx, sha256Hex(token));
    if (!row || row.grant.clientId !== client.id || row.token.revokedAt) return;
    if (row.token.kind === 'refresh') await revokeGrantTokens(tx, row.grant.id, now, false);
    else await revokeToken(tx, row.token.tokenHash, now);
    await recordAudit(tx, null, {
      action: 'ob3.token.revoked',
      targetType: 'oauth_grant',
      targetId: row.grant.id,
      details: { clientId: client.id, kind: row.token.kind, by: 'client' },
    });
  });
}

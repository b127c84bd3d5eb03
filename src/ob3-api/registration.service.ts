import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { hit } from '../auth/rate-limit.service';
import { recordAudit } from '../audit/audit.service';
import { ALL_SCOPES, READ_SCOPES, splitScope } from './scopes';
import { OAuthError } from './oauth-errors';
import { isAcceptableUri } from './uris';
import { newSecret, sha256Hex } from './secrets';
import { insertClient, type ClientRow } from './clients.store';

/** Registrations one client address may make per hour, and all addresses together per day. */
export const REGISTER_MAX_PER_IP = 10;
export const REGISTER_MAX_PER_DAY = 500;
export const REDIRECT_URIS_MAX = 10;
const TEXT_MAX = 200;
const GRANT_TYPES = ['authorization_code', 'refresh_token'];

const fieldError = (field: string, reason: string) =>
  new OAuthError('invalid_client_metadata', 'OB3_REGISTRATION_FIELD', { field, reason });

function text(body: Record<string, unknown>, field: string, required: boolean): string | null {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw fieldError(field, 'required');
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > TEXT_MAX) throw fieldError(field, 'text');
  return value.trim();
}

function uri(body: Record<string, unknown>, field: string, required: boolean): string | null {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw fieldError(field, 'required');
    return null;
  }
  if (!isAcceptableUri(value)) throw new OAuthError('invalid_client_metadata', 'OB3_REGISTRATION_URI', { field });
  return value;
}

function list(body: Record<string, unknown>, field: string, fallback: string[], max: number): string[] {
  const value = body[field] ?? fallback;
  if (!Array.isArray(value) || value.length === 0 || value.length > max || value.some((v) => typeof v !== 'string'))
    throw fieldError(field, `array of 1 to ${max} strings`);
  return [...new Set(value as string[])];
}

/** The RFC 7591 metadata, checked field by field; the write scopes are dropped (read-only provider). */
function readMetadata(body: unknown) {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new OAuthError('invalid_client_metadata', 'OB3_REGISTRATION_BODY');
  const b = body as Record<string, unknown>;
  const redirectUris = list(b, 'redirect_uris', [], REDIRECT_URIS_MAX);
  if (!redirectUris.every(isAcceptableUri))
    throw new OAuthError('invalid_redirect_uri', 'OB3_REGISTRATION_URI', {
      field: 'redirect_uris',
    });
  const grantTypes = list(b, 'grant_types', ['authorization_code'], 2);
  if (!grantTypes.every((g) => GRANT_TYPES.includes(g)) || !grantTypes.includes('authorization_code'))
    throw fieldError('grant_types', 'authorization_code, refresh_token');
  const responseTypes = list(b, 'response_types', ['code'], 1);
  if (responseTypes[0] !== 'code') throw fieldError('response_types', 'code');
  const method = b.token_endpoint_auth_method ?? 'client_secret_basic';
  if (method !== 'client_secret_basic') throw fieldError('token_endpoint_auth_method', 'client_secret_basic');
  const asked =
    b.scope === undefined
      ? [...READ_SCOPES]
      : typeof b.scope === 'string' && b.scope.length <= 1000
        ? splitScope(b.scope)
        : null;
  if (!asked || asked.some((s) => !ALL_SCOPES.includes(s)))
    throw new OAuthError('invalid_client_metadata', 'OB3_SCOPE_UNSUPPORTED');
  const scope = asked.filter((s) => READ_SCOPES.includes(s));
  if (scope.length === 0) throw new OAuthError('invalid_client_metadata', 'OB3_SCOPE_UNSUPPORTED');
  return {
    name: text(b, 'client_name', true)!,
    clientUri: uri(b, 'client_uri', true)!,
    logoUri: uri(b, 'logo_uri', false),
    tosUri: uri(b, 'tos_uri', false),
    policyUri: uri(b, 'policy_uri', false),
    softwareId: text(b, 'software_id', false),
    softwareVersion: text(b, 'software_version', false),
    redirectUris,
    grantTypes,
    scope: scope.join(' '),
  };
}

/** RFC 7591 §3.2.1: the client information response (the secret is shown once, then only its hash exists). */
function response(row: ClientRow, secret: string, grantTypes: string[]) {
  const optional = { logo_uri: row.logoUri, tos_uri: row.tosUri, policy_uri: row.policyUri };
  const software = { software_id: row.softwareId, software_version: row.softwareVersion };
  return {
    client_id: row.id,
    client_secret: secret,
    client_id_issued_at: Math.floor(row.createdAt.getTime() / 1000),
    client_secret_expires_at: 0,
    client_name: row.name,
    client_uri: row.clientUri,
    ...Object.fromEntries(Object.entries({ ...optional, ...software }).filter(([, v]) => v !== null)),
    redirect_uris: row.redirectUris,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: grantTypes,
    response_types: ['code'],
    scope: row.scope,
  };
}

/** Open registration (OB 3.0 §7.2), rate-limited per address and in total: nobody fills the table. */
export async function registerClient(db: Db, input: { body: unknown; ip: string }, now = new Date()) {
  const perIp = await hit(db, `ob3:register:${input.ip}`, 3600_000, now);
  const all = await hit(db, 'ob3:register:all', 24 * 3600_000, now);
  const over = perIp.count > REGISTER_MAX_PER_IP ? perIp : all.count > REGISTER_MAX_PER_DAY ? all : null;
  if (over)
    throw new OAuthError(
      'temporarily_unavailable',
      'OB3_REGISTRATION_RATE_LIMITED',
      { seconds: over.resetInSeconds },
      429,
    );
  const { grantTypes, ...metadata } = readMetadata(input.body);
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const row = await insertClient(tx, {
      id: `ob3_${randomBytes(16).toString('base64url')}`,
      secretHash: sha256Hex(secret),
      ...metadata,
      registeredFrom: input.ip,
    });
    await recordAudit(tx, null, {
      action: 'ob3.client.registered',
      targetType: 'oauth_client',
      targetId: row.id,
      details: { name: row.name, clientUri: row.clientUri, scope: row.scope },
    });
    return response(row, secret, grantTypes);
  });
}

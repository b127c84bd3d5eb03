/** OB 3.0 §6.2.1: the four scopes of the API, under one base IRI. */
export const SCOPE_BASE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';
export const SCOPES = {
  credentialRead: `${SCOPE_BASE}credential.readonly`,
  credentialUpsert: `${SCOPE_BASE}credential.upsert`,
  profileRead: `${SCOPE_BASE}profile.readonly`,
  profileUpdate: `${SCOPE_BASE}profile.update`,
} as const;
export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);
/** What this platform grants: it is a Service Provider (Read); the write scopes are refused. */
export const READ_SCOPES: readonly string[] = [SCOPES.credentialRead, SCOPES.profileRead];

/** A space-separated scope string as a list without duplicates (RFC 6749 §3.3); bounded by the caller. */
export const splitScope = (scope: string) => [...new Set(scope.split(' ').filter(Boolean))];

export const BASE_PATH = '/ims/ob/v3p0';
export const OB3_PATHS = {
  discovery: `${BASE_PATH}/discovery`,
  register: `${BASE_PATH}/oauth/register`,
  authorize: `${BASE_PATH}/oauth/authorize`,
  token: `${BASE_PATH}/oauth/token`,
  revoke: `${BASE_PATH}/oauth/revoke`,
  credentials: `${BASE_PATH}/credentials`,
  profile: `${BASE_PATH}/profile`,
  /** Our terms and privacy page for platforms and learners (the discovery document points to it). */
  terms: `${BASE_PATH}/conditions`,
} as const;

export const CODE_TTL_MS = 10 * 60_000;
export const ACCESS_TOKEN_TTL_S = 3600;
export const REFRESH_TOKEN_TTL_MS = 90 * 86_400_000;

import type { Db } from '../db/client';
import { findLearnerById } from '../learners/learners.service';
import { pageOfLearnerCredentials } from '../credentials/learner-credentials.service';
import { ImsxError } from './oauth-errors';
import { sha256Hex } from './secrets';
import { findAccess } from './grants.store';
import { OB3_PATHS, splitScope } from './scopes';

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;
const OFFSET_MAX = 1_000_000;

export interface Access {
  learnerId: string;
  grantId: string;
  scope: string[];
}

/** RFC 6750 bearer token → the learner who consented; refused (401) when unknown, expired, revoked. */
export async function authenticateBearer(
  db: Db,
  authorization: string | undefined,
  requiredScope: string,
  now = new Date(),
): Promise<Access> {
  const match = /^Bearer ([A-Za-z0-9._~+/-]{1,200}=*)$/.exec(authorization ?? '');
  if (!match) throw new ImsxError(401, 'unauthorizedrequest', 'OB3_TOKEN_MISSING');
  const row = await findAccess(db, sha256Hex(match[1]!));
  const live =
    row && !row.token.revokedAt && !row.grant.revokedAt && !row.clientDisabledAt && row.token.expiresAt > now;
  if (!live) throw new ImsxError(401, 'unauthorizedrequest', 'OB3_TOKEN_INVALID');
  const scope = splitScope(row.token.scope);
  if (!scope.includes(requiredScope))
    throw new ImsxError(403, 'forbidden', 'OB3_TOKEN_SCOPE', { scope: requiredScope });
  return { learnerId: row.grant.learnerId, grantId: row.grant.id, scope };
}

export type PageQuery = Partial<Record<'limit' | 'offset' | 'since', string>>;

function integer(value: string | undefined, field: string, min: number, max: number, fallback: number) {
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) < min || Number(value) > max)
    throw new ImsxError(400, 'invalid_query_parameter', 'OB3_QUERY_INVALID', { field });
  return Number(value);
}

export function readPageQuery(query: PageQuery) {
  const limit = integer(query.limit, 'limit', 1, LIMIT_MAX, LIMIT_DEFAULT);
  const offset = integer(query.offset, 'offset', 0, OFFSET_MAX, 0);
  let since: Date | undefined;
  if (query.since !== undefined) {
    since = new Date(query.since);
    if (query.since.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(query.since) || Number.isNaN(since.getTime()))
      throw new ImsxError(400, 'invalid_query_parameter', 'OB3_QUERY_INVALID', { field: 'since' });
  }
  return { limit, offset, since, sinceText: query.since };
}

/** OB 3.0 §6.2.2: `Link` with next, last, first, prev (next/prev only where such a page exists). */
export function linkHeader(publicUrl: string, page: ReturnType<typeof readPageQuery>, total: number): string {
  const at = (offset: number) => {
    const url = new URL(`${publicUrl}${OB3_PATHS.credentials}`);
    url.searchParams.set('limit', String(page.limit));
    url.searchParams.set('offset', String(offset));
    if (page.sinceText) url.searchParams.set('since', page.sinceText);
    return url.toString();
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / page.limit) * page.limit;
  const links: [string, number][] = [];
  if (page.offset + page.limit < total) links.push(['next', page.offset + page.limit]);
  links.push(['last', last], ['first', 0]);
  if (page.offset > 0) links.push(['prev', Math.max(0, page.offset - page.limit)]);
  return links.map(([rel, offset]) => `<${at(offset)}>; rel="${rel}"`).join(', ');
}

/** GET /credentials: each credential in both forms, the Data Integrity one and its VC-JWT, same order. */
export async function credentialsPage(db: Db, access: Access, page: ReturnType<typeof readPageQuery>) {
  const { total, rows } = await pageOfLearnerCredentials(db, access.learnerId, page);
  return {
    total,
    body: {
      credential: rows.map((r) => JSON.parse(r.json) as Record<string, unknown>),
      compactJwsString: rows.map((r) => r.jwt),
    },
  };
}

/** GET /profile: what the learner agreed to share about themselves (OB 3.0 Profile). */
export async function learnerProfile(db: Db, access: Access) {
  const learner = await findLearnerById(db, access.learnerId);
  if (!learner) throw new ImsxError(404, 'not_found', 'OB3_PROFILE_NOT_FOUND');
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${learner.id}`,
    type: ['Profile'],
    ...(learner.name ? { name: learner.name } : {}),
    email: learner.email,
  };
}

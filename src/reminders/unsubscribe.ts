import { createHmac, timingSafeEqual } from 'node:crypto';
import { paths } from '../web/urls';

/** Who may turn a reminder kind off: the holder of this link, signed with the deployment's secret. */
export interface UnsubscribeLink {
  learnerId: string;
  kind: string;
  token: string;
}

export const UNSUBSCRIBE_API_PATH = '/api/reminders/unsubscribe';
export const UNSUBSCRIBE_PAGE_PATH = paths.unsubscribe;

const sign = (secret: string, learnerId: string, kind: string) =>
  createHmac('sha256', secret).update(`reminder-unsubscribe\u0000${learnerId}\u0000${kind}`).digest('base64url');

export function unsubscribeToken(secret: string, learnerId: string, kind: string): string {
  return sign(secret, learnerId, kind);
}

/** A link is good when its token signs its learner and kind (no expiry: RFC 8058 links must keep working). */
export function checkUnsubscribe(secret: string, link: Partial<UnsubscribeLink>): link is UnsubscribeLink {
  if (!link.learnerId || !link.kind || !link.token || link.token.length > 100 || link.kind.length > 64) return false;
  const expected = Buffer.from(sign(secret, link.learnerId, link.kind));
  const given = Buffer.from(link.token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const query = (l: UnsubscribeLink) =>
  `l=${encodeURIComponent(l.learnerId)}&k=${encodeURIComponent(l.kind)}&t=${encodeURIComponent(l.token)}`;

/** The page a person opens (a button confirms) and the RFC 8058 one-click address mail clients POST to. */
export function unsubscribeUrls(publicUrl: string, secret: string, learnerId: string, kind: string) {
  const link = { learnerId, kind, token: unsubscribeToken(secret, learnerId, kind) };
  const base = publicUrl.replace(/\/$/, '');
  return {
    page: `${base}${UNSUBSCRIBE_PAGE_PATH}?${query(link)}`,
    oneClick: `${base}${UNSUBSCRIBE_API_PATH}?${query(link)}`,
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError, type Lang } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';
import { findLearnerByEmail, upsertLearner } from '../learners/learners.service';
import { enqueueMail } from '../notifications/outbox.service';
import { renderMagicLink } from '../notifications/templates/magic-link';
import type { TokenClaims } from '../plugins/auth';
import { magicLinks } from './auth.tables';
import { findOrganiserByEmail } from './organisers.store';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { clear, forgive, hit } from './rate-limit.store';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed attempts on one account from one client (IP), then that pair waits for the window. */
export const LOGIN_MAX_PER_PAIR = 5;
/** Failed attempts on one account from every client together (distributed guessing). Known browsers are exempt. */
export const LOGIN_MAX_PER_ACCOUNT = 10;
/** Failed attempts from one client, on any accounts. */
export const LOGIN_MAX_PER_IP = 30;
export const MAGIC_LINK_MINUTES = 15;
const MAGIC_LINK_MAX_PER_EMAIL = 5;
/** Links asked from one client per hour, whatever the addresses: nobody makes the platform e-mail the world. */
export const MAGIC_LINK_WINDOW_MS = 3600_000;
export const MAGIC_LINK_MAX_PER_IP = 30;
/** Expired links are kept a day (to tell "expired" from "unknown" in a support request), then purged. */
const MAGIC_LINK_KEEP_MS = 24 * 3600_000;

/**
 * The page a magic link opens; it posts the token to /api/auth/magic-link/verify. `next`: the page
 * to land on once signed in (the pages check it again when the link is used).
 */
export const magicLinkUrl = (publicUrl: string, token: string, next?: string) =>
  `${publicUrl}/connexion/lien?token=${token}${next ? `&suite=${encodeURIComponent(next)}` : ''}`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Organiser sign-in, throttled so that guessing stays slow while a third party cannot lock the
 * real organiser out:
 * - every attempt is counted *before* the password is checked (one atomic upsert per counter, so
 *   parallel requests cannot slip through), and a success takes its own attempt back: only
 *   failures remain counted;
 * - per (account, client IP): 5 failures per 15 min; a success clears them;
 * - per client IP: 30 failures per 15 min, whatever the accounts;
 * - per account, from every client together: 10 failures per 15 min. This is what a botnet hits,
 *   and it would lock the real person out too, so a **known browser** (`knownDevice`: a signed
 *   cookie set at an earlier successful sign-in, see known-device.ts) is exempt from it.
 * The client IP is the socket's, or X-Forwarded-For only through proxies configured in TRUST_PROXY.
 */
export async function loginOrganiser(
  db: Db,
  input: { email: string; password: string; ip: string; knownDevice?: boolean },
  now = new Date(),
): Promise<TokenClaims> {
  const email = normaliseEmail(input.email);
  const keys = {
    pair: `login:pair:${email}:${input.ip}`,
    ip: `login:ip:${input.ip}`,
    account: `login:account:${email}`,
  };
  const limits = [
    { key: keys.pair, max: LOGIN_MAX_PER_PAIR, code: 'AUTH_RATE_LIMITED' },
    { key: keys.ip, max: LOGIN_MAX_PER_IP, code: 'AUTH_RATE_LIMITED' },
    { key: keys.account, max: input.knownDevice ? Infinity : LOGIN_MAX_PER_ACCOUNT, code: 'AUTH_ACCOUNT_LOCKED' },
  ];
  let refusal: AppError | undefined;
  const passed: string[] = [];
  for (const { key, max, code } of limits) {
    const { count, resetInSeconds } = await hit(db, key, LOGIN_WINDOW_MS, now);
    if (count <= max) passed.push(key);
    else refusal ??= new AppError(code, 429, { seconds: resetInSeconds });
  }
  if (refusal) {
    // No password was tried: the counters that did not refuse take their hit back (they count guesses).
    for (const key of passed) await forgive(db, key);
    throw refusal;
  }
  const organiser = await findOrganiserByEmail(db, email);
  const ok = await verifyPassword(input.password, organiser?.passwordHash ?? DUMMY_HASH);
  if (!organiser || !ok) throw new AppError('AUTH_INVALID_CREDENTIALS', 401);
  await clear(db, keys.pair);
  await forgive(db, keys.ip);
  await forgive(db, keys.account);
  return { sub: organiser.id, role: organiser.role, email: organiser.email };
}

/** Always succeeds from the caller's point of view: whether the address is known is never revealed. */
/**
 * Two limits: per client IP (30 an hour, refused with 429 AUTH_RATE_LIMITED: it says nothing about
 * any address, and tells a real person behind a busy network to wait), then per address (5 per
 * 15 min, silently dropped: the answer stays the same whether or not a link is sent).
 */
export async function requestMagicLink(
  db: Db,
  input: { email: string; lang: Lang; publicUrl: string; ip: string; next?: string },
  now = new Date(),
): Promise<void> {
  const email = normaliseEmail(input.email);
  const perIp = await hit(db, `magic:ip:${input.ip}`, MAGIC_LINK_WINDOW_MS, now);
  if (perIp.count > MAGIC_LINK_MAX_PER_IP)
    throw new AppError('AUTH_RATE_LIMITED', 429, { seconds: perIp.resetInSeconds });
  const { count } = await hit(db, `magic:${email}`, LOGIN_WINDOW_MS, now);
  if (count > MAGIC_LINK_MAX_PER_EMAIL) return;
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const learner = await findLearnerByEmail(tx, email);
    const lang = learner?.lang ?? input.lang;
    await tx
      .insert(magicLinks)
      .values({ tokenHash: sha256(token), email, expiresAt: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000) });
    const mail = renderMagicLink(lang, {
      url: magicLinkUrl(input.publicUrl, token, input.next),
      minutes: MAGIC_LINK_MINUTES,
    });
    await enqueueMail(tx, email, 'magic-link', mail);
  });
}

/** Single use: the link is consumed by the same statement that checks it, so two clicks cannot both win. */
export async function verifyMagicLink(db: Db, token: string, lang: Lang, now = new Date()): Promise<TokenClaims> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(magicLinks)
      .set({ usedAt: now })
      .where(and(eq(magicLinks.tokenHash, sha256(token)), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)))
      .returning({ email: magicLinks.email });
    if (!link) throw new AppError('MAGIC_LINK_INVALID', 400);
    const { learner } = await upsertLearner(tx, { email: link.email, lang });
    return { sub: learner.id, role: 'learner', email: learner.email };
  });
}

/** One batch of links expired for more than a day (used ones included); returns how many were deleted. */
export async function purgeMagicLinks(db: Db, now: Date, batch: number): Promise<number> {
  const old = db
    .select({ id: magicLinks.id })
    .from(magicLinks)
    .where(lt(magicLinks.expiresAt, new Date(now.getTime() - MAGIC_LINK_KEEP_MS)))
    .limit(batch);
  return (await db.delete(magicLinks).where(inArray(magicLinks.id, old)).returning({ id: magicLinks.id })).length;
}

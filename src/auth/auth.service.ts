import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError, type Lang } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';
import { findLearnerByEmail, upsertLearner } from '../learners/learners.store';
import { enqueueMail } from '../notifications/outbox.store';
import { renderMagicLink } from '../notifications/templates/magic-link';
import type { TokenClaims } from '../plugins/auth';
import { magicLinks } from './auth.tables';
import { findOrganiserByEmail } from './organisers.store';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { hit } from './rate-limit.store';

const LOGIN_WINDOW_MS = 15 * 60_000;
const LOGIN_MAX_PER_EMAIL = 5;
const LOGIN_MAX_PER_IP = 30;
export const MAGIC_LINK_MINUTES = 15;
const MAGIC_LINK_MAX_PER_EMAIL = 5;

/**
 * The page a magic link opens; it posts the token to /api/auth/magic-link/verify. `next`: the page
 * to land on once signed in (the pages check it again when the link is used).
 */
export const magicLinkUrl = (publicUrl: string, token: string, next?: string) =>
  `${publicUrl}/connexion/lien?token=${token}${next ? `&suite=${encodeURIComponent(next)}` : ''}`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export async function loginOrganiser(db: Db, input: { email: string; password: string; ip: string }, now = new Date()): Promise<TokenClaims> {
  const email = normaliseEmail(input.email);
  // Throttle per address and per client, before any password work: guessing stays slow everywhere.
  for (const [key, max] of [[`login:email:${email}`, LOGIN_MAX_PER_EMAIL], [`login:ip:${input.ip}`, LOGIN_MAX_PER_IP]] as const) {
    const { count, resetInSeconds } = await hit(db, key, LOGIN_WINDOW_MS, now);
    if (count > max) throw new AppError('AUTH_RATE_LIMITED', 429, { seconds: resetInSeconds });
  }
  const organiser = await findOrganiserByEmail(db, email);
  const ok = await verifyPassword(input.password, organiser?.passwordHash ?? DUMMY_HASH);
  if (!organiser || !ok) throw new AppError('AUTH_INVALID_CREDENTIALS', 401);
  return { sub: organiser.id, role: organiser.role, email: organiser.email };
}

/** Always succeeds from the caller's point of view: whether the address is known is never revealed. */
export async function requestMagicLink(db: Db, input: { email: string; lang: Lang; publicUrl: string; next?: string }, now = new Date()): Promise<void> {
  const email = normaliseEmail(input.email);
  const { count } = await hit(db, `magic:${email}`, LOGIN_WINDOW_MS, now);
  if (count > MAGIC_LINK_MAX_PER_EMAIL) return;
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const learner = await findLearnerByEmail(tx, email);
    const lang = learner?.lang ?? input.lang;
    await tx.insert(magicLinks).values({ tokenHash: sha256(token), email, expiresAt: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000) });
    const mail = renderMagicLink(lang, { url: magicLinkUrl(input.publicUrl, token, input.next), minutes: MAGIC_LINK_MINUTES });
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

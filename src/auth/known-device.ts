import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A "known browser": at every successful organiser sign-in (page or API) the browser receives a
 * long-lived HttpOnly cookie, signed with the JWT secret and bound to the account's address. A
 * third party hammering an account from elsewhere can lock it for unknown browsers (that is what
 * stops distributed guessing), but never for a browser where its owner already signed in: that
 * browser skips the per-account lock (the per-client limits still apply to it).
 */
export const DEVICE_COOKIE = 'parcours_device';
const DEVICE_DAYS = 180;

const mac = (secret: string, email: string, id: string, expires: number) =>
  createHmac('sha256', secret).update(`parcours-known-device\n${email}\n${id}\n${expires}`).digest('base64url');

/** `id.expires.mac`: bound to one account (the normalised address) until it expires. */
export function deviceToken(secret: string, email: string, now = new Date()): string {
  const id = randomBytes(12).toString('base64url');
  const expires = Math.floor(now.getTime() / 1000) + DEVICE_DAYS * 86_400;
  return `${id}.${expires}.${mac(secret, email, id, expires)}`;
}

export function isKnownDevice(secret: string, email: string, value: string | undefined, now = new Date()): boolean {
  const [id, expiresText, given, extra] = (value ?? '').split('.');
  if (!id || !expiresText || !given || extra !== undefined || !/^\d+$/.test(expiresText)) return false;
  const expires = Number(expiresText);
  if (expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(mac(secret, email, id, expires));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The settings a known browser's cookie depends on. */
export interface DeviceConfig {
  publicUrl: string;
  auth: { jwtSecret: string };
}

/** Whether this request comes from a browser where `email` already signed in. */
export const fromKnownDevice = (config: DeviceConfig, request: FastifyRequest, email: string) =>
  isKnownDevice(config.auth.jwtSecret, email, request.cookies[DEVICE_COOKIE]);

/** After a successful sign-in: this browser is known for this account from now on. */
export function rememberDevice(config: DeviceConfig, reply: FastifyReply, email: string) {
  reply.setCookie(DEVICE_COOKIE, deviceToken(config.auth.jwtSecret, email), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    maxAge: DEVICE_DAYS * 86_400,
  });
}

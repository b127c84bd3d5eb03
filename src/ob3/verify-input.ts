import jwt from 'jsonwebtoken';
import { AppError } from '../shared/errors';
import { extractPngCredential, isPng } from './bake-png';
import { extractSvgCredential } from './bake-svg';
import { assertJsonBounded, DEFAULT_VERIFY_LIMITS, type VerifyLimits } from './verify-limits';

export type InputFormat = 'json' | 'jwt' | 'png' | 'svg';

export interface ReadCredential {
  format: InputFormat;
  /** The credential: the JSON document, or the JWT payload without its registered claims. */
  credential: Record<string, unknown>;
  /** Set when the credential came as a compact JWS (bare, or baked in an image). */
  jwt?: { token: string; header: Record<string, unknown>; payload: Record<string, unknown> };
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
// The claims a VC-JWT adds to the credential (OB 3.0 integrity.md); everything else is the credential.
export const JWT_REGISTERED_CLAIMS = ['iss', 'jti', 'sub', 'nbf', 'exp', 'iat', 'aud'] as const;

const unreadable = (format?: string) => new AppError('VERIFY_INPUT_UNREADABLE', 400, { format });

/**
 * Finds the credential in whatever a verifier is handed (docformat.md): JSON, a compact JWS,
 * or a PNG/SVG baked with either. Anything else is refused with a 400, not reported as an
 * "invalid credential": there is nothing to report on. What is decoded is bounded (`limits`):
 * an inflated PNG chunk by its size (413 VERIFY_INPUT_TOO_LARGE), an SVG by its markup, the
 * JSON by depth and number of values (400 VERIFY_INPUT_TOO_COMPLEX).
 */
export function readCredential(
  input: Uint8Array | string | object,
  limits: Pick<VerifyLimits, 'maxTextBytes' | 'maxDepth' | 'maxNodes'> = DEFAULT_VERIFY_LIMITS,
): ReadCredential {
  const read = readAny(input, limits);
  if (read.jwt) assertJsonBounded(read.jwt.header, limits);
  assertJsonBounded(read.jwt ? read.jwt.payload : read.credential, limits);
  return read;
}

function readAny(
  input: Uint8Array | string | object,
  limits: Pick<VerifyLimits, 'maxTextBytes' | 'maxDepth' | 'maxNodes'>,
): ReadCredential {
  if (input instanceof Uint8Array) {
    if (isPng(input)) {
      const text = extractPngCredential(input, limits.maxTextBytes);
      if (text === undefined) throw new AppError('VERIFY_NO_BAKED_CREDENTIAL', 400, { format: 'PNG' });
      return { ...readText(text), format: 'png' };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw unreadable();
    }
    return readString(text);
  }
  if (typeof input === 'string') return readString(input);
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    assertJsonBounded(input, limits); // before the (recursive) copy
    // A copy: the verifier libraries must not be able to alter the caller's object.
    return { format: 'json', credential: structuredClone(input) as Record<string, unknown> };
  }
  throw unreadable();
}

function readString(raw: string): ReadCredential {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('<')) {
    const inner = extractSvgCredential(text);
    if (inner === undefined) throw new AppError('VERIFY_NO_BAKED_CREDENTIAL', 400, { format: 'SVG' });
    return { ...readText(inner), format: 'svg' };
  }
  return readText(text);
}

/** The credential text itself: JSON or a compact JWS. */
function readText(text: string): ReadCredential {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw unreadable('JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw unreadable('JSON');
    return { format: 'json', credential: parsed as Record<string, unknown> };
  }
  if (COMPACT_JWS.test(trimmed)) {
    let decoded: jwt.Jwt | null;
    try {
      decoded = jwt.decode(trimmed, { complete: true, json: true });
    } catch {
      decoded = null;
    }
    if (!decoded || typeof decoded.payload !== 'object' || decoded.payload === null) throw unreadable('JWT');
    const payload = decoded.payload as Record<string, unknown>;
    const credential = { ...payload };
    for (const claim of JWT_REGISTERED_CLAIMS) delete credential[claim];
    return {
      format: 'jwt',
      credential,
      jwt: { token: trimmed, header: decoded.header as unknown as Record<string, unknown>, payload },
    };
  }
  throw unreadable();
}

/** Longest URI accepted in a registration: redirect URIs are compared byte for byte, keep them short. */
export const URI_MAX = 2000;

/**
 * RFC 7591 §2 and OAuth security BCP: every URI a platform registers is absolute https, or http on
 * a loopback host for development; no fragment (RFC 6749 §3.1.2), no credentials in it.
 */
export function isAcceptableUri(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > URI_MAX) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hash || value.includes('#') || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

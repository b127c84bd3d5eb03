/** Revoked token ids (signing out): read by the JWT plugin, written at sign-out. */
export { isTokenRevoked, revokeToken } from './sessions.store';

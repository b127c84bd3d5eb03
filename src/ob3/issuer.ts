import type { Ed25519Key, IssuerKey } from './keys';

/**
 * The issuer's identifier and its published keys: the DID document (for the Data Integrity
 * proof and for JWT `kid`s that are DID URLs) and the JWKS (VC-JWT key provenance,
 * OB impl guide recommended-practices "JWKS"). Every key passed in stays published, so
 * credentials signed before a rotation still verify.
 */
export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const JWK_CONTEXT = 'https://w3id.org/security/jwk/v1';

/**
 * did:web for a public HTTPS deployment (did:web spec §3.1: host, port as %3A, path segments
 * joined by ':'), else did:key from the Ed25519 key, which resolves offline (local, tests).
 */
export function issuerDid(publicUrl: string, ed25519Key: Ed25519Key): string {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') return `did:key:${ed25519Key.publicKeyMultibase}`;
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...path].join(':');
}

/** `<issuerId>#<key id>`: what a proof's `verificationMethod` names. */
export function verificationMethodId(issuerId: string, key: IssuerKey): string {
  return `${issuerId}#${key.id}`;
}

/**
 * The JWT `kid`: a URI that dereferences to exactly one JWK (OB 3.0 integrity.md; the 1EdTech
 * validator reads a URL kid's body as one JWK). For did:web it is the DID URL of a JsonWebKey
 * method under assertionMethod, which the validator resolves through its DID resolver
 * (ExternalProofProbe.fetchJwk). A did:key document cannot list a P-256 key, so the kid is then
 * `<base>/jwk/<key id>`, a URL serving that one JWK (`publicJwk`); such a JWT is tied to its
 * issuer by the embedded Data Integrity proof it carries. `base` is where the signer publishes
 * (PUBLIC_URL for the issuer, PUBLIC_URL/endorsers/<key> for an endorser).
 */
export function jwtKeyId(issuerId: string, base: string, key: IssuerKey): string {
  if (!issuerId.startsWith('did:key:')) return verificationMethodId(issuerId, key);
  return `${base.replace(/\/+$/, '')}/jwk/${key.id}`;
}

/** The one JWK a `<base>/jwk/<id>` kid names, as published (no private part), or undefined. */
export function publicJwk(keys: IssuerKey[], id: string): Record<string, unknown> | undefined {
  const key = keys.find((k) => k.type === 'P-256' && k.id === id);
  if (key?.type !== 'P-256') return undefined;
  const { kty, crv, x, y } = key.publicJwk;
  return { kty, crv, x, y, kid: id, alg: 'ES256', use: 'sig' };
}

function verificationMethod(issuerId: string, key: IssuerKey): Record<string, unknown> {
  const id = verificationMethodId(issuerId, key);
  // controller = issuer.id: the 1EdTech validator rejects a proof otherwise (EmbeddedProofProbe).
  if (key.type === 'Ed25519') {
    return { id, type: 'Multikey', controller: issuerId, publicKeyMultibase: key.publicKeyMultibase };
  }
  const { kty, crv, x, y } = key.publicJwk;
  return { id, type: 'JsonWebKey', controller: issuerId, publicKeyJwk: { kty, crv, x, y } };
}

export function didDocument(issuerId: string, keys: IssuerKey[]): Record<string, unknown> {
  // A did:key document is derived from its one key: anything else would not match what
  // every did:key resolver computes.
  const published = issuerId.startsWith('did:key:')
    ? keys.filter((k) => k.type === 'Ed25519' && issuerId === `did:key:${k.publicKeyMultibase}`)
    : keys;
  const methods = published.map((key) => verificationMethod(issuerId, key));
  const ids = methods.map((m) => m.id);
  const hasJwk = published.some((k) => k.type === 'P-256');
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT, ...(hasJwk ? [JWK_CONTEXT] : [])],
    id: issuerId,
    verificationMethod: methods,
    // Issuing keys only: nothing here may authenticate as the issuer.
    assertionMethod: ids,
  };
}

/**
 * RFC 7517 key set of the JWT-signing (P-256) keys; Ed25519 keys only sign DI proofs. `kidOf`
 * lets the set carry the very `kid` our JWT headers name (jose and most libraries select the
 * key by exact `kid`); by default the bare key id.
 */
export function jwks(
  keys: IssuerKey[],
  kidOf: (key: IssuerKey) => string = (key) => key.id,
): { keys: Record<string, unknown>[] } {
  return {
    keys: keys.flatMap((key) => {
      if (key.type !== 'P-256') return [];
      const { kty, crv, x, y } = key.publicJwk;
      return [{ kty, crv, x, y, kid: kidOf(key), alg: 'ES256', use: 'sig' }];
    }),
  };
}

import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { didDocument, issuerDid, jwtKeyId, publicJwk } from '../ob3/issuer';
import {
  deserializeKey,
  generateEd25519Key,
  generateP256Key,
  publicKeyOf,
  serializeKey,
  type Ed25519Key,
  type IssuerKey,
  type P256Key,
} from '../ob3/keys';
import { endorserBase, offlineKeys, type Endorser } from './endorsers';
import { insertEndorserKey, keysOfEndorser } from './endorsements.store';

export interface EndorserIdentity {
  endorser: Endorser;
  /** did:web of PUBLIC_URL/endorsers/<key> over https, else did:key of its Ed25519 key. */
  issuerId: string;
  /** Public keys, as its DID document and JWK URLs publish them. */
  keys: IssuerKey[];
  base: string;
  /** The VC-JWT kid of its P-256 key, when it has one. */
  jwtKid?: string;
  /** Hosted mode only: the keys the platform signs with. */
  signing?: { ed25519: Ed25519Key; p256: P256Key };
}

/** Hosted endorsers get their own keys at the first start, distinct from the issuer's, sealed like them. */
export async function ensureHostedKeys(db: Db, endorser: Endorser, secret: string | undefined) {
  if (endorser.mode !== 'hosted') return;
  const have = new Set((await keysOfEndorser(db, endorser.key)).map((r) => r.type));
  if (!have.has('Ed25519')) await insertEndorserKey(db, endorser.key, serializeKey(await generateEd25519Key(), secret));
  if (!have.has('P-256')) await insertEndorserKey(db, endorser.key, serializeKey(generateP256Key(), secret));
}

/** Who the endorser is and which keys speak for it; `withPrivate` opens the hosted keys (sealed at rest). */
export async function endorserIdentity(
  db: Db,
  endorser: Endorser,
  options: { publicUrl: string; secret?: string; withPrivate?: boolean },
): Promise<EndorserIdentity> {
  const base = endorserBase(options.publicUrl, endorser.key);
  let keys: IssuerKey[];
  let signing: EndorserIdentity['signing'];
  if (endorser.mode === 'offline') keys = offlineKeys(endorser);
  else {
    const rows = await keysOfEndorser(db, endorser.key);
    const opened = rows.map((r) =>
      deserializeKey(options.withPrivate ? r.key : { ...r.key, privateKey: undefined }, options.secret),
    );
    const ed25519 = opened.find((k): k is Ed25519Key => k.type === 'Ed25519');
    const p256 = opened.find((k): k is P256Key => k.type === 'P-256');
    if (!ed25519 || !p256) throw new AppError('CREDENTIAL_KEYS_MISSING', 500);
    keys = opened.map(publicKeyOf);
    if (options.withPrivate) signing = { ed25519, p256 };
  }
  const ed = keys.find((k): k is Ed25519Key => k.type === 'Ed25519')!;
  const issuerId = issuerDid(base, ed);
  const p = keys.find((k) => k.type === 'P-256');
  return { endorser, issuerId, keys, base, ...(p ? { jwtKid: jwtKeyId(issuerId, base, p) } : {}), signing };
}

/** The endorser's published documents by path under /endorsers/<key>: DID document, one JWK. */
export function identityDocument(identity: EndorserIdentity, rest: string): Record<string, unknown> | undefined {
  if (rest === '/did.json') return didDocument(identity.issuerId, identity.keys);
  const jwk = /^\/jwk\/([A-Za-z0-9_-]{1,100})$/.exec(rest);
  return jwk ? publicJwk(identity.keys, jwk[1]!) : undefined;
}

import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { issuerDid, jwtKeyId } from '../ob3/issuer';
import { deserializeKey, type Ed25519Key, type IssuerKey, type P256Key } from '../ob3/keys';
import { listKeys, type IssuerKeyRow } from './keys.store';

/** The keys that sign new credentials, and the issuer id they make. */
export interface SigningKeys {
  issuerId: string;
  ed25519: Ed25519Key;
  p256: P256Key;
  jwtKid: string;
}

export interface Keyring {
  publicUrl: string;
  /** Active keys with their private parts; re-read at most every few seconds (another instance may rotate). */
  signing(db: Db): Promise<SigningKeys>;
  /** Drop what `signing` remembers (after a rotation in this process). */
  forget(): void;
  /** Every key, public parts only, with the current issuer id: DID document, JWKS. */
  published(db: Db): Promise<{ issuerId: string; keys: IssuerKey[] }>;
  /** The Ed25519 key that signs as `issuerId`: the active one, or for an older did:key its own. */
  signerFor(db: Db, issuerId: string): Promise<Ed25519Key>;
  jwtKid(issuerId: string, key: IssuerKey): string;
}

// A rotation made by another instance reaches this one within this delay; until then it signs
// with the retired keys, which stay published and valid, so nothing it issues is lost.
const SIGNING_TTL_MS = 5_000;

/**
 * The signing keys are remembered for a few seconds (issuance is then one query lighter); the
 * published set is read on every call. A private part is unsealed once per process: scrypt is
 * deliberately slow, and a key's material never changes under its id.
 */
export function createKeyring(options: { publicUrl: string; secret?: string }): Keyring {
  const { publicUrl, secret } = options;
  const opened = new Map<string, IssuerKey>();
  const open = (row: IssuerKeyRow): IssuerKey => {
    let key = opened.get(row.id);
    if (!key) opened.set(row.id, (key = deserializeKey(row.key, secret)));
    return key;
  };
  const publicOnly = (row: IssuerKeyRow) => deserializeKey({ ...row.key, privateKey: undefined });
  const activeRows = async (db: Db) => {
    const rows = await listKeys(db);
    const ed = rows.find((r) => r.status === 'active' && r.type === 'Ed25519');
    const p = rows.find((r) => r.status === 'active' && r.type === 'P-256');
    if (!ed || !p) throw new AppError('CREDENTIAL_KEYS_MISSING', 500);
    return { rows, ed, p };
  };
  const jwtKid = (issuerId: string, key: IssuerKey) => jwtKeyId(issuerId, publicUrl, key);
  let remembered: { keys: SigningKeys; until: number } | undefined;

  return {
    publicUrl,
    jwtKid,
    async signing(db) {
      if (remembered && remembered.until > Date.now()) return remembered.keys;
      const { ed, p } = await activeRows(db);
      const ed25519 = open(ed) as Ed25519Key;
      const p256 = open(p) as P256Key;
      const issuerId = issuerDid(publicUrl, ed25519);
      const keys = { issuerId, ed25519, p256, jwtKid: jwtKid(issuerId, p256) };
      remembered = { keys, until: Date.now() + SIGNING_TTL_MS };
      return keys;
    },
    forget() {
      remembered = undefined;
    },
    async published(db) {
      const { rows, ed } = await activeRows(db);
      return { issuerId: issuerDid(publicUrl, publicOnly(ed) as Ed25519Key), keys: rows.map(publicOnly) };
    },
    async signerFor(db, issuerId) {
      const { rows, ed } = await activeRows(db);
      const candidates = [ed, ...rows.filter((r) => r.type === 'Ed25519' && r !== ed)];
      const row = candidates.find((r) => issuerDid(publicUrl, publicOnly(r) as Ed25519Key) === issuerId);
      if (!row) throw new AppError('CREDENTIAL_KEY_NOT_FOUND', 500, { keyId: issuerId });
      return open(row) as Ed25519Key;
    },
  };
}

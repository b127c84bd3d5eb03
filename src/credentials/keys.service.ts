import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { isSealed } from '../ob3/secret-box';
import { deserializeKey, generateEd25519Key, generateP256Key, serializeKey } from '../ob3/keys';
import { insertActiveKeyIfAbsent, listKeys, listKeysForUpdate, replaceStoredKey, retireActiveKeys } from './keys.store';
import type { Keyring } from './keyring';

/** What the CLI's key commands (and their tests) read or clean up in the key store. */
export { listKeys, purgeOldKeyVersions } from './keys.store';

/**
 * At every start: an active Ed25519 and P-256 key exist (generated on the first start),
 * private parts sealed when PARCOURS_KEY_SECRET is set (keys stored before it was set get
 * sealed now), and the active keys open: a wrong secret stops the start, not the first award.
 */
export async function ensureIssuerKeys(db: Db, keyring: Keyring, secret: string | undefined, now = new Date()) {
  const rows = await listKeys(db);
  const active = new Set(rows.filter((r) => r.status === 'active').map((r) => r.type));
  // Insert-if-absent then re-read: two instances starting together end up with one key each.
  if (!active.has('Ed25519')) await insertActiveKeyIfAbsent(db, serializeKey(await generateEd25519Key(now), secret));
  if (!active.has('P-256')) await insertActiveKeyIfAbsent(db, serializeKey(generateP256Key(now), secret));
  if (secret && rows.some((r) => r.key.privateKey && !isSealed(r.key.privateKey))) await encryptStoredKeys(db, secret);
  keyring.forget();
  return keyring.signing(db);
}

/** `keys rotate`: new active keys; the old ones are retired, still published, never deleted. */
export async function rotateIssuerKeys(db: Db, keyring: Keyring, secret: string | undefined, now = new Date()) {
  const ed25519 = serializeKey(await generateEd25519Key(now), secret);
  const p256 = serializeKey(generateP256Key(now), secret);
  const retired = await db.transaction(async (tx) => {
    const ids = await retireActiveKeys(tx, now);
    await insertActiveKeyIfAbsent(tx, ed25519);
    await insertActiveKeyIfAbsent(tx, p256);
    return ids;
  });
  keyring.forget();
  return { retired, active: await keyring.signing(db) };
}

export interface KeyEncryption {
  /** Private parts found in clear and sealed now. */
  encrypted: Array<{ id: string; type: string }>;
  /** Already sealed (under this secret: each was opened to check). */
  alreadySealed: Array<{ id: string; type: string }>;
  /** Retired keys kept without a private part: nothing to seal. */
  publicOnly: Array<{ id: string; type: string }>;
}

/**
 * `keys encrypt` (and every start with a secret): seals the private parts stored in clear, in
 * one transaction with the rows locked, so two instances or a start and the CLI cannot
 * interleave. Idempotent. Each sealed value is opened again before it is written, and a key
 * already sealed under another secret stops everything (`CREDENTIAL_KEY_DECRYPT_FAILED`, nothing
 * changed): a wrong secret never leaves keys sealed under two different ones.
 */
export async function encryptStoredKeys(db: Db, secret: string): Promise<KeyEncryption> {
  return db.transaction(async (tx) => {
    const result: KeyEncryption = { encrypted: [], alreadySealed: [], publicOnly: [] };
    for (const row of await listKeysForUpdate(tx)) {
      const entry = { id: row.id, type: row.type };
      if (!row.key.privateKey) {
        result.publicOnly.push(entry);
        continue;
      }
      const key = deserializeKey(row.key, secret);
      if (isSealed(row.key.privateKey)) {
        result.alreadySealed.push(entry);
        continue;
      }
      const sealed = serializeKey(key, secret);
      if (JSON.stringify(deserializeKey(sealed, secret)) !== JSON.stringify(key))
        throw new AppError('CREDENTIAL_KEY_UNREADABLE', 500);
      await replaceStoredKey(tx, row.id, sealed);
      result.encrypted.push(entry);
    }
    return result;
  });
}

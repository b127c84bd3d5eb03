import type { Db } from '../db/client';
import { isSealed } from '../credentials/secret-box';
import { deserializeKey, generateEd25519Key, generateP256Key, serializeKey } from '../credentials/keys';
import { insertActiveKeyIfAbsent, listKeys, replaceStoredKey, retireActiveKeys } from './keys.store';
import type { Keyring } from './keyring';

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
  if (secret) {
    for (const row of rows) {
      if (row.key.privateKey && !isSealed(row.key.privateKey)) {
        await replaceStoredKey(db, row.id, serializeKey(deserializeKey(row.key), secret));
      }
    }
  }
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

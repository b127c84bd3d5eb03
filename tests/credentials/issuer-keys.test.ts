import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type ScratchDatabase } from '../helpers/db';
import { runMigrations } from '../../src/db/migrate';
import { isSealed } from '../../src/ob3/secret-box';
import { createKeyring } from '../../src/credentials/keyring';
import { ensureIssuerKeys } from '../../src/credentials/keys.service';
import { listKeys } from '../../src/credentials/keys.store';
import { issuerKeys } from '../../src/credentials/credentials.tables';

const SECRET = 'un-secret-de-deploiement-assez-long-0123456789';
let scratch: ScratchDatabase;
beforeAll(async () => {
  scratch = await createTestDatabase();
  await runMigrations(scratch.database);
});
afterAll(async () => scratch?.drop());

describe('issuer keys at start', () => {
  it('two instances starting together end with one active key of each type, the same for both', async () => {
    const { db } = scratch.database;
    const [a, b] = await Promise.all(
      [1, 2].map(() => ensureIssuerKeys(db, createKeyring({ publicUrl: 'http://parcours.test' }), undefined)),
    );
    const rows = await listKeys(db);
    expect(rows.map((r) => [r.type, r.status]).sort()).toEqual([
      ['Ed25519', 'active'],
      ['P-256', 'active'],
    ]);
    expect(a!.issuerId).toBe(b!.issuerId);
    expect(a!.p256.id).toBe(b!.p256.id);
    // A restart keeps them.
    const again = await ensureIssuerKeys(db, createKeyring({ publicUrl: 'http://parcours.test' }), undefined);
    expect(again.ed25519.id).toBe(a!.ed25519.id);
  });

  it('seals the private parts once PARCOURS_KEY_SECRET is set, and refuses to start with a wrong one', async () => {
    const { db } = scratch.database;
    expect((await listKeys(db)).every((r) => !isSealed(r.key.privateKey!))).toBe(true);
    const before = await ensureIssuerKeys(db, createKeyring({ publicUrl: 'http://parcours.test' }), undefined);
    const sealed = await ensureIssuerKeys(
      db,
      createKeyring({ publicUrl: 'http://parcours.test', secret: SECRET }),
      SECRET,
    );
    expect(sealed.ed25519.secretKeyMultibase).toBe(before.ed25519.secretKeyMultibase);
    const rows = await db.select().from(issuerKeys);
    expect(rows.every((r) => isSealed(r.key.privateKey!))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(before.ed25519.secretKeyMultibase);
    await expect(
      ensureIssuerKeys(db, createKeyring({ publicUrl: 'http://parcours.test', secret: `${SECRET}x` }), `${SECRET}x`),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_KEY_DECRYPT_FAILED' });
    await expect(
      ensureIssuerKeys(db, createKeyring({ publicUrl: 'http://parcours.test' }), undefined),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_KEY_DECRYPT_FAILED' });
  });
});

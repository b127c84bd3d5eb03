import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCredentialsService } from '../../src/credentials/credentials.service';
import { credentialsOf, download, earnTopic, servicesOf, startWorld, type CredentialsWorld } from './app-helpers';

/**
 * Verification remembers our published keys (remembered-keys.ts). A rotation made by another
 * instance is not in that memory: a credential signed with the new key must still verify here.
 */
describe('our keys as verification remembers them', () => {
  let w: CredentialsWorld;
  const publicUrl = 'https://badges.parcours.test';
  beforeAll(async () => {
    w = await startWorld({ publicUrl });
  });
  afterAll(async () => w?.stopAll());

  const verify = async (json: string) => servicesOf(w).credentials.verify(w.database.db, json);
  const earned = async (email: string) => {
    const [credential] = await credentialsOf(w, await earnTopic(w, email, 'juridique'), email);
    return (await download(w, credential!.links.json)).body;
  };

  it('a credential signed with a key another instance just added verifies, and is ours', async () => {
    const before = await earned('avant@commune.example');
    expect((await verify(before)).valid).toBe(true); // this instance now remembers the keys

    // Another instance on the same database rotates: this one is not told.
    const { config, programme } = servicesOf(w);
    const other = buildCredentialsService({ config, programme });
    try {
      await other.rotateKeys(w.database.db);
    } finally {
      await other.close();
    }
    servicesOf(w).credentials.deps.keyring.forget(); // signs with the new key right away
    const after = await earned('apres@commune.example');
    const newKey = JSON.parse(after).proof[0].verificationMethod;
    expect(newKey).not.toBe(JSON.parse(before).proof[0].verificationMethod);

    const result = await verify(after);
    expect(result.checks.filter((c) => c.ok !== true)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.issuedByThisPlatform).toBe(true);
    expect((await verify(before)).valid).toBe(true);
  });
});

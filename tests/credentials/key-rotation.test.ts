import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysCommand } from '../../src/cli/keys.cli';
import { parseArgs } from '../../src/cli/args';
import {
  credentialsOf,
  download,
  earnTopic,
  independentlyVerify,
  joseVerify,
  servicesOf,
  startWorld,
  verifyOverHttp,
  type CredentialsWorld,
} from './app-helpers';

const allPass = async (w: CredentialsWorld, body: string) => {
  const res = await verifyOverHttp(w, body);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .checks.filter((c: { ok: unknown }) => c.ok !== true)
    .map((c: { check: string; code: string }) => `${c.check}:${c.code}`);
};

/** `npm run cli -- keys rotate`, run as the CLI runs it, on the platform's own core. */
async function rotate(w: CredentialsWorld) {
  const log = console.log;
  console.log = () => {};
  try {
    await keysCommand(servicesOf(w), parseArgs(['rotate']));
  } finally {
    console.log = log;
  }
}

for (const [mode, publicUrl] of [
  ['did:key', 'http://parcours.test'],
  ['did:web', 'https://badges.parcours.test'],
] as const) {
  describe(`key rotation, ${mode} issuer`, () => {
    let w: CredentialsWorld;
    beforeAll(async () => {
      w = await startWorld({ publicUrl });
    });
    afterAll(async () => w?.stopAll());

    it('[200] credentials signed before a rotation still verify everywhere, new ones use the new keys', async () => {
      const before = (
        await credentialsOf(w, await earnTopic(w, 'avant@commune.example', 'juridique'), 'avant@commune.example')
      )[0]!;
      const oldJson = (await download(w, before.links.json)).body;
      const oldJwt = (await download(w, before.links.jwt)).body;
      const oldIssuer = JSON.parse(oldJson).issuer.id;
      expect(oldIssuer).toMatch(mode === 'did:web' ? /^did:web:badges\.parcours\.test$/ : /^did:key:z6Mk/);

      await rotate(w);
      const did = (await download(w, `${publicUrl}/.well-known/did.json`)).json();
      const jwks = (await download(w, `${publicUrl}/.well-known/jwks.json`)).json();
      expect(jwks.keys).toHaveLength(2);
      expect(did.verificationMethod).toHaveLength(mode === 'did:web' ? 4 : 1);

      expect(await allPass(w, oldJson)).toEqual([]);
      expect(await allPass(w, oldJwt)).toEqual([]);
      expect((await independentlyVerify(w, JSON.parse(oldJson))).verified).toBe(true);
      await expect(joseVerify(w, oldJwt)).resolves.toBeTruthy();

      const after = (
        await credentialsOf(w, await earnTopic(w, 'apres@commune.example', 'admin'), 'apres@commune.example')
      )[0]!;
      const newJson = (await download(w, after.links.json)).body;
      expect(JSON.parse(newJson).proof[0].verificationMethod).not.toBe(JSON.parse(oldJson).proof[0].verificationMethod);
      expect(JSON.parse(newJson).issuer.id === oldIssuer).toBe(mode === 'did:web');
      expect(await allPass(w, newJson)).toEqual([]);
      await expect(joseVerify(w, (await download(w, after.links.jwt)).body)).resolves.toBeTruthy();
      expect((await download(w, `${publicUrl}/issuer`)).json().id).toBe(JSON.parse(newJson).issuer.id);
    });

    it('[200] a credential from before the rotation can still be revoked, and is seen revoked', async () => {
      const [before] = await credentialsOf(
        w,
        (await w.app.inject({ url: '/api/learners', headers: await w.adminAuth() }))
          .json()
          .learners.find((l: { email: string }) => l.email === 'avant@commune.example').id,
        'avant@commune.example',
      );
      const res = await w.app.inject({
        method: 'POST',
        url: `/api/credentials/${before!.id}/revoke`,
        headers: await w.adminAuth(),
        payload: { reason: 'Erreur de saisie' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await allPass(w, (await download(w, before!.links.json)).body)).toEqual(['status:VERIFY_STATUS_REVOKED']);
    });
  });
}

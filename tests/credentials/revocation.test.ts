import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { answer, learnerAuth } from '../badges/helpers';
import {
  credentialsOf,
  download,
  earnTopic,
  independentlyVerify,
  servicesOf,
  startWorld,
  verifyOverHttp,
  type CredentialsWorld,
} from './app-helpers';
import { programmeCopy, type ProgrammeJson } from './programme-copy';
import { outbox as outboxTable } from '../../src/notifications/outbox.tables';

/** An independent reader of a BitstringStatusListCredential: multibase base64url, GZIP, bit 0 = left-most. */
async function readBit(w: CredentialsWorld, credentialJson: string) {
  const { statusListCredential, statusListIndex } = JSON.parse(credentialJson).credentialStatus;
  const list = (await download(w, statusListCredential)).json();
  const encoded: string = list.credentialSubject.encodedList;
  expect(encoded[0]).toBe('u');
  const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  expect(bytes.length * 8).toBeGreaterThanOrEqual(131_072);
  const index = Number(statusListIndex);
  const byHand = ((bytes[index >> 3]! >> (7 - (index & 7))) & 1) === 1;
  expect((await decodeList({ encodedList: encoded })).getStatus(index)).toBe(byHand);
  return { revoked: byHand, list };
}

const revoke = async (
  w: CredentialsWorld,
  id: string,
  reason = 'Présence à l’atelier enregistrée par erreur',
  headers?: Record<string, string>,
) =>
  w.app.inject({
    method: 'POST',
    url: `/api/credentials/${id}/revoke`,
    headers: headers ?? (await w.adminAuth()),
    payload: { reason },
  });

const statusCheck = async (w: CredentialsWorld, json: string) =>
  (await verifyOverHttp(w, json, 'application/json'))
    .json()
    .checks.find((c: { check: string }) => c.check === 'status');

describe('revocation with the default programme', () => {
  let w: CredentialsWorld;
  let learner: string;
  let neighbour: string;
  const EMAIL = 'marc.durand@cc-lacs.example';
  beforeAll(async () => {
    w = await startWorld();
    learner = await earnTopic(w, EMAIL, 'juridique');
    await earnTopic(w, EMAIL, 'management');
    await earnTopic(w, EMAIL, 'admin');
    neighbour = await earnTopic(w, 'voisine@cc-lacs.example', 'juridique');
  });
  afterAll(async () => w?.stopAll());
  const byKey = async () => new Map((await credentialsOf(w, learner, EMAIL)).map((c) => [c.badgeKey, c]));

  it('[200] sets the bit, re-signs the list, and takes the meta-badge with it', async () => {
    const held = await byKey();
    expect([...held.keys()].sort()).toEqual(['data-admin', 'data-juridique', 'data-management', 'parcours-data']);
    const juridique = held.get('data-juridique')!;
    const json = (await download(w, juridique.links.json)).body;
    const metaJson = (await download(w, held.get('parcours-data')!.links.json)).body;
    expect((await readBit(w, json)).revoked).toBe(false);

    const res = await revoke(w, juridique.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revoked.map((r: { badgeKey: string }) => r.badgeKey)).toEqual([
      'data-juridique',
      'parcours-data',
    ]);
    expect(res.json().revoked[1].reason).toMatch(
      /^Révoqué avec le badge « data juridique » dont il dépend : sa règle n’est plus remplie\. Motif : Présence/,
    );

    const { revoked, list } = await readBit(w, json);
    expect(revoked).toBe(true);
    expect((await readBit(w, metaJson)).revoked).toBe(true);
    expect((await independentlyVerify(w, list)).verified).toBe(true);
    expect(await statusCheck(w, json)).toMatchObject({
      ok: false,
      code: 'VERIFY_STATUS_REVOKED',
      message: 'Ce badge a été révoqué par son émetteur.',
    });
    expect((await statusCheck(w, metaJson)).code).toBe('VERIFY_STATUS_REVOKED');
    expect((await verifyOverHttp(w, (await download(w, juridique.links.png)).rawPayload)).json().valid).toBe(false);
  });

  it('[200] leaves every other credential as it was, and the learner sees the status', async () => {
    const theirs = (
      await w.app.inject({ url: `/api/learners/${neighbour}/credentials`, headers: await w.adminAuth() })
    ).json().credentials;
    expect(theirs.map((c: { badgeKey: string; status: string }) => [c.badgeKey, c.status])).toEqual([
      ['data-juridique', 'active'],
    ]);
    const theirJson = (await download(w, theirs[0].links.json)).body;
    expect((await readBit(w, theirJson)).revoked).toBe(false);
    const held = await byKey();
    expect(held.get('data-juridique')).toMatchObject({
      status: 'revoked',
      revocationReason: 'Présence à l’atelier enregistrée par erreur',
    });
    expect(held.get('parcours-data')!.status).toBe('revoked');
    for (const key of ['data-management', 'data-admin']) {
      const json = (await download(w, held.get(key)!.links.json)).body;
      expect((await readBit(w, json)).revoked, key).toBe(false);
      expect((await verifyOverHttp(w, json)).json().valid, key).toBe(true);
    }
  });

  it('[smtp] tells the learner, once per credential, and the audit log keeps who and why', async () => {
    await w.deliver();
    const mails = await Promise.all(
      ['« data juridique » a été révoqué', '« parcours data » a été révoqué'].map((s) =>
        w.smtp.waitFor((m) => m.subject?.includes(s) ?? false),
      ),
    );
    expect(mails[0]!.text).toContain('Motif : Présence à l’atelier enregistrée par erreur');
    expect(mails[1]!.text).toContain('Ce badge reposait sur le badge « data juridique », révoqué lui aussi');
    const audit = (await w.app.inject({ url: '/api/audit', headers: await w.adminAuth() })).json();
    const entries = JSON.stringify(audit);
    expect(entries).toContain('credential.revoke');
    expect(entries).toContain('admin@parcours.test');
  });

  it('[409] twice; [404] unknown; [403] a learner; [400] no reason', async () => {
    const juridique = (await byKey()).get('data-juridique')!;
    expect((await revoke(w, juridique.id)).json()).toMatchObject({ code: 'CREDENTIAL_ALREADY_REVOKED' });
    const unknown = await revoke(w, '00000000-0000-4000-8000-000000000000');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CREDENTIAL_NOT_FOUND']);
    const other = (await byKey()).get('data-admin')!;
    expect((await revoke(w, other.id, 'parce que', learnerAuth(w, learner, EMAIL))).statusCode).toBe(403);
    expect((await revoke(w, other.id, '')).statusCode).toBe(400);
  });

  it('[200] a learner merge can revoke the credentials of the awards it drops, without e-mail', async () => {
    const [theirs] = (
      await w.app.inject({ url: `/api/learners/${neighbour}/credentials`, headers: await w.adminAuth() })
    ).json().credentials;
    const progress = (
      await w.app.inject({ url: `/api/learners/${neighbour}/progress`, headers: await w.adminAuth() })
    ).json();
    const awardId = progress.badges.find((b: { key: string }) => b.key === 'data-juridique').awardId;
    const outbox = await w.database.db.select().from(outboxTable);
    const revoked = await w.database.db.transaction((tx) =>
      servicesOf(w).credentials.revokeForAwards(tx, null, [awardId], 'Doublon fusionné'),
    );
    expect(revoked).toEqual([{ id: theirs.id, badgeKey: 'data-juridique', reason: 'Doublon fusionné' }]);
    expect((await readBit(w, (await download(w, theirs.links.json)).body)).revoked).toBe(true);
    expect(await w.database.db.select().from(outboxTable)).toHaveLength(outbox.length);
  });

  it('[200] a revoked badge is not awarded again by a later evaluation', async () => {
    const res = await answer(w, learnerAuth(w, learner, EMAIL), 'quiz-juridique');
    expect(res.statusCode, res.body).toBe(201);
    expect(
      [...(await byKey()).values()]
        .filter((c) => c.status === 'active')
        .map((c) => c.badgeKey)
        .sort(),
    ).toEqual(['data-admin', 'data-management']);
  });
});

describe('revocation when the meta-badge asks for two of three', () => {
  let w: CredentialsWorld;
  const EMAIL = 'ines@departement.example';
  const twoOfThree = (file: string, json: ProgrammeJson) => {
    if (file === 'parcours-data.json') json.rule = { atLeast: { n: 2, of: json.rule.allOf } };
  };
  beforeAll(async () => {
    w = await startWorld({ paths: { badgesDir: programmeCopy(twoOfThree), quizzesDir: resolve('quizzes') } });
  });
  afterAll(async () => w?.stopAll());

  it('[200] keeps the meta-badge while the learner still qualifies, revokes it once they do not', async () => {
    const learner = await earnTopic(w, EMAIL, 'juridique');
    await earnTopic(w, EMAIL, 'management');
    await earnTopic(w, EMAIL, 'admin');
    const held = new Map((await credentialsOf(w, learner, EMAIL)).map((c) => [c.badgeKey, c]));
    expect(held.get('parcours-data')!.status).toBe('active');
    expect(
      (await revoke(w, held.get('data-admin')!.id)).json().revoked.map((r: { badgeKey: string }) => r.badgeKey),
    ).toEqual(['data-admin']);
    const second = await revoke(w, held.get('data-juridique')!.id, 'Questionnaire rempli par un tiers');
    expect(second.json().revoked.map((r: { badgeKey: string }) => r.badgeKey)).toEqual([
      'data-juridique',
      'parcours-data',
    ]);
    const after = new Map((await credentialsOf(w, learner, EMAIL)).map((c) => [c.badgeKey, c]));
    expect([...after.values()].map((c) => [c.badgeKey, c.status]).sort()).toEqual([
      ['data-admin', 'revoked'],
      ['data-juridique', 'revoked'],
      ['data-management', 'active'],
      ['parcours-data', 'revoked'],
    ]);
  });
});

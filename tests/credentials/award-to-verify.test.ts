import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { ParsedMail } from 'mailparser';
import {
  credentialsOf,
  download,
  earnTopic,
  independentlyVerify,
  joseVerify,
  schemaVariants,
  startWorld,
  verifyOverHttp,
  type CredentialsWorld,
} from './app-helpers';
import { pngChunks, readItxt, replaceItxtText } from './png-reader';
import { programmeCopy, withOeuvre } from './programme-copy';
import { learnerAuth } from '../badges/helpers';

const EMAIL = 'chloe.lefevre@mairie-valbrune.example';
let w: CredentialsWorld;
let mail: ParsedMail;
let links: Record<'page' | 'json' | 'jwt' | 'png' | 'svg', string>;
let json: string;
let jwt: string;
let png: Buffer;
let svg: string;
let learnerId: string;

beforeAll(async () => {
  w = await startWorld({ paths: { badgesDir: programmeCopy(withOeuvre), quizzesDir: resolve('quizzes') } });
  learnerId = await earnTopic(w, EMAIL, 'juridique');
  await w.deliver();
  mail = await w.smtp.waitFor((m) => m.subject === 'Votre badge « data juridique — cœur de métier »');
  const [credential] = await credentialsOf(w, learnerId, EMAIL);
  links = credential!.links;
  json = (await download(w, links.json)).body;
  jwt = (await download(w, links.jwt)).body;
  png = (await download(w, links.png)).rawPayload;
  svg = (await download(w, links.svg)).body;
});
afterAll(async () => w?.stopAll());

describe('award → e-mail', () => {
  it('[smtp] sends the French award e-mail with the image, the page, every download and LinkedIn', () => {
    expect(mail.to).toMatchObject({ text: EMAIL });
    for (const url of Object.values(links)) expect(mail.text).toContain(url);
    expect(mail.html).toContain(`src="http://parcours.test/achievements/data-juridique/image.png"`);
    const linkedIn = new URL(/https:\/\/www\.linkedin\.com\/profile\/add\?\S+/.exec(mail.text!)![0]);
    const id = links.page.split('/').pop();
    expect(Object.fromEntries(linkedIn.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'data juridique — cœur de métier',
      organizationName: 'Parcours data — Région Bourgogne-Franche-Comté',
      issueYear: String(new Date().getUTCFullYear()),
      issueMonth: String(new Date().getUTCMonth() + 1),
      certUrl: links.page,
      certId: id,
    });
  });
});

describe('award → progress', () => {
  it('[200] the learner’s progress names the credential of the earned badge', async () => {
    const res = await w.app.inject({ url: '/api/me/progress', headers: learnerAuth(w, learnerId, EMAIL) });
    const badge = res.json().badges.find((b: { key: string }) => b.key === 'data-juridique');
    expect(badge).toMatchObject({ status: 'earned', credentialId: links.page.split('/').pop() });
  });
});

describe('downloads, checked by code that is not ours', () => {
  it('[200] JSON: application/vc+ld+json, valid against both 1EdTech schema variants', async () => {
    const res = await download(w, links.page);
    expect(res.headers['content-type']).toMatch(/^application\/vc\+ld\+json/);
    expect(res.body).toBe(json);
    const credential = JSON.parse(json);
    for (const [name, validate] of Object.entries(schemaVariants))
      expect(validate(credential), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('[200] JSON: the learner is a salted sha256 of the e-mail; evidence and result travel inside', () => {
    const { credentialSubject: subject, evidence, id } = JSON.parse(json);
    const [identity] = subject.identifier;
    expect(identity).toMatchObject({ type: 'IdentityObject', hashed: true, identityType: 'emailAddress' });
    expect(identity.identityHash).toBe(
      `sha256$${createHash('sha256')
        .update(EMAIL + identity.salt)
        .digest('hex')}`,
    );
    expect(json).not.toContain(EMAIL);
    expect(id).toBe(links.page);
    expect(evidence.map((e: { name: string }) => e.name)[0]).toBe(
      'Webinaire #1 — Les enjeux : rôle de la donnée, œuvres, manœuvres et vœux…',
    );
    expect(evidence).toHaveLength(3);
    expect(subject.result).toEqual([
      {
        type: ['Result'],
        resultDescription: 'http://parcours.test/achievements/data-juridique#quiz-juridique',
        value: '100',
      },
    ]);
    expect(subject.achievement.resultDescription[0]).toMatchObject({
      resultType: 'Percent',
      valueMin: '0',
      valueMax: '100',
    });
  });

  it(
    '[200] JSON: the Data Integrity proof verifies with @digitalbazaar/vc and an independent loader (œ and accents ' +
      'included)',
    async () => {
      const result = await independentlyVerify(w, JSON.parse(json));
      expect(result.verified, JSON.stringify(result.error)).toBe(true);
      expect(JSON.parse(json).credentialSubject.achievement.description).toMatch(/^Œuvre collective/);
    },
  );

  it('[200] JWT: text/plain, verified by jose against our JWKS, claims equal to the credential', async () => {
    expect((await download(w, links.jwt)).headers['content-type']).toMatch(/^text\/plain/);
    const { payload } = await joseVerify(w, jwt);
    const credential = JSON.parse(json);
    expect(payload).toMatchObject({
      iss: credential.issuer.id,
      jti: credential.id,
      nbf: Date.parse(credential.validFrom) / 1000,
    });
    const { iss: _i, jti: _j, nbf: _n, ...rest } = payload;
    expect(rest).toEqual(credential);
  });

  it('[200] PNG: one uncompressed iTXt openbadgecredential chunk holding the credential', async () => {
    const chunks = pngChunks(png)
      .filter((c) => c.type === 'iTXt')
      .map((c) => readItxt(c.data))
      .filter((c) => c.keyword === 'openbadgecredential');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.compressed).toBe(0);
    expect(JSON.parse(chunks[0]!.text)).toEqual(JSON.parse(json));
  });

  it('[200] SVG: <openbadges:credential> first in the root, the credential in CDATA', () => {
    expect(svg).toMatch(
      /^<svg [^>]*xmlns:openbadges="https:\/\/purl\.imsglobal\.org\/ob\/v3p0"[^>]*><openbadges:credential><!\[CDATA\[/,
    );
    const inner = /<openbadges:credential><!\[CDATA\[([\s\S]*?)\]\]><\/openbadges:credential>/.exec(svg)![1]!;
    expect(JSON.parse(inner)).toEqual(JSON.parse(json));
  });

  it('[200] POST /api/verify accepts each of the four downloads as they are', async () => {
    for (const [format, body, type] of [
      ['json', json, 'application/json'],
      ['jwt', jwt, 'text/plain'],
      ['png', png, 'image/png'],
      ['svg', svg, 'image/svg+xml'],
    ] as const) {
      const res = await verifyOverHttp(w, body, type);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json(), format).toMatchObject({
        valid: true,
        format,
        issuer: { id: JSON.parse(json).issuer.id },
        achievement: { name: 'data juridique — cœur de métier' },
      });
      expect(res.json().checks.map((c: { check: string; ok: boolean }) => [c.check, c.ok])).toEqual([
        ['parse', true],
        ['schema', true],
        ['proof', true],
        ['status', true],
        ['validity', true],
        ['issuer', true],
      ]);
    }
  });
});

describe('one character changed', () => {
  const failingProof = async (body: string | Buffer) => {
    const res = await verifyOverHttp(w, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().valid).toBe(false);
    return res.json().checks.find((c: { check: string }) => c.check === 'proof');
  };

  it('[200] in the JSON: the independent verifier and /api/verify both fail, naming the proof', async () => {
    const tampered = json.replace('cœur de métier', 'cœur de métiEr');
    expect(tampered).not.toBe(json);
    expect((await independentlyVerify(w, JSON.parse(tampered))).verified).toBe(false);
    expect(await failingProof(tampered)).toMatchObject({ ok: false, code: 'VERIFY_PROOF_INVALID' });
  });

  it('[200] in the JWT payload: jose and /api/verify both fail', async () => {
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = Buffer.from(p, 'base64url').toString('utf8').replace('métier', 'métiEr');
    const tampered = `${h}.${Buffer.from(payload).toString('base64url')}.${s}`;
    await expect(joseVerify(w, tampered)).rejects.toThrow();
    expect((await failingProof(tampered)).ok).toBe(false);
  });

  it('[200] in the baked PNG (CRC recomputed) and SVG: /api/verify fails', async () => {
    expect((await failingProof(replaceItxtText(png, 'cœur de métier', 'cœur de métiEr'))).ok).toBe(false);
    expect((await failingProof(svg.replace('cœur de métier', 'cœur de métiEr'))).ok).toBe(false);
  });
});

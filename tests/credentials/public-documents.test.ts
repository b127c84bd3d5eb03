import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { learners } from '../../src/learners/learners.tables';
import { prefersHtml } from '../../src/credentials/credentials.plugin';
import { credentialsOf, download, earnTopic, startWorld, type CredentialsWorld } from './app-helpers';
import { pngChunks } from './png-reader';
import { attend } from '../badges/helpers';

/** 1EdTech's own definitions of Achievement and Profile, from the credential schema's $defs. */
const schema = JSON.parse(
  readFileSync(
    new URL('../../src/ob3/schemas/formal-2024/ob_v3p0_achievementcredential_schema.json', import.meta.url),
    'utf8',
  ),
);
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(schema);
const validDef = (def: string, data: unknown) => {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${def}`)!;
  return validate(data) ? true : JSON.stringify(validate.errors);
};

let w: CredentialsWorld;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => w?.stopAll());

describe('the issuer, did:key (http PUBLIC_URL)', () => {
  it('[200] did.json: the did:key document of the active Ed25519 key, as assertion method', async () => {
    const res = await download(w, 'http://parcours.test/.well-known/did.json');
    expect(res.headers['content-type']).toMatch(/^application\/did\+ld\+json/);
    const doc = res.json();
    expect(doc.id).toMatch(/^did:key:z6Mk/);
    expect(doc.verificationMethod).toEqual([
      expect.objectContaining({ type: 'Multikey', controller: doc.id, publicKeyMultibase: doc.id.slice(8) }),
    ]);
    expect(doc.assertionMethod).toEqual([doc.verificationMethod[0].id]);
  });

  it('[200] jwks.json: application/jwk-set+json, public P-256 only, kid as our JWT headers name it', async () => {
    const res = await download(w, 'http://parcours.test/.well-known/jwks.json', { accept: 'application/jwk-set+json' });
    expect(res.headers['content-type']).toMatch(/^application\/jwk-set\+json/);
    const { keys } = res.json();
    expect(keys).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        alg: 'ES256',
        use: 'sig',
        kid: expect.stringMatching(/^http:\/\/parcours\.test\/jwk\/[\w-]{43}$/),
      },
    ]);
  });

  it('[200] /issuer: an OB 3.0 Profile (1EdTech definition), French by default, English on request', async () => {
    const fr = (await download(w, 'http://parcours.test/issuer')).json();
    expect(validDef('Profile', fr)).toBe(true);
    expect(fr).toMatchObject({
      type: ['Profile'],
      name: 'Parcours data — Région Bourgogne-Franche-Comté',
      image: { id: 'http://parcours.test/issuer/image.svg', type: 'Image' },
    });
    expect((await download(w, 'http://parcours.test/issuer', { 'accept-language': 'en' })).json().name).toBe(
      'Data pathway — Bourgogne-Franche-Comté Region',
    );
    const logo = await download(w, 'http://parcours.test/issuer/image.svg');
    expect(logo.body).toMatch(/^<svg [^>]*role="img"/);
  });
});

describe('achievements', () => {
  it(
    '[200] every badge: an Achievement (1EdTech definition) with a ResultDescription per scored ' + 'questionnaire',
    async () => {
      const expected: Record<string, string[]> = {
        'data-juridique': ['quiz-juridique'],
        'data-management': ['quiz-management'],
        'data-admin': ['quiz-admin'],
        'parcours-data': ['quiz-juridique', 'quiz-management', 'quiz-admin'],
      };
      for (const [key, quizzes] of Object.entries(expected)) {
        const achievement = (await download(w, `http://parcours.test/achievements/${key}`)).json();
        expect(validDef('Achievement', achievement), key).toBe(true);
        expect(achievement.id).toBe(`http://parcours.test/achievements/${key}`);
        expect(achievement.resultDescription.map((d: { id: string }) => d.id.split('#')[1]).sort()).toEqual(
          [...quizzes].sort(),
        );
      }
    },
  );

  it('[200] images: designed SVG with the name, 512 px PNG, long cache and ETag (304 when unchanged)', async () => {
    const svg = await download(w, 'http://parcours.test/achievements/data-management/image.svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain(
      '<title id="badge-data-management-title">Badge « data management » — Parcours data</title>',
    );
    const png = await download(w, 'http://parcours.test/achievements/data-management/image.png');
    const ihdr = pngChunks(png.rawPayload).find((c) => c.type === 'IHDR')!;
    expect([ihdr.data.readUInt32BE(0), ihdr.data.readUInt32BE(4)]).toEqual([512, 512]);
    expect(png.headers['cache-control']).toBe('public, max-age=86400');
    const again = await w.app.inject({
      url: '/achievements/data-management/image.png',
      headers: { 'if-none-match': String(png.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('the API description', () => {
  it('[200] /docs/json documents the public and the authenticated credential routes', async () => {
    const { paths } = (await w.app.inject({ url: '/docs/json' })).json();
    for (const path of [
      '/.well-known/did.json',
      '/.well-known/jwks.json',
      '/issuer',
      '/achievements/{key}',
      '/credentials/{id}',
      '/credentials/{id}.jwt',
      '/credentials/{id}.png',
      '/status/{listId}',
      '/api/verify',
      '/api/credentials/{id}/revoke',
      '/api/me/credentials',
    ]) {
      expect(paths, path).toHaveProperty([path]);
    }
  });
});

describe('unknown ids and the HTML hand-off', () => {
  it('[404] in the error envelope, for every public URL', async () => {
    for (const url of [
      '/credentials/0b4a6f0e-8f1e-4c55-9a3e-1c2d3e4f5a6b',
      '/credentials/pas-un-uuid',
      '/credentials/0b4a6f0e-8f1e-4c55-9a3e-1c2d3e4f5a6b.png',
      '/credentials/0b4a6f0e-8f1e-4c55-9a3e-1c2d3e4f5a6b.jwt',
      '/status/999',
      '/status/abc',
      '/achievements/inconnu',
      '/achievements/inconnu/image.svg',
    ]) {
      const res = await w.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({
        code: expect.stringMatching(/_NOT_FOUND$/),
        message: expect.any(String),
        requestId: expect.any(String),
      });
    }
  });

  it(
    '[200] JSON for verifiers and curl; a browser is the pages area’s (JSON until it registers its ' + 'page)',
    async () => {
      expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
      for (const accept of [
        undefined,
        '*/*',
        'application/json',
        'application/vc+ld+json, text/html;q=0.5',
        'application/ld+json;q=1, text/html;q=0.9',
      ]) {
        expect(prefersHtml(accept), accept).toBe(false);
      }
      const id = await earnTopic(w, 'agent.html@commune.example', 'admin');
      const [credential] = await credentialsOf(w, id, 'agent.html@commune.example');
      const res = await w.app.inject({
        url: new URL(credential!.links.page).pathname,
        headers: { accept: 'text/html' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/vc\+ld\+json|text\/html/);
    },
  );
});

describe('a learner who reads English', () => {
  it('[smtp] gets the English e-mail and an English credential', async () => {
    const email = 'jane.doe@county.example';
    const id = await attend(w, email, ['webinaire-1']);
    await w.database.db.update(learners).set({ lang: 'en' }).where(eq(learners.id, id));
    await earnTopic(w, email, 'juridique');
    await w.deliver();
    const mail = await w.smtp.waitFor((m) => m.subject === 'Your “data legal” badge');
    expect(mail.text).toContain('Add to my LinkedIn profile: https://www.linkedin.com/profile/add?');
    const [credential] = await credentialsOf(w, id, email);
    const json = (await download(w, credential!.links.json)).json();
    expect(json.credentialSubject.achievement).toMatchObject({ name: 'data legal', inLanguage: 'en' });
    expect(json.evidence[0].name).toMatch(/^Webinar #1/);
  });
});

describe('the HTML hand-off to the pages area', () => {
  it(
    '[200] a page registered with { accept: "html" } in its own scope gets browsers; everyone else gets the ' + 'JSON',
    async () => {
      const { default: Fastify } = await import('fastify');
      const { default: credentialsPlugin } = await import('../../src/credentials/credentials.plugin');
      const app = Fastify();
      await app.register(credentialsPlugin);
      app.get('/credentials/:id', async () => ({ json: true }));
      await app.register(async (pages) => {
        pages.addHook('onRequest', async (_request, reply) => {
          reply.header('x-scope', 'pages');
        });
        pages.get('/credentials/:id', { constraints: { accept: 'html' } }, async (_request, reply) =>
          reply.type('text/html').send('<p>page</p>'),
        );
      });
      const browser = await app.inject({ url: '/credentials/x', headers: { accept: 'text/html,*/*;q=0.8' } });
      expect([browser.body, browser.headers['x-scope']]).toEqual(['<p>page</p>', 'pages']);
      expect(
        (await app.inject({ url: '/credentials/x', headers: { accept: 'application/vc+ld+json' } })).json(),
      ).toEqual({ json: true });
      expect((await app.inject({ url: '/credentials/x' })).json()).toEqual({ json: true });
      await app.close();
    },
  );
});

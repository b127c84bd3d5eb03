import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../shared/errors';
import { errorResponses } from '../shared/schemas';
import { bakePng } from '../ob3/bake-png';
import { bakeSvg } from '../ob3/bake-svg';
import { achievementPng, achievementSvg } from './images';
import { bakedImage, cachedCredentialFile, findCredentialFile, type CredentialFile } from './credential-cache';
import type { BadgeDefinition } from '../programme/badge.schemas';
import { cachedStatusListFile, publishedStatusListFile } from './published';
import { BinaryFile, isUuid, JsonLdDocument } from './http';
import { CACHE, type PublicDoc, sendPublic } from './conditional';

const Params = Type.Object({
  id: Type.String({ description: 'Credential UUID', example: '0b4a6f0e-8f1e-4c55-9a3e-1c2d3e4f5a6b' }),
});

type Reply = import('fastify').FastifyReply;

/**
 * Headers for the public files (scoped to the plugin that adds it): never sniffed as another
 * type, and an SVG opened directly may run nothing and load nothing (a baked SVG carries text
 * its holder chose, and an image is the classic stored-XSS carrier).
 */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";
export function addPublicFileHeaders(app: import('fastify').FastifyInstance): void {
  // A callback hook, not an async one: no promise per request on the public reads.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && /^image\/svg\+xml/i.test(type)) reply.header('content-security-policy', SVG_CSP);
    done(null, payload);
  });
}

/**
 * The public files of a credential and the status lists. `GET /credentials/:id` answers the
 * JSON; the HTML page for browsers is the pages area's route on the same URL, constrained with
 * `{ accept: 'html' }` (see credentials.plugin.ts), and `findCredential` is its data.
 */
export const credentialFilesRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  addPublicFileHeaders(app);
  const load = async (id: string) => {
    const file = isUuid(id) ? await findCredentialFile(services.db, id.toLowerCase()) : undefined;
    if (!file) throw new AppError('CREDENTIAL_NOT_FOUND', 404, { id });
    return file;
  };
  const badgeOf = (key: string) => services.programme.badges.find((b) => b.key === key);
  // A file this instance holds is answered synchronously: no promise, no microtask per read (the
  // cost of an async handler is a measurable part of a cached read); else it is read first.
  const fileHandler =
    (pick: (file: CredentialFile) => PublicDoc) =>
    (request: import('fastify').FastifyRequest<{ Params: { id: string } }>, reply: Reply) => {
      const id = request.params.id;
      const hit = isUuid(id) ? cachedCredentialFile(id.toLowerCase()) : undefined;
      const send = (file: CredentialFile) => {
        const doc = pick(file);
        sendPublic(request, reply, doc, doc.body);
      };
      if (hit) return send(hit);
      return load(id).then(send);
    };
  const json = {
    schema: {
      tags: ['credentials'],
      summary: 'Le badge signé (JSON, preuve Data Integrity) / the signed credential',
      params: Params,
      response: { 200: JsonLdDocument('OpenBadgeCredential with its DataIntegrityProof'), ...errorResponses(404) },
    },
    handler: fileHandler((file) => file.docs.json),
  };
  app.get('/credentials/:id', json);
  app.get('/credentials/:id.json', {
    ...json,
    schema: { ...json.schema, summary: 'Le même, en téléchargement / the same, as a download' },
  });

  app.get('/credentials/:id.jwt', {
    schema: {
      tags: ['credentials'],
      summary: 'Le badge en VC-JWT / the credential as a VC-JWT (compact JWS)',
      params: Params,
      response: { 200: Type.String(), ...errorResponses(404) },
    },
    handler: fileHandler((file) => file.docs.jwt),
  });

  const baked = {
    png: (file: CredentialFile, badge: BadgeDefinition) =>
      bakePng(achievementPng(services.programme, badge, file.lang).body, file.json),
    svg: (file: CredentialFile, badge: BadgeDefinition) =>
      Buffer.from(bakeSvg(achievementSvg(services.programme, badge, file.lang).body.toString('utf8'), file.json)),
  };
  for (const ext of ['png', 'svg'] as const) {
    app.get(`/credentials/:id.${ext}`, {
      schema: {
        tags: ['credentials'],
        summary: `Image ${ext.toUpperCase()} avec le badge intégré / baked ${ext.toUpperCase()} (OB 3.0 baking)`,
        params: Params,
        response: { 200: BinaryFile(ext.toUpperCase()), ...errorResponses(404) },
      },
      handler: (request, reply) => {
        const send = (file: CredentialFile) => {
          const badge = badgeOf(file.badgeKey);
          if (!badge) throw new AppError('BADGE_NOT_FOUND', 404, { key: file.badgeKey });
          reply.header('content-disposition', `inline; filename="badge-${file.badgeKey}.${ext}"`);
          // The baked bytes follow from the credential and the badge's image: so does their ETag.
          const image = (ext === 'png' ? achievementPng : achievementSvg)(services.programme, badge, file.lang);
          const head = {
            type: ext === 'png' ? 'image/png' : 'image/svg+xml',
            etag: `"${file.etags.json.slice(1, -1)}.${ext}.${image.etag.slice(1, 9)}"`,
            cacheControl: CACHE.credential,
            varyLang: false,
          };
          sendPublic(request, reply, head, () => bakedImage(file, ext, () => baked[ext](file, badge)));
        };
        const { id } = request.params;
        const hit = isUuid(id) ? cachedCredentialFile(id.toLowerCase()) : undefined;
        if (hit) return send(hit); // held by this instance: answered without a promise
        return load(id).then(send);
      },
    });
  }

  app.get('/status/:listId', {
    schema: {
      tags: ['credentials'],
      summary: 'Liste de révocation signée / signed BitstringStatusListCredential',
      params: Type.Object({ listId: Type.String() }),
      response: { 200: JsonLdDocument('BitstringStatusListCredential'), ...errorResponses(404) },
    },
    handler: (request, reply) => {
      const { listId } = request.params;
      const id = /^\d{1,10}$/.test(listId) ? Number(listId) : undefined;
      const hit = id === undefined ? undefined : cachedStatusListFile(id);
      if (hit) {
        sendPublic(request, reply, hit.doc, hit.doc.body); // held by this instance: no promise
        return;
      }
      return (id === undefined ? Promise.resolve(undefined) : publishedStatusListFile(services.db, id)).then((list) => {
        if (!list) throw new AppError('STATUS_LIST_NOT_FOUND', 404, { id: listId });
        sendPublic(request, reply, list.doc, list.doc.body);
      });
    },
  });
};

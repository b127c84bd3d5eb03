import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError, type Lang } from '../shared/errors';
import { errorResponses } from '../shared/schemas';
import { OB_CONTEXT, VC_V2_CONTEXT } from '../ob3/contexts/index';
import { publishedAchievement } from './achievements';
import { achievementPng, achievementSvg } from './images';
import { addPublicFileHeaders } from './credential-files.routes';
import { BinaryFile, JsonLdDocument, sendImage } from './http';
import { CACHE, etagOf, sendPublic } from './conditional';

const Params = Type.Object({ key: Type.String({ maxLength: 64, example: 'data-juridique' }) });

/** Each badge's Achievement and its designed image, at stable public URLs. */
export const achievementsRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  addPublicFileHeaders(app);
  const badgeOf = (key: string) => {
    const badge = services.programme.badges.find((b) => b.key === key);
    if (!badge) throw new AppError('BADGE_NOT_FOUND', 404, { key });
    return badge;
  };

  // The programme is read once at start: each Achievement is rendered once per language.
  const documents = new Map<string, { text: string; etag: string }>();
  const rendered = (key: string, lang: Lang) => {
    let doc = documents.get(`${key}|${lang}`);
    if (!doc) {
      const achievement = publishedAchievement(services.programme, badgeOf(key), services.config.publicUrl, lang);
      const text = JSON.stringify({ '@context': [VC_V2_CONTEXT, OB_CONTEXT], ...achievement });
      documents.set(`${key}|${lang}`, (doc = { text, etag: etagOf(text) }));
    }
    return doc;
  };

  app.get('/:key', {
    schema: {
      tags: ['issuer'],
      summary: 'Un badge (Achievement OB 3.0) / a badge (OB 3.0 Achievement)',
      params: Params,
      response: {
        200: JsonLdDocument('Achievement, with a ResultDescription per scored questionnaire'),
        ...errorResponses(404),
      },
    },
    handler: async (request, reply) => {
      const { text, etag } = rendered(badgeOf(request.params.key).key, request.lang);
      return sendPublic(request, reply, {
        type: 'application/ld+json',
        etag,
        cacheControl: CACHE.achievement,
        varyLang: true,
        body: () => text,
      });
    },
  });

  app.get('/:key/image.svg', {
    schema: {
      tags: ['issuer'],
      summary: 'Image du badge / badge image (SVG)',
      params: Params,
      response: { 200: BinaryFile('SVG image'), ...errorResponses(404) },
    },
    handler: async (request, reply) =>
      sendImage(request, reply, achievementSvg(services.programme, badgeOf(request.params.key))),
  });

  app.get('/:key/image.png', {
    schema: {
      tags: ['issuer'],
      summary: 'Image du badge / badge image (PNG 512 px)',
      params: Params,
      response: { 200: BinaryFile('PNG image'), ...errorResponses(404) },
    },
    handler: async (request, reply) =>
      sendImage(request, reply, achievementPng(services.programme, badgeOf(request.params.key))),
  });
};

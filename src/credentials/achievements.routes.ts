import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError, type Lang } from '../shared/errors';
import { errorResponses } from '../shared/schemas';
import { OB_CONTEXT, VC_V2_CONTEXT } from '../ob3/contexts/index';
import type { EndorsementCredential } from '../ob3/endorsement';
import { publishedAchievement } from './achievements';
import { achievementPng, achievementSvg } from './images';
import { addPublicFileHeaders } from './credential-files.routes';
import { BinaryFile, JsonLdDocument, sendImage } from './http';
import { CACHE, publicDoc, type PublicDoc, sendPublic, TEXT_TYPES } from './conditional';

const NONE: EndorsementCredential[] = [];
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
  const documents = new Map<string, PublicDoc>();
  const rendered = (key: string, lang: Lang, endorsement: EndorsementCredential[]) => {
    const cacheKey =
      endorsement.length === 0 ? `${key}|${lang}` : [key, lang, ...endorsement.map((e) => e.id)].join('|');
    let doc = documents.get(cacheKey);
    if (!doc) {
      const achievement = publishedAchievement(services.programme, badgeOf(key), services.config.publicUrl, lang);
      if (endorsement.length > 0) achievement.endorsement = endorsement;
      const text = JSON.stringify({ '@context': [VC_V2_CONTEXT, OB_CONTEXT], ...achievement });
      // Bounded: endorsement sets change rarely; forget them all rather than grow.
      if (documents.size >= 256) documents.clear();
      // An endorsement may be withdrawn: an endorsed Achievement is asked again sooner.
      const cacheControl = endorsement.length > 0 ? CACHE.endorsedAchievement : CACHE.achievement;
      documents.set(cacheKey, (doc = publicDoc(text, TEXT_TYPES.ld, cacheControl, true)));
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
    handler: (request, reply) => {
      const key = badgeOf(request.params.key).key;
      // The endorsements new credentials carry (OB 3.0 Achievement.endorsement): they change in
      // PostgreSQL, on any instance, so they are read again after 5 s (endorsements.facade.ts);
      // the document is rendered once per set of them. Held by this instance: answered without a promise.
      const send = (byBadge: Map<string, EndorsementCredential[]>) => {
        const doc = rendered(key, request.lang, byBadge.get(key) ?? NONE);
        sendPublic(request, reply, doc, doc.body);
      };
      const held = services.endorsements.embeddedNow(services.db);
      if (held) return send(held);
      return services.endorsements.embedded(services.db).then(send);
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

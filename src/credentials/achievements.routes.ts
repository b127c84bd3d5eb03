import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../shared/errors';
import { errorResponses } from '../shared/schemas';
import { OB_CONTEXT, VC_V2_CONTEXT } from '../ob3/contexts/index';
import { publishedAchievement } from './achievements';
import { achievementPng, achievementSvg } from './images';
import { addPublicFileHeaders } from './credential-files.routes';
import { BinaryFile, DAY, JsonLdDocument, sendDocument, sendImage } from './http';

const Params = Type.Object({ key: Type.String({ maxLength: 64, example: 'data-juridique' }) });

/** Each badge's Achievement and its designed image, at stable public URLs. */
export const achievementsRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  addPublicFileHeaders(app);
  const badgeOf = (key: string) => {
    const badge = services.programme.badges.find((b) => b.key === key);
    if (!badge) throw new AppError('BADGE_NOT_FOUND', 404, { key });
    return badge;
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
      const badge = badgeOf(request.params.key);
      const achievement = publishedAchievement(services.programme, badge, services.config.publicUrl, request.lang);
      // The endorsements new credentials carry (OB 3.0 Achievement.endorsement).
      const endorsement = (await services.endorsements.embedded(services.db)).get(badge.key) ?? [];
      if (endorsement.length > 0) achievement.endorsement = endorsement;
      return sendDocument(
        reply,
        'application/ld+json',
        { '@context': [VC_V2_CONTEXT, OB_CONTEXT], ...achievement },
        endorsement.length > 0 ? 300 : DAY,
        true,
      );
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

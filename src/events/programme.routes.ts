import type { WithServices } from '../services';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EventSchema } from './events.schemas';
import { listEvents, toEventDto } from './events.service';
import { badgeDependencies } from '../programme/rule-walk';

const Localized = Type.Object({ fr: Type.String(), en: Type.String() });
const BadgeSummarySchema = Type.Object({
  key: Type.String({ example: 'data-juridique' }),
  name: Localized,
  description: Localized,
  criteria: Localized,
  image: Type.String({ description: 'Image URL' }),
  achievementUrl: Type.String({ description: 'The published OB 3.0 Achievement' }),
  holds: Type.Array(Type.String(), { description: 'Badges this one requires (meta-badge)' }),
});

/** Public, cacheable and free of personal data: what a visitor needs to understand the pathway. */
export const programmeRoutes: FastifyPluginAsyncTypebox<WithServices> = async (app, { services }) => {
  app.get('', {
    schema: {
      tags: ['programme'],
      summary: 'Le programme : événements et badges / the programme: events and badges',
      response: {
        200: Type.Object({
          issuer: Type.Object({ name: Type.String(), url: Type.String(), description: Type.String() }),
          events: Type.Array(EventSchema),
          badges: Type.Array(BadgeSummarySchema),
        }),
      },
    },
    handler: async () => {
      const { issuer, badges } = services.programme;
      const base = services.config.publicUrl;
      const absolute = (url: string) => (url.startsWith('/') ? `${base}${url}` : url);
      return {
        issuer: { name: issuer.name, url: issuer.url, description: issuer.description },
        events: (await listEvents(services.db)).map(toEventDto),
        badges: badges.map((b) => ({
          key: b.key,
          name: { fr: b.achievement.name, en: b.i18n.en.name },
          description: { fr: b.achievement.description, en: b.i18n.en.description },
          criteria: { fr: b.achievement.criteria.narrative, en: b.i18n.en.criteria.narrative },
          image: absolute(b.achievement.image.id),
          achievementUrl: `${base}/achievements/${b.key}`,
          holds: badgeDependencies(b.rule),
        })),
      };
    },
  });
};

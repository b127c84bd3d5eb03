import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from './services';
import { keepConnectionUsable } from './plugins/connection';
import errorsPlugin from './plugins/errors';
import i18nPlugin from './plugins/i18n';
import authPlugin from './plugins/auth';
import openapiPlugin from './plugins/openapi';
import { AccessLog, logSerializers } from './plugins/access-log';
import { healthRoutes } from './health/health.routes';
import { authRoutes } from './auth/auth.routes';
import { eventsRoutes } from './events/events.routes';
import { programmeRoutes } from './events/programme.routes';
import { auditRoutes } from './audit/audit.routes';
import { outboxRoutes } from './notifications/outbox.routes';
import { importRoutes } from './attendance/import.routes';
import { attendanceRoutes } from './attendance/attendance.routes';
import { learnersRoutes } from './learners/learners.routes';
import { badgesRoutes } from './badges/badges.routes';
import { quizzesRoutes } from './quizzes/quizzes.routes';
import { reportsRoutes } from './reports/reports.routes';
import { remindersRoutes } from './reminders/reminders.routes';
import { webShell } from './web/web.plugin';
import { areaWebs } from './web-areas';
import credentialsPlugin from './credentials/credentials.plugin';
import { issuerRoutes } from './credentials/issuer.routes';
import { achievementsRoutes } from './credentials/achievements.routes';
import { credentialFilesRoutes } from './credentials/credential-files.routes';
import { verifyRoutes } from './credentials/verify.routes';
import { credentialsRoutes } from './credentials/credentials.routes';
import { endorsementsRoutes } from './endorsements/endorsements.routes';
import { endorsementsPublicRoutes } from './endorsements/endorsements-public.routes';
import { walletRoutes } from './wallet/wallet.routes';
import { exchangeRoutes } from './wallet/exchange.routes';
import { privacyRoutes } from './privacy/privacy.routes';
import { directoryRoutes } from './directory/directory.routes';
import { ob3OauthRoutes } from './ob3-api/oauth.routes';
import { ob3ResourceRoutes } from './ob3-api/resources.routes';

/** TRUST_PROXY=n: the socket's peer and the n − 1 addresses before it are proxies; the next one is the client. */
const trustHops = (hops: number) => (_address: string, index: number) => index < hops;

/** Registers plugins, then one route plugin per area, then the pages by scope: this is the table of contents. */
export async function buildApp(services: Services, options: FastifyServerOptions = {}) {
  const { config } = services;
  const app = Fastify({
    ...(options.loggerInstance ? {} : { logger: { level: config.logLevel, serializers: logSerializers } }),
    logController: new AccessLog(),
    bodyLimit: 1_048_576,
    // X-Forwarded-For is believed only from configured proxies (TRUST_PROXY): otherwise any client picks its IP.
    // Fastify ≥ 5.12 ignores a bare hop count (it trusts nothing): a count is given as the function
    // proxy-addr calls per hop (i = 0 is the socket's peer), so TRUST_PROXY=1 trusts one proxy.
    trustProxy: (typeof config.trustProxy === 'number'
      ? trustHops(config.trustProxy)
      : (config.trustProxy ?? false)) as boolean,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, keywords: ['example'] } },
    ...options,
    // A given logger gets the same serializers (a child's serializers win over Fastify's defaults).
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance.child({}, { serializers: logSerializers }) }
      : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(credentialsPlugin);
  await app.register(i18nPlugin);
  await app.register(errorsPlugin);
  await app.register(authPlugin, { secret: config.auth.jwtSecret, db: services.db });
  await app.register(openapiPlugin, { publicUrl: config.publicUrl });

  await app.register(healthRoutes, { services });
  await app.register(authRoutes, { services, prefix: '/api/auth' });
  await app.register(eventsRoutes, { services, prefix: '/api/events' });
  await app.register(programmeRoutes, { services, prefix: '/api/programme' });
  await app.register(auditRoutes, { services, prefix: '/api/audit' });
  await app.register(outboxRoutes, { services, prefix: '/api/outbox' });
  await app.register(importRoutes, { services, prefix: '/api/events' });
  await app.register(attendanceRoutes, { services, prefix: '/api' });
  await app.register(learnersRoutes, { services, prefix: '/api/learners' });
  await app.register(quizzesRoutes, { services, prefix: '/api/quizzes' });
  await app.register(badgesRoutes, { services, prefix: '/api' });
  await app.register(reportsRoutes, { services, prefix: '/api/reports' });
  await app.register(remindersRoutes, { services, prefix: '/api/reminders' });
  await app.register(credentialsRoutes, { services, prefix: '/api' });
  await app.register(verifyRoutes, { services, prefix: '/api' });
  await app.register(endorsementsRoutes, { services, prefix: '/api' });
  await app.register(privacyRoutes, { services, prefix: '/api' });
  await app.register(directoryRoutes, { services, prefix: '/api' });
  await app.register(issuerRoutes, { services }); // public: /.well-known/did.json, /.well-known/jwks.json, /issuer
  await app.register(achievementsRoutes, { services, prefix: '/achievements' });
  // public: /credentials/:id(.json|.jwt|.png|.svg), /status/:listId
  await app.register(credentialFilesRoutes, { services });
  // public: /endorsements/:id(.json|.jwt), /endorsers/:key/(did.json|jwk/:id|status/:n|image.svg)
  await app.register(endorsementsPublicRoutes, { services });
  await app.register(walletRoutes, { services, prefix: '/api' });
  await app.register(exchangeRoutes, { services }); // public: /wallet/*, /.well-known/openid-credential-issuer…
  // public: the OB 3.0 API under /ims/ob/v3p0 (discovery, OAuth 2.0, credentials, profile)
  await app.register(ob3OauthRoutes, { services });
  await app.register(ob3ResourceRoutes, { services });
  // A route that answers before reading its whole body (a refused upload, a 401): the rest is
  // drained so the keep-alive connection carries the next request, or the connection is closed.
  app.addHook('onSend', (request, reply, payload, done) => {
    keepConnectionUsable(request, reply);
    done(null, payload);
  });

  // HTML pages: their own security headers, CSRF, session and error page, in a scope of their own.
  await app.register(webShell, {
    services,
    pages: {
      public: areaWebs.flatMap((area) => area.public ?? []),
      learner: areaWebs.flatMap((area) => area.learner ?? []),
      organiser: areaWebs.flatMap((area) => area.organiser ?? []),
    },
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

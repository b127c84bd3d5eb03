import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageOptions, PagePlugin } from '../../web/web.plugin';
import { formBody } from '../../web/forms';
import { learnerSignInUrl } from '../../web/session';
import { urls } from '../../web/urls';
import { say } from '../../shared/text';
import { ob3ApiErrors } from '../ob3-api.text';
import {
  approveAuthorization,
  AUTHORIZE_FIELDS,
  checkAuthorizeRequest,
  redirectWith,
  type AuthorizeQuery,
} from '../authorize.service';
import { OB3_PATHS } from '../scopes';
import { consentErrorPage, consentPage } from './consent.page';

const pick = (source: Record<string, unknown>): AuthorizeQuery =>
  Object.fromEntries(
    AUTHORIZE_FIELDS.filter((f) => typeof source[f] === 'string').map((f) => [f, source[f] as string]),
  );

/**
 * The consent page lets its form lead to the platform: CSP `form-action` also governs the redirect
 * that follows the POST, so the registered redirect_uri's origin is added for this page only.
 */
function allowFormTarget(reply: FastifyReply, redirectUri: string) {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string')
    reply.header(
      'content-security-policy',
      csp.replace("form-action 'self'", `form-action 'self' ${new URL(redirectUri).origin}`),
    );
}

/** GET/POST /ims/ob/v3p0/oauth/authorize: sign-in by the e-mailed link if needed, then consent. */
export const consentPages: PagePlugin = async (app, { services, views }: PageOptions) => {
  const { db } = services;
  const handle = async (request: FastifyRequest, reply: FastifyReply, query: AuthorizeQuery, decision?: string) => {
    const check = await checkAuthorizeRequest(db, query);
    const ctx = () => views.context(request, reply);
    if (check.kind === 'fatal') {
      const c = ctx();
      return views.send(reply, c, consentErrorPage(c, say(ob3ApiErrors, c.lang, check.reason)));
    }
    if (check.kind === 'redirect') {
      const description = say(ob3ApiErrors, 'en', check.reason as keyof typeof ob3ApiErrors.fr, { field: check.field });
      const params = { error: check.error, error_description: description, state: check.state };
      return reply.redirect(redirectWith(check.redirectUri, params), 303);
    }
    const viewer = request.viewer;
    if (viewer?.role !== 'learner') {
      const back = `${OB3_PATHS.authorize}?${new URLSearchParams(query as Record<string, string>)}`;
      return views.redirect(reply, decision ? urls.signIn(back) : learnerSignInUrl(request));
    }
    if (decision === 'allow') {
      const target = await approveAuthorization(db, { id: viewer.sub, email: viewer.email }, check.request);
      return reply.redirect(target, 303);
    }
    if (decision !== undefined) {
      const params = {
        error: 'access_denied',
        error_description: 'The person denied access.',
        state: check.request.state,
      };
      return reply.redirect(redirectWith(check.request.redirectUri, params), 303);
    }
    const c = ctx();
    allowFormTarget(reply, check.request.redirectUri);
    return views.send(reply, c, consentPage(c, check.request));
  };

  app.get(OB3_PATHS.authorize, async (request, reply) =>
    handle(request, reply, pick(request.query as Record<string, unknown>)),
  );
  app.post(OB3_PATHS.authorize, async (request, reply) => {
    const body = formBody(request.body);
    return handle(request, reply, pick(body), body.decision === 'allow' ? 'allow' : 'deny');
  });
};

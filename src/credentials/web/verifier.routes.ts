import type { FastifyPluginAsync } from 'fastify';
import type { WithServices } from '../../services';
import { AppError } from '../../shared/errors';
import { limitVerifyRate } from '../verify.routes';
import { translate } from '../../text';
import { formBody } from '../../web/forms';
import { verifierText } from './credentials.text';
import { readSmallFile } from '../../web/multipart';
import { textFor } from '../../shared/text';
import { paths } from '../../web/urls';
import type { Views } from '../../web/views';
import { verificationView } from './credential.partials';
import { verifierPage } from './verifier.page';

/** The same limit as POST /api/verify: a baked 512 px PNG is a few hundred kilobytes. */
const MAX_BYTES = 4 * 1_048_576;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `/verifier`: paste a credential or a JWT, or drop a baked image; every check in plain words. */
export const verifierPages: FastifyPluginAsync<WithServices & { views: Views }> = async (app, { services, views }) => {
  app.get(paths.verifier, async (request, reply) => {
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, verifierPage(ctx));
  });

  app.post(paths.verifier, async (request, reply) => {
    const pasted = (formBody(request.body).credential ?? '').trim();
    const file = request.pageFile;
    const show = (data: Parameters<typeof verifierPage>[1]) => {
      const ctx = views.context(request, reply);
      return views.send(reply, ctx, verifierPage(ctx, data));
    };
    if (!pasted && !file)
      return show({ errors: { credential: textFor(verifierText, request.lang).nothing }, status: 400 });
    try {
      // The same per-client budget as POST /api/verify (counted once per submitted form).
      await limitVerifyRate(services, request.ip);
      // A dropped file wins over pasted text: it is what the person did last.
      const input = file ? new Uint8Array(await readSmallFile(file, MAX_BYTES)) : pasted;
      const result = await services.credentials.verify(services.db, input);
      const achievement = result.achievement as { name?: unknown } | undefined;
      return show({
        pasted: file ? undefined : pasted,
        result: {
          ...verificationView(result, request.lang),
          format: result.format,
          badgeName: text(achievement?.name)?.slice(0, 200),
        },
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (error.status === 429 && error.params.seconds) reply.header('retry-after', String(error.params.seconds));
      return show({ pasted, message: translate(error.code, error.params, request.lang), status: error.status });
    }
  });
};

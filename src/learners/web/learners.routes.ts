import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { WithServices } from '../../services';
import { type AttendanceStatus, setManualAttendance } from '../../attendance/attendance.service';
import { awardManually } from '../../badges/awards.service';
import { revokeCredential } from '../../credentials/revoke.service';
import { findLearnerByEmail, searchLearners } from '../learners.service';
import { mergeLearners } from '../merge.service';
import { AppError } from '../../shared/errors';
import { translate } from '../../text';
import { Email, normaliseEmail, Uuid } from '../../shared/schemas';
import { loadLearnerFile } from './learner-file.data';
import { setFlash } from '../../web/flash';
import { formBody } from '../../web/forms';
import { learnerText } from './learner-file.text';
import { textFor } from '../../shared/text';
import { paths, urls } from '../../web/urls';
import type { Views } from '../../web/views';
import { learnerPage } from './learner.page';
import type { FormState, LearnerForm } from './learner-form';
import { learnersPage } from './learners.page';

const PAGE_SIZE = 50;
const IdParams = { params: Type.Object({ id: Uuid }) };
const CredentialParams = { params: Type.Object({ id: Uuid, credentialId: Uuid }) };
const STATUSES: readonly AttendanceStatus[] = ['present', 'replay', 'absent'];

/** The learners, one learner's record, and what organisers do on it: each through its service, which audits it. */
export const learnersPages: FastifyPluginAsyncTypebox<WithServices & { views: Views }> = async (
  app,
  { services, views },
) => {
  const { db, programme } = services;
  app.get<{ Querystring: { q?: string; page?: string } }>(paths.organiser.learners, async (request, reply) => {
    const q = (request.query.q ?? '').trim().slice(0, 200);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const { rows, total } = await searchLearners(db, {
      q: q || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, learnersPage(ctx, { q, page, pageSize: PAGE_SIZE, total, learners: rows }));
  });

  async function show(request: FastifyRequest, reply: FastifyReply, id: string, state?: FormState, status?: number) {
    const file = await loadLearnerFile(services, { id, lang: request.lang });
    const ctx = views.context(request, reply);
    return views.send(reply, ctx, learnerPage(ctx, { ...file, quizzes: programme.quizzes, state, status }));
  }

  /** Runs an action; a refusal of its service re-shows the page with the message above that form. */
  async function attempt(
    request: FastifyRequest,
    reply: FastifyReply,
    form: LearnerForm,
    values: Record<string, string>,
    action: () => Promise<string>,
  ) {
    const id = (request.params as { id: string }).id;
    try {
      return views.redirect(reply, await action());
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return show(
        request,
        reply,
        id,
        { form, values, errors: {}, message: translate(error.code, error.params, request.lang) },
        error.status,
      );
    }
  }

  app.get(paths.organiser.learner, { schema: IdParams }, async (request, reply) =>
    show(request, reply, request.params.id),
  );

  app.post(`${paths.organiser.learner}/presence`, { schema: IdParams }, async (request, reply) => {
    const { id } = request.params;
    const t = textFor(learnerText, request.lang);
    const values = formBody(request.body);
    const file = await loadLearnerFile(services, { id, lang: request.lang });
    const event = file.attendance.find((a) => a.event.key === values.evenement)?.event;
    const status = STATUSES.find((s) => s === values.statut);
    const minutesText = (values.minutes ?? '').trim().replace(',', '.');
    const minutes = minutesText === '' ? undefined : Number(minutesText);
    const errors: Record<string, string> = {};
    if (!event) errors.evenement = t.errEvent;
    if (!status) errors.statut = t.errStatus;
    if (minutes !== undefined && !(Number.isFinite(minutes) && minutes >= 0 && minutes <= 1440))
      errors.minutes = t.errMinutes;
    if (Object.keys(errors).length > 0) return show(request, reply, id, { form: 'presence', values, errors }, 400);
    const note = (values.note ?? '').trim().slice(0, 1000);
    return attempt(request, reply, 'presence', values, async () => {
      await setManualAttendance(services, request.actor!, {
        eventKey: event!.key,
        email: file.learner.email,
        status: status!,
        minutes,
        ...(note ? { note } : {}),
      });
      setFlash(reply, 'attendanceSaved', { event: event!.title });
      return `${urls.organiser.learner(id)}#presences`;
    });
  });

  app.post(`${paths.organiser.learner}/attribution`, { schema: IdParams }, async (request, reply) => {
    const { id } = request.params;
    const t = textFor(learnerText, request.lang);
    const values = formBody(request.body);
    const badge = programme.badges.find((b) => b.key === values.badge);
    const reason = (values.motif ?? '').trim();
    const errors: Record<string, string> = {};
    if (!badge) errors.badge = t.errBadge;
    if (reason.length < 3 || reason.length > 1000) errors.motif = t.errReason;
    if (Object.keys(errors).length > 0) return show(request, reply, id, { form: 'attribution', values, errors }, 400);
    return attempt(request, reply, 'attribution', values, async () => {
      const { award, followers } = await awardManually(services, request.actor!, {
        learnerId: id,
        badgeKey: badge!.key,
        reason,
      });
      const name = (key: string) => {
        const b = programme.badges.find((x) => x.key === key);
        return b ? (request.lang === 'en' ? b.i18n.en.name : b.achievement.name) : key;
      };
      if (followers.length)
        setFlash(reply, 'badgeAwardedMore', {
          badge: name(award.badgeKey),
          others: followers.map((f) => name(f.badgeKey)).join(', '),
        });
      else setFlash(reply, 'badgeAwarded', { badge: name(award.badgeKey) });
      return `${urls.organiser.learner(id)}#badges`;
    });
  });

  app.post(
    `${paths.organiser.learner}/badges/:credentialId/revocation`,
    { schema: CredentialParams },
    async (request, reply) => {
      const { id, credentialId } = request.params;
      const t = textFor(learnerText, request.lang);
      const file = await loadLearnerFile(services, { id, lang: request.lang });
      const credential = file.credentials.find((c) => c.id === credentialId.toLowerCase());
      if (!credential) throw new AppError('CREDENTIAL_NOT_FOUND', 404, { id: credentialId });
      const field = `motif-${credential.id.slice(0, 8)}`;
      const reason = (formBody(request.body)[field] ?? '').trim();
      const values = { credential: credential.id, reason };
      if (reason.length < 3 || reason.length > 1000)
        return show(request, reply, id, { form: 'revocation', values, errors: { [field]: t.errReason } }, 400);
      return attempt(request, reply, 'revocation', values, async () => {
        const [first, ...others] = await revokeCredential(services, request.actor!, { id: credential.id, reason });
        const name = (key: string) => file.badges.find((b) => b.key === key)?.name ?? key;
        if (others.length)
          setFlash(reply, 'credentialRevokedMore', {
            badge: name(first!.badgeKey),
            others: others.map((o) => name(o.badgeKey)).join(', '),
          });
        else setFlash(reply, 'credentialRevoked', { badge: name(first!.badgeKey) });
        return `${urls.organiser.learner(id)}#badges`;
      });
    },
  );

  app.post(`${paths.organiser.learner}/fusion`, { schema: IdParams }, async (request, reply) => {
    const { id } = request.params;
    const t = textFor(learnerText, request.lang);
    const values = formBody(request.body);
    const email = (values.doublon ?? '').trim();
    const errors: Record<string, string> = {};
    const duplicate = Value.Check(Email, email) ? await findLearnerByEmail(db, normaliseEmail(email)) : undefined;
    if (!Value.Check(Email, email)) errors.doublon = t.errDuplicate;
    else if (!duplicate) errors.doublon = t.errDuplicateUnknown;
    if (values.confirmation !== 'oui') errors.confirmation = t.errConfirm;
    if (Object.keys(errors).length > 0) return show(request, reply, id, { form: 'fusion', values, errors }, 400);
    return attempt(request, reply, 'fusion', values, async () => {
      // The same dependencies as POST /api/learners/:id/merge: the duplicate goes into this record.
      await mergeLearners(services, request.actor!, { fromId: duplicate!.id, intoId: id });
      setFlash(reply, 'learnersMerged', { email: duplicate!.email });
      return urls.organiser.learner(id);
    });
  });
};

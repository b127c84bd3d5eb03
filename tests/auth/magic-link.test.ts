import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestAppWithSmtp, type TestContext } from '../helpers/app';
import type { TestSmtp } from '../helpers/smtp';
import { deliverDue } from '../../src/notifications/deliver';
import { verifyMagicLink } from '../../src/auth/auth.service';

let ctx: TestContext;
let smtp: TestSmtp;
beforeAll(async () => {
  const withMail = await buildTestAppWithSmtp();
  [ctx, smtp] = [withMail, withMail.smtp];
});
afterAll(async () => {
  await ctx?.close();
});

async function requestLink(email: string, lang = 'fr') {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/magic-link',
    payload: { email },
    headers: { 'accept-language': lang },
  });
  expect(res.statusCode).toBe(202);
  await deliverDue(ctx.database.db, ctx.mailer);
  const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(email.toLowerCase()));
  const token = /token=([\w-]+)/.exec(mail.text ?? '')?.[1];
  expect(token).toBeDefined();
  return { mail, token: token! };
}

const verify = (token: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/magic-link/verify', payload: { token } });

describe('learner magic link, through a real SMTP server', () => {
  it('[202→200] e-mails a link in French whose token signs the learner in', async () => {
    const { mail, token } = await requestLink('Agent.Public@Mairie-Valbrune.fr');
    expect(mail.subject).toBe('Votre lien de connexion à Parcours');
    expect(mail.text).toContain('http://parcours.test/connexion/lien?token=');
    expect(mail.html).toContain('Me connecter');
    const res = await verify(token);
    expect(res.statusCode).toBe(200);
    const claims = ctx.app.jwt.decode<{ role: string; email: string }>(res.json().token);
    expect(claims).toMatchObject({ role: 'learner', email: 'agent.public@mairie-valbrune.fr' });
  });

  it('[202] writes in English when the reader prefers it', async () => {
    const { mail } = await requestLink('english.reader@example.org', 'en-GB,en;q=0.9,fr;q=0.5');
    expect(mail.subject).toBe('Your Parcours sign-in link');
  });

  it('[400] refuses a token used twice', async () => {
    const { token } = await requestLink('deux.fois@example.org');
    expect((await verify(token)).statusCode).toBe(200);
    const again = await verify(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('MAGIC_LINK_INVALID');
  });

  it('[400] refuses a token after 15 minutes', async () => {
    const { token } = await requestLink('en.retard@example.org');
    const later = new Date(Date.now() + 15 * 60_000 + 1_000);
    await expect(verifyMagicLink(ctx.database.db, token, 'fr', later)).rejects.toMatchObject({
      code: 'MAGIC_LINK_INVALID',
    });
    // Still valid just before expiry: the refusal above was the clock, not the token.
    const { learner } = {
      learner: await verifyMagicLink(ctx.database.db, token, 'fr', new Date(Date.now() + 14 * 60_000)),
    };
    expect(learner.role).toBe('learner');
  });

  it('[400] refuses an invented token', async () => {
    expect((await verify('a'.repeat(43))).json().code).toBe('MAGIC_LINK_INVALID');
  });

  it('[202] answers the same for any address and reveals nothing', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: 'inconnu@nulle-part.fr' },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });
  });

  it('[403] a learner token never reaches organiser routes', async () => {
    const { token } = await requestLink('curieux@example.org');
    const learnerJwt = (await verify(token)).json().token;
    for (const url of ['/api/events', '/api/audit', '/api/outbox']) {
      const res = await ctx.app.inject({ url, headers: { authorization: `Bearer ${learnerJwt}` } });
      expect(res.statusCode, url).toBe(403);
    }
  });
});

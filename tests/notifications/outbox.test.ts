import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestContext } from '../helpers/app';
import { startSmtp } from '../helpers/smtp';
import { createMailer } from '../../src/notifications/mailer';
import { deliverDue } from '../../src/notifications/deliver';
import { enqueueMail } from '../../src/notifications/outbox.store';
import { outbox, outboxAttempts } from '../../src/notifications/outbox.tables';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await buildTestApp();
});
afterAll(async () => ctx?.close());

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const silent = { info() {} };

describe('outbox delivery', () => {
  it('keeps a message while the SMTP server is down, then delivers it exactly once', async () => {
    const port = await freePort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'p@parcours.test', log: silent });
    const db = ctx.database.db;
    const id = await enqueueMail(db, 'learner@example.org', 'test', {
      subject: 'Bonjour',
      text: 'Texte',
      html: '<p>Texte</p>',
    });

    const down = await deliverDue(db, mailer);
    expect(down).toEqual({ sent: 0, failed: 1 });
    let [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: nothing is tried before the backoff.
    expect(await deliverDue(db, mailer)).toEqual({ sent: 0, failed: 0 });

    const smtp = await startSmtp(port);
    try {
      const later = new Date(Date.now() + 60 * 60_000);
      // Two workers racing (two instances): the claim lets only one of them take the message.
      const reports = await Promise.all([deliverDue(db, mailer, later), deliverDue(db, mailer, later)]);
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
      expect(await deliverDue(db, mailer, later)).toEqual({ sent: 0, failed: 0 });
      await smtp.waitFor((m) => m.subject === 'Bonjour');
      expect(smtp.messages.filter((m) => m.subject === 'Bonjour')).toHaveLength(1);
      [row] = await db.select().from(outbox).where(eq(outbox.id, id));
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
      const attempts = await db.select().from(outboxAttempts).where(eq(outboxAttempts.messageId, id));
      expect(attempts.map((a) => a.ok)).toEqual([false, true]);
    } finally {
      mailer.close();
      await smtp.stop();
    }
  });

  it('lists messages and their attempts for organisers, and retries a failed one', async () => {
    const headers = await ctx.adminAuth();
    const db = ctx.database.db;
    const id = await enqueueMail(db, 'x@example.org', 'test', { subject: 'Relance', text: 't', html: null as never });
    await db.update(outbox).set({ status: 'failed', attempts: 10 }).where(eq(outbox.id, id));
    const list = await ctx.app.inject({ url: '/api/outbox?status=failed', headers });
    expect(list.json().messages.map((m: { id: string }) => m.id)).toContain(id);
    const retry = await ctx.app.inject({ method: 'POST', url: `/api/outbox/${id}/retry`, headers });
    expect(retry.statusCode).toBe(202);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row!.status).toBe('pending');
    const audit = await ctx.app.inject({ url: '/api/audit', headers });
    expect(audit.json().entries[0]).toMatchObject({
      action: 'outbox.retry',
      targetId: id,
      actorEmail: 'admin@parcours.test',
    });
  });
});

import { Writable } from 'node:stream';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { startPlatform, type Platform } from '../../src/platform';
import { createMailer } from '../../src/notifications/mailer';
import { deliverDue } from '../../src/notifications/deliver';
import { outbox } from '../../src/notifications/outbox.tables';
import { createTestDatabase, type ScratchDatabase } from '../helpers/db';
import { testConfig } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

// The platform with its access log captured, as `npm start` writes it (info level).
let scratch: ScratchDatabase;
let platform: Platform;
let smtp: TestSmtp;
const lines: string[] = [];
beforeAll(async () => {
  smtp = await startSmtp();
  scratch = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  platform = await startPlatform(testConfig({ mail: { smtpUrl: smtp.url, from: 'p@parcours.test' } }), {
    database: scratch.database,
    worker: false,
    fastify: { loggerInstance: pino({ level: 'info' }, stream) },
  });
});
afterAll(async () => {
  await platform?.stop();
  await scratch?.drop();
  await smtp?.stop();
});

const SECRET = 'SECRETtoken_0123456789abcdefghijklmnopqrstuvw';

describe('sign-in tokens stay out of the log', () => {
  it('the access log of /connexion/lien?token=… shows [redacted], never the token', async () => {
    lines.length = 0;
    const res = await platform.app.inject({
      url: `/connexion/lien?token=${SECRET}&suite=%2Fmes-badges`,
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(200);
    const log = lines.join('');
    expect(log).toContain('/connexion/lien?token=[redacted]&suite=%2Fmes-badges');
    expect(log).not.toContain(SECRET);
  });

  it('any token= query is redacted, wherever it is in the query', async () => {
    lines.length = 0;
    await platform.app.inject({ url: `/nulle-part?a=1&token=${SECRET}#x` });
    expect(lines.join('')).not.toContain(SECRET);
  });
});

describe('sign-in tokens do not stay in the outbox', () => {
  const requestLink = async (email: string) => {
    const res = await platform.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email } });
    expect(res.statusCode).toBe(202);
    const [row] = await platform.database.db.select().from(outbox).where(eq(outbox.to, email));
    const token = /token=([\w-]+)/.exec(row!.text)![1]!;
    return { row: row!, token };
  };

  it('the link is whole until sent, erased from the stored text and HTML once delivered', async () => {
    const { row, token } = await requestLink('efface@example.org');
    expect(row.html).toContain(token);
    expect(await deliverDue(platform.database.db, platform.mailer)).toMatchObject({ sent: 1 });
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('efface@example.org'));
    expect(mail.text).toContain(token); // the recipient got the working link
    const [after] = await platform.database.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(after!.status).toBe('sent');
    expect(after!.text).not.toContain(token);
    expect(after!.html).not.toContain(token);
    expect(after!.text).toContain('/connexion/lien?token=[effacé après envoi / erased once sent]');
    // And the link works: only the stored copy was erased.
    const signIn = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link/verify',
      payload: { token },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('a failed attempt keeps the link for the retry, which sends it whole', async () => {
    const { row, token } = await requestLink('retry@example.org');
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'p@parcours.test', log: { info() {} } });
    try {
      expect(await deliverDue(platform.database.db, down)).toMatchObject({ failed: 1 });
    } finally {
      down.close();
    }
    const [pending] = await platform.database.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(pending!.status).toBe('pending');
    expect(pending!.text).toContain(token);
    await deliverDue(platform.database.db, platform.mailer, new Date(Date.now() + 3600_000));
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('retry@example.org'));
    expect(mail.text).toContain(token);
    const [sent] = await platform.database.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(sent!.text).not.toContain(token);
  });
});

import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface Mailer {
  /** 'smtp' or 'log': recorded with each attempt. */
  transport: string;
  send(message: {
    to: string;
    subject: string;
    text: string;
    html?: string | null;
    headers?: Record<string, string> | null;
  }): Promise<void>;
  close(): void;
}

/**
 * SMTP when SMTP_URL is set. Otherwise messages are only printed to the log, so the default
 * start works offline; they stay readable in the outbox either way.
 */
export function createMailer(options: {
  smtpUrl?: string;
  from: string;
  log: Pick<FastifyBaseLogger, 'info'>;
}): Mailer {
  if (!options.smtpUrl) {
    return {
      transport: 'log',
      async send(m) {
        options.log.info({ to: m.to, subject: m.subject }, `e-mail (no SMTP_URL: printed, not sent)\n${m.text}`);
      },
      close() {},
    };
  }
  const transporter = nodemailer.createTransport(options.smtpUrl, { from: options.from });
  return {
    transport: 'smtp',
    async send(m) {
      await transporter.sendMail({
        from: options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
        headers: m.headers ?? undefined,
      });
    },
    close: () => transporter.close(),
  };
}

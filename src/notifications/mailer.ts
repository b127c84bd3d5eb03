import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { escapeHtml } from '../shared/html';

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
  /** Lines every message ends with (the privacy notice's address), added when it is sent. */
  footer?: string;
}): Mailer {
  const withFooter = (m: { text: string; html?: string | null }) => {
    if (!options.footer) return m;
    const lines = options.footer.split('\n');
    const html = `<p style="font-size:12px;color:#4b5563">${lines.map(linkify).join('<br>')}</p>`;
    return {
      text: `${m.text.trimEnd()}\n\n-- \n${options.footer}\n`,
      html: m.html ? m.html.replace(/<\/body>/, `${html}</body>`) : m.html,
    };
  };
  if (!options.smtpUrl) {
    return {
      transport: 'log',
      async send(m) {
        const { text } = withFooter(m);
        options.log.info({ to: m.to, subject: m.subject }, `e-mail (no SMTP_URL: printed, not sent)\n${text}`);
      },
      close() {},
    };
  }
  const transporter = nodemailer.createTransport(options.smtpUrl, { from: options.from });
  return {
    transport: 'smtp',
    async send(m) {
      const { text, html } = withFooter(m);
      await transporter.sendMail({
        from: options.from,
        to: m.to,
        subject: m.subject,
        text,
        html: html ?? undefined,
        headers: m.headers ?? undefined,
      });
    },
    close: () => transporter.close(),
  };
}

/** A footer line with its address made a link (the address is ours: PUBLIC_URL). */
function linkify(line: string): string {
  return escapeHtml(line).replace(/https?:\/\/\S+/g, (url) => `<a href="${url}">${url}</a>`);
}

import { expect } from 'vitest';
import type { ParsedMail } from 'mailparser';
import type { TestContext } from '../helpers/app';
import type { TestSmtp } from '../helpers/smtp';
import { deliverDue } from '../../src/notifications/deliver';
import { reminderGuard, runReminders } from '../../src/reminders/reminders.service';

/** A wall-clock time in Paris (April–October: UTC+2), as the scheduler's clock. */
export const paris = (iso: string) => new Date(`${iso}+02:00`);

/** One tick of one instance at `now`: the scheduler, then the outbox with the reminders' guard. */
export async function tick(ctx: TestContext, now: Date) {
  const { queued } = await runReminders(ctx.services, now);
  const delivered = await deliverDue(ctx.services.db, ctx.mailer, now, 50, reminderGuard(ctx.services));
  return { queued, ...delivered };
}

/** The reminders a mailbox received, by subject pattern. */
export const received = (smtp: TestSmtp, to: string, subject: RegExp = /./) =>
  smtp.messages.filter((m: ParsedMail) => addressOf(m) === to && subject.test(m.subject ?? ''));

export const addressOf = (m: ParsedMail) => {
  const to = Array.isArray(m.to) ? m.to[0] : m.to;
  return to?.value[0]?.address ?? '';
};

/** A header as sent (mailparser turns List-* headers into objects). */
export const rawHeader = (m: ParsedMail, name: string) =>
  m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';

/** The List-Unsubscribe address of a received e-mail (RFC 8058), as a path on the platform. */
export function oneClickPath(m: ParsedMail): string {
  const header = rawHeader(m, 'list-unsubscribe');
  const url = /<([^>]+)>/.exec(header)?.[1];
  expect(url, header).toBeTruthy();
  const parsed = new URL(url!);
  return `${parsed.pathname}${parsed.search}`;
}

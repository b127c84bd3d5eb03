import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { findLearnerById } from '../learners/learners.service';
import { addOptOut } from './reminders.store';
import { checkUnsubscribe, type UnsubscribeLink } from './unsubscribe';

/**
 * Turns a kind of reminder off for the learner the signed link names (idempotent: a second click,
 * or a mail client's RFC 8058 POST after the person's own click, changes nothing). `all` turns
 * every reminder off; award e-mails are not reminders and still go out.
 */
export async function unsubscribe(
  deps: { db: Db; config: { auth: { jwtSecret: string } } },
  link: Partial<UnsubscribeLink>,
  options: { all?: boolean } = {},
): Promise<{ kind: string }> {
  if (!checkUnsubscribe(deps.config.auth.jwtSecret, link)) throw new AppError('REMINDER_LINK_INVALID', 400);
  const kind = options.all ? 'all' : link.kind;
  // A learner erased since the e-mail left: nothing is left to send them.
  if (await findLearnerById(deps.db, link.learnerId)) await addOptOut(deps.db, link.learnerId, kind);
  return { kind };
}

/** Whether a signed link is good, for the page that asks for confirmation. */
export function validUnsubscribeLink(secret: string, link: Partial<UnsubscribeLink>): link is UnsubscribeLink {
  return checkUnsubscribe(secret, link);
}

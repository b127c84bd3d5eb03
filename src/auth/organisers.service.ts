import type { Db } from '../db/client';
import { recordAudit, type Actor } from '../audit/audit.service';
import { AppError } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';
import { findOrganiserByEmail, insertOrganiser } from './organisers.store';
import { hashPassword } from './passwords';

export async function addOrganiser(
  db: Db,
  actor: Actor | null,
  input: { email: string; password: string; role?: 'admin' | 'organiser'; name?: string },
) {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await insertOrganiser(tx, {
      email,
      passwordHash,
      role: input.role ?? 'organiser',
      name: input.name ?? null,
    });
    if (!row) throw new AppError('ORGANISER_EXISTS', 409, { email });
    await recordAudit(tx, actor, {
      action: 'organiser.add',
      targetType: 'organiser',
      targetId: row.id,
      details: { email, role: row.role },
    });
    return row;
  });
}

/** The first admin comes from PARCOURS_ADMIN_EMAIL/PASSWORD; an existing account is left as it is. */
export async function ensureAdmin(db: Db, email: string | undefined, password: string | undefined) {
  if (!email || !password) return;
  if (await findOrganiserByEmail(db, normaliseEmail(email))) return;
  try {
    await addOrganiser(db, null, { email, password, role: 'admin' });
  } catch (error) {
    // Another instance created it between our read and our insert.
    if (!(error instanceof AppError && error.code === 'ORGANISER_EXISTS')) throw error;
  }
}

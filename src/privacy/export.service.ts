import { strToU8, zipSync } from 'fflate';
import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { recordAudit } from '../audit/audit.service';
import { allCredentialsOfLearner } from '../credentials/learner-credentials.service';
import { findEntryForExport } from '../directory/directory.service';
import { findLearnerById } from '../learners/learners.service';
import { attemptsOf, attendanceOf, auditAbout, awardsOf, emailsTo, formerEmails } from './personal-data.store';
import { consentsOf } from './privacy.store';
import { apiGrantsOf, remindersOf, walletOf } from './feature-data.store';
import { exportReadme } from './export-readme';

/**
 * Art. 15 and 20: everything held about one learner, as JSON, with each credential's signed files.
 * Read in one transaction, so the parts agree with each other.
 */
export async function personalData(db: Db, learnerId: string) {
  return db.transaction(async (tx) => {
    const learner = await findLearnerById(tx, learnerId);
    if (!learner || learner.erasedAt) throw new AppError('LEARNER_NOT_FOUND', 404, { id: learnerId });
    const credentials = await allCredentialsOfLearner(tx, learnerId);
    const emails = [learner.email, ...(await formerEmails(tx, learnerId))];
    const sent = [];
    for (const email of emails) sent.push(...(await emailsTo(tx, email)));
    const data = {
      generatedAt: new Date().toISOString(),
      identity: {
        id: learner.id,
        email: learner.email,
        formerEmails: emails.slice(1),
        name: learner.name,
        organisation: learner.organisation,
        lang: learner.lang,
        createdAt: learner.createdAt,
        updatedAt: learner.updatedAt,
      },
      attendance: await attendanceOf(tx, learnerId),
      answers: await attemptsOf(tx, learnerId),
      awards: await awardsOf(tx, learnerId),
      credentials: credentials.map((c) => ({
        id: c.id,
        badgeKey: c.badgeKey,
        issuedAt: c.issuedAt,
        revokedAt: c.revokedAt,
        revocationReason: c.revocationReason,
        files: [`credentials/${c.id}.json`, `credentials/${c.id}.jwt`],
      })),
      emails: sent,
      consents: await consentsOf(tx, learnerId),
      directory: await findEntryForExport(tx, learnerId),
      apiGrants: await apiGrantsOf(tx, learnerId),
      wallet: await walletOf(tx, learnerId),
      reminders: await remindersOf(tx, learnerId),
      audit: await auditAbout(tx, learnerId, learner.email),
    };
    return { data, credentials };
  });
}

/** The ZIP: mes-donnees.json, credentials/<id>.json and .jwt, README.txt (in French). */
export async function exportZip(db: Db, learnerId: string): Promise<Uint8Array> {
  const { data, credentials } = await personalData(db, learnerId);
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(exportReadme(data.generatedAt)),
    'mes-donnees.json': strToU8(`${JSON.stringify(data, null, 2)}\n`),
  };
  for (const c of credentials) {
    files[`credentials/${c.id}.json`] = strToU8(c.json);
    files[`credentials/${c.id}.jwt`] = strToU8(c.jwt);
  }
  return zipSync(files, { level: 6 });
}

/** An organiser produces the export for a learner (a request received by post): audited. */
export async function exportForLearner(deps: { db: Db }, actor: Actor, learnerId: string): Promise<Uint8Array> {
  const zip = await exportZip(deps.db, learnerId);
  await recordAudit(deps.db, actor, { action: 'learner.export', targetType: 'learner', targetId: learnerId });
  return zip;
}

export const exportFileName = (learnerId: string) => `mes-donnees-${learnerId.slice(0, 8)}.zip`;

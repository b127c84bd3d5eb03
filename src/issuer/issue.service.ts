import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import type { Award } from '../badges/awards.store';
import { findLearnerById } from '../learners/learners.store';
import { enqueueMail } from '../notifications/outbox.store';
import { linkedInAddUrl, renderAward } from '../notifications/templates/award';
import type { Programme } from '../programme/load-programme';
import { buildCredential } from '../credentials/build-credential';
import { newIdentitySalt } from '../credentials/identity-hash';
import { signDataIntegrity } from '../credentials/sign-data-integrity';
import { signJwt } from '../credentials/sign-jwt';
import { issuerProfile, publishedAchievement } from './achievements';
import { credentialLinks, credentialUrl, evidenceOf, resultsOf } from './credential-content';
import { insertCredential } from './credentials.store';
import { allocateStatusEntry, statusListUrl, type StatusListDeps } from './status-lists.service';

export interface IssueDeps extends StatusListDeps {
  programme: Programme;
  now?: () => Date;
}

// A conflict means another transaction took the same random entry: rare, so a few tries suffice.
const ATTEMPTS = 5;

/**
 * The awards hook: one award becomes its OpenBadgeCredential and the learner's award e-mail is
 * queued, both in the award's transaction. Throwing rolls the award back.
 */
export async function issueCredential(tx: Db, award: Award, deps: IssueDeps): Promise<string> {
  const issued = await createCredential(tx, award, deps);
  const { id, learner, achievement, issuer, issuedAt } = issued;
  const links = credentialLinks(deps.keyring.publicUrl, id);
  await enqueueMail(tx, learner.email, 'award', renderAward(learner.lang, {
    badgeName: achievement.name, issuerName: issuer.name, imageUrl: `${deps.keyring.publicUrl}/achievements/${award.badgeKey}/image.png`, links,
    linkedInUrl: linkedInAddUrl({ name: achievement.name, organizationName: issuer.name, issued: issuedAt, certUrl: links.page, certId: id }),
  }));
  return id;
}

/**
 * Builds, signs with the Data Integrity proof then as a VC-JWT (FACTS.md §2: DI first, JWT
 * around it) and stores the credential of one award, with a random status entry.
 */
export async function createCredential(tx: Db, award: Award, deps: IssueDeps) {
  const learner = await findLearnerById(tx, award.learnerId);
  const badge = deps.programme.badges.find((b) => b.key === award.badgeKey);
  if (!learner || !badge) throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field: learner ? 'badgeKey' : 'learnerId' });
  const { lang } = learner;
  const issuedAt = deps.now?.() ?? new Date();
  const keys = await deps.keyring.signing(tx);
  const { publicUrl } = deps.keyring;
  const achievement = publishedAchievement(deps.programme, badge, publicUrl, lang);
  const issuer = issuerProfile(deps.programme, keys.issuerId, publicUrl, lang);
  const common = {
    issuer, achievement, validFrom: issuedAt, awardedDate: award.awardedAt,
    recipient: { email: learner.email, salt: newIdentitySalt() },
    evidence: evidenceOf(award.evidence, deps.programme, lang), results: resultsOf(award.evidence, achievement),
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const entry = await allocateStatusEntry(tx, deps, keys.issuerId);
    const id = randomUUID();
    const unsigned = buildCredential({ ...common, id: credentialUrl(publicUrl, id), statusEntry: { listUrl: statusListUrl(publicUrl, entry.listId), index: entry.index } });
    const signed = await signDataIntegrity(unsigned, { key: keys.ed25519, documentLoader: deps.documentLoader, date: issuedAt });
    const jwt = signJwt(signed, { privateJwk: keys.p256.privateJwk!, kid: keys.jwtKid });
    const inserted = await insertCredential(tx, {
      id, learnerId: learner.id, awardId: award.id, badgeKey: badge.key, issuerId: keys.issuerId, lang,
      json: JSON.stringify(signed), jwt, statusListId: entry.listId, statusIndex: entry.index, issuedAt,
    });
    if (inserted) return { id, learner, achievement, issuer, issuedAt };
  }
  throw new AppError('CREDENTIAL_STATUS_LIST_BUSY', 503);
}

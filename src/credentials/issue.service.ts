import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import type { OnAwarded } from '../badges/awards.service';
import { findLearnerById, findLearnersByIds, type Learner } from '../learners/learners.service';
import { enqueueMails } from '../notifications/outbox.service';
import { linkedInAddUrl, renderAward } from '../notifications/templates/award';
import type { Programme } from '../programme/load-programme';
import { buildCredential } from '../ob3/build-credential';
import { newIdentitySalt } from '../ob3/identity-hash';
import { signDataIntegrity } from '../ob3/sign-data-integrity';
import { issuedTexts } from '../ob3/signed-texts';
import { issuerProfile, publishedAchievement } from './achievements';
import { credentialLinks, credentialUrl, evidenceOf, resultsOf } from './credential-content';
import { insertCredentials, type CredentialValues } from './credentials.store';
import {
  allocateStatusEntries,
  allocateStatusEntry,
  statusListUrl,
  type StatusEntry,
  type StatusListDeps,
} from './status-lists.service';
import type { SigningKeys } from './keyring';
import type { DataIntegritySigner } from '../ob3/signing-pool';

/** An award as the awards hook hands it over. */
type Award = Parameters<OnAwarded>[1][number];

export interface IssueDeps extends StatusListDeps {
  programme: Programme;
  /** Data Integrity proofs on a pool of threads (signing-pool.ts); absent: signed in this thread. */
  signer?: DataIntegritySigner;
  now?: () => Date;
  /** The endorsements each Achievement carries from now on, by badge key (the endorsements area's). */
  endorsements?: (db: Db) => Promise<Map<string, object[]>>;
  /** Read once per issuing call from `endorsements`. */
  endorsed?: Map<string, object[]>;
  /** The names learners chose to show on their badges (wallet area), by learner id. */
  shownNames?: (db: Db, learnerIds: readonly string[]) => Promise<Map<string, string>>;
}

// A conflict means another transaction took the same random entry: rare, so a few tries suffice.
const ATTEMPTS = 5;

/** What issuing one award produced: enough for the award e-mail. */
interface Issued {
  id: string;
  learner: Learner;
  achievement: ReturnType<typeof publishedAchievement>;
  issuer: ReturnType<typeof issuerProfile>;
  issuedAt: Date;
}

/**
 * The awards hook: each award becomes its OpenBadgeCredential and the learner's award e-mail is
 * queued, all in the awards' transaction. Throwing rolls the awards back.
 */
export async function issueCredentials(tx: Db, awards: readonly Award[], deps: IssueDeps): Promise<string[]> {
  const all = await signAndStoreCredentials(tx, awards, deps);
  // One insert per hundred e-mails, rendered a hundred at a time: a re-evaluation announces thousands.
  for (let i = 0; i < all.length; i += BATCH) {
    const chunk = all.slice(i, i + BATCH);
    await enqueueMails(
      tx,
      chunk.map((issued, j) => announcement(awards[i + j]!, issued, deps)),
    );
  }
  return all.map((c) => c.id);
}

function announcement(award: Award, issued: Issued, deps: IssueDeps) {
  const { id, learner, achievement, issuer, issuedAt } = issued;
  const links = credentialLinks(deps.keyring.publicUrl, id);
  return {
    to: learner.email,
    template: 'award',
    mail: renderAward(learner.lang, {
      badgeName: achievement.name,
      issuerName: issuer.name,
      imageUrl: `${deps.keyring.publicUrl}/achievements/${award.badgeKey}/image.png`,
      links,
      linkedInUrl: linkedInAddUrl({
        name: achievement.name,
        organizationName: issuer.name,
        issued: issuedAt,
        certUrl: links.page,
        certId: id,
      }),
    }),
  };
}

/** One award's credential, built and signed (DI, then VC-JWT around it), ready to insert. */
async function signedCredential(
  award: Award,
  learner: Learner,
  entry: StatusEntry,
  keys: SigningKeys,
  deps: IssueDeps,
  issuedAt: Date,
  name?: string,
): Promise<{ values: CredentialValues; issued: Issued }> {
  const badge = deps.programme.badges.find((b) => b.key === award.badgeKey);
  if (!badge) throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field: 'badgeKey' });
  const { lang } = learner;
  const { publicUrl } = deps.keyring;
  const endorsement = deps.endorsed?.get(badge.key) ?? [];
  const achievement = {
    ...publishedAchievement(deps.programme, badge, publicUrl, lang),
    ...(endorsement.length > 0 ? { endorsement } : {}),
  };
  const issuer = issuerProfile(deps.programme, keys.issuerId, publicUrl, lang);
  const id = randomUUID();
  const unsigned = buildCredential({
    issuer,
    achievement,
    validFrom: issuedAt,
    awardedDate: award.awardedAt,
    recipient: { email: learner.email, salt: newIdentitySalt(), name },
    evidence: evidenceOf(award.evidence, deps.programme, lang),
    results: resultsOf(award.evidence, achievement),
    id: credentialUrl(publicUrl, id),
    statusEntry: { listUrl: statusListUrl(publicUrl, entry.listId), index: entry.index },
  });
  const jwtOptions = { privateJwk: keys.p256.privateJwk!, kid: keys.jwtKid };
  // Both signatures and the JSON text in the signing thread, when there is a pool.
  const { json, jwt } = deps.signer
    ? await deps.signer.issue(unsigned, { key: keys.ed25519, date: issuedAt, jwt: jwtOptions })
    : issuedTexts(
        await signDataIntegrity(unsigned, { key: keys.ed25519, documentLoader: deps.documentLoader, date: issuedAt }),
        jwtOptions,
      );
  const values = {
    id,
    learnerId: learner.id,
    awardId: award.id,
    badgeKey: badge.key,
    issuerId: keys.issuerId,
    lang,
    json,
    jwt,
    statusListId: entry.listId,
    statusIndex: entry.index,
    issuedAt,
  };
  return { values, issued: { id, learner, achievement, issuer, issuedAt } };
}

/**
 * Builds, signs with the Data Integrity proof then as a VC-JWT (OB 3.0 integrity.md: DI first, JWT
 * around it) and stores the credential of one award, with a random status entry.
 */
export async function signAndStoreCredential(tx: Db, award: Award, given: IssueDeps): Promise<Issued> {
  const deps = await withEndorsements(tx, given);
  const learner = await findLearnerById(tx, award.learnerId);
  if (!learner) throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field: 'learnerId' });
  const issuedAt = deps.now?.() ?? new Date();
  const keys = await deps.keyring.signing(tx);
  const name = (await deps.shownNames?.(tx, [learner.id]))?.get(learner.id);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const entry = await allocateStatusEntry(tx, deps, keys.issuerId);
    const { values, issued } = await signedCredential(award, learner, entry, keys, deps, issuedAt, name);
    if ((await insertCredentials(tx, [values])).has(issued.id)) return issued;
  }
  throw new AppError('CREDENTIAL_STATUS_LIST_BUSY', 503);
}

/** The Achievements' current endorsements, read once: embedded in every credential issued from now on. */
const withEndorsements = async (tx: Db, deps: IssueDeps): Promise<IssueDeps> =>
  deps.endorsed || !deps.endorsements ? deps : { ...deps, endorsed: await deps.endorsements(tx) };

// Statement size and memory of one batch; an import can award thousands at once.
const BATCH = 100;

type SignedAward = { award: Award } & Awaited<ReturnType<typeof signedCredential>>;

/**
 * The credentials of many awards (an import, an evaluation): one query for the learners, one for
 * the status entries and one insert per batch, the signing per award. An award whose entry was
 * taken meanwhile, or that found no free entry, goes through signAndStoreCredential, which retries.
 * Batches overlap: while the signing threads sign one, this thread stores the one before, so the
 * threads do not wait for the database. (An entry two overlapping batches both drew is settled like
 * any taken entry: the unique index refuses the second, which is signed again with a new one.)
 */
export async function signAndStoreCredentials(tx: Db, awards: readonly Award[], given: IssueDeps): Promise<Issued[]> {
  const deps = await withEndorsements(tx, given);
  const issued: Issued[] = [];
  const keys = await deps.keyring.signing(tx);
  const store = async ({ signing, unsigned }: { signing: Promise<SignedAward[]>; unsigned: readonly Award[] }) => {
    const signed = await signing;
    const inserted = await insertCredentials(
      tx,
      signed.map((s) => s.values),
    );
    for (const s of signed)
      issued.push(inserted.has(s.values.id) ? s.issued : await signAndStoreCredential(tx, s.award, deps));
    for (const award of unsigned) issued.push(await signAndStoreCredential(tx, award, deps));
  };
  let previous: Parameters<typeof store>[0] | undefined;
  for (let i = 0; i < awards.length; i += BATCH) {
    const batch = awards.slice(i, i + BATCH);
    const learners = new Map(
      (
        await findLearnersByIds(
          tx,
          batch.map((a) => a.learnerId),
        )
      ).map((l) => [l.id, l]),
    );
    const names = (await deps.shownNames?.(tx, [...learners.keys()])) ?? new Map<string, string>();
    const entries = await allocateStatusEntries(tx, keys.issuerId, batch.length);
    const issuedAt = deps.now?.() ?? new Date();
    // The batch's proofs are computed together: on several threads when the signer has them.
    const signing = Promise.all(
      batch.slice(0, entries.length).map(async (award, j) => {
        const learner = learners.get(award.learnerId);
        if (!learner) throw new AppError('CREDENTIAL_INPUT_INVALID', 500, { field: 'learnerId' });
        const name = names.get(learner.id);
        return { award, ...(await signedCredential(award, learner, entries[j]!, keys, deps, issuedAt, name)) };
      }),
    );
    signing.catch(() => {}); // awaited by `store`, possibly after the batch before is stored
    if (previous) await store(previous);
    previous = { signing, unsigned: batch.slice(entries.length) };
  }
  if (previous) await store(previous);
  return issued;
}

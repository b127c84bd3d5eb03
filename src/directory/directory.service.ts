import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import { AppError, type Lang } from '../shared/errors';
import { normaliseEmail } from '../shared/schemas';
import { say } from '../shared/text';
import { recordAudit } from '../audit/audit.service';
import { listAwardsOf } from '../badges/awards.service';
import { badgeName } from '../badges/programme-context';
import type { Programme } from '../programme/load-programme';
import { findLearnerById, findLearnersByIds } from '../learners/learners.service';
import { recordConsent } from '../privacy/consent.service';
import { deleteEntry, findEntry, listedEntries, saveEntry, withdrawEntry } from './directory.store';
import { directoryText } from './directory.text';
import { departmentOf } from './departments';

export interface DirectoryDeps {
  db: Db;
  programme: Programme;
  credentials: { credentialIdsOf(db: Db, awardIds: string[]): Promise<ReadonlyMap<string, string>> };
}

export interface ListedBadge {
  key: string;
  name: string;
  credentialId: string | null;
}

export interface ListedPerson {
  learnerId: string;
  name: string;
  collectivite: string;
  department: string;
  badges: ListedBadge[];
  contact: string | null;
}

export interface DirectoryFilters {
  department?: string;
  collectivite?: string;
  badge?: string;
}

export const deleteDirectoryEntry = (db: Db, learnerId: string) => deleteEntry(db, learnerId);

/** The badges a learner holds now (unrevoked), each with its current credential. */
async function heldBadges(deps: DirectoryDeps, learnerIds: string[], lang: Lang) {
  const awards = (await listAwardsOf(deps.db, learnerIds)).filter((a) => !a.revokedAt);
  const ids = await deps.credentials.credentialIdsOf(
    deps.db,
    awards.map((a) => a.id),
  );
  const out = new Map<string, ListedBadge[]>();
  for (const a of awards) {
    const badge = deps.programme.badges.find((b) => b.key === a.badgeKey);
    const list = out.get(a.learnerId) ?? [];
    list.push({
      key: a.badgeKey,
      name: badge ? badgeName(badge, lang) : a.badgeKey,
      credentialId: ids.get(a.id) ?? null,
    });
    out.set(a.learnerId, list);
  }
  return out;
}

/** What « Mes données » shows of the directory: the entry, whether they may join, suggestions. */
export async function myDirectory(deps: DirectoryDeps, learnerId: string, lang: Lang) {
  const learner = await findLearnerById(deps.db, learnerId);
  if (!learner || learner.erasedAt) throw new AppError('LEARNER_NOT_FOUND', 404, { id: learnerId });
  const entry = await findEntry(deps.db, learnerId);
  const badges = (await heldBadges(deps, [learnerId], lang)).get(learnerId) ?? [];
  return {
    entry: entry ?? null,
    eligible: badges.length > 0,
    badges,
    collectivite: entry?.collectivite ?? learner.organisation ?? '',
    department: entry?.department ?? departmentOf(learner.organisation) ?? '',
    signInEmail: learner.email,
  };
}

export interface DirectoryInput {
  collectivite: string;
  department: string;
  contactEmail?: string;
  showSignInEmail: boolean;
  /** Ticked by the person: required to join (not to update a listing they already agreed to). */
  consent: boolean;
}

const field = (name: string, reason: string) => new AppError('DIRECTORY_FIELD_INVALID', 400, { field: name, reason });

/** Opt in (or update the listing): consent recorded when the person joins; needs a badge. */
export async function joinDirectory(deps: DirectoryDeps, actor: Actor, input: DirectoryInput, lang: Lang) {
  const mine = await myDirectory(deps, actor.id, lang);
  if (!mine.eligible) throw new AppError('DIRECTORY_NEEDS_BADGE', 403);
  const collectivite = input.collectivite.trim().slice(0, 200);
  const department = input.department.trim().toUpperCase().slice(0, 60);
  if (!department) throw field('department', say(directoryText, lang, 'required'));
  if (!mine.entry?.listed && !input.consent) throw field('consent', say(directoryText, lang, 'required'));
  const contact = input.contactEmail?.trim() ? normaliseEmail(input.contactEmail) : null;
  if (contact && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) throw field('contactEmail', 'e-mail');
  await deps.db.transaction(async (tx) => {
    if (!mine.entry?.listed) {
      await recordConsent(tx, {
        learnerId: actor.id,
        purpose: 'directory',
        given: true,
        wording: say(directoryText, 'fr', 'consentWording'),
      });
      await recordAudit(tx, actor, { action: 'directory.join', targetType: 'learner', targetId: actor.id });
    }
    await saveEntry(tx, actor.id, {
      listed: true,
      collectivite: collectivite || null,
      department,
      contactEmail: contact,
      showSignInEmail: input.showSignInEmail,
    });
  });
}

/** One click, effective at once: off the directory, consent withdrawn on record. */
export async function leaveDirectory(deps: { db: Db }, actor: Actor) {
  await deps.db.transaction(async (tx) => {
    const entry = await findEntry(tx, actor.id);
    if (!entry?.listed) return;
    await withdrawEntry(tx, actor.id);
    await recordConsent(tx, {
      learnerId: actor.id,
      purpose: 'directory',
      given: false,
      wording: say(directoryText, 'fr', 'withdrawWording'),
    });
    await recordAudit(tx, actor, { action: 'directory.leave', targetType: 'learner', targetId: actor.id });
  });
}

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The listed people matching the filters, by department then name: only what each agreed to show. */
export async function searchDirectory(deps: DirectoryDeps, filters: DirectoryFilters, lang: Lang) {
  const entries = await listedEntries(deps.db);
  const learners = new Map(
    (
      await findLearnersByIds(
        deps.db,
        entries.map((e) => e.learnerId),
      )
    ).map((l) => [l.id, l]),
  );
  const badges = await heldBadges(
    deps,
    entries.map((e) => e.learnerId),
    lang,
  );
  const people: ListedPerson[] = [];
  for (const e of entries) {
    const learner = learners.get(e.learnerId);
    const held = badges.get(e.learnerId) ?? [];
    if (!learner || learner.erasedAt || held.length === 0) continue;
    people.push({
      learnerId: e.learnerId,
      name: learner.name ?? '',
      collectivite: e.collectivite ?? '',
      department: e.department ?? '',
      badges: held,
      contact: e.contactEmail ?? (e.showSignInEmail ? learner.email : null),
    });
  }
  const { department, collectivite, badge } = filters;
  return people
    .filter((p) => !department || norm(p.department) === norm(department))
    .filter((p) => !collectivite || norm(p.collectivite).includes(norm(collectivite)))
    .filter((p) => !badge || p.badges.some((b) => b.key === badge))
    .sort((a, b) => a.department.localeCompare(b.department) || a.name.localeCompare(b.name, 'fr'));
}

/** The learner's directory entry as their data export shows it. */
export const findEntryForExport = (db: Db, learnerId: string) => findEntry(db, learnerId).then((e) => e ?? null);

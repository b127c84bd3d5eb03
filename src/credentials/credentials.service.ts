import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor } from '../shared/actor';
import type { OnAwarded } from '../badges/awards.service';
import type { CredentialIdsOf } from '../badges/progress.service';
import type { Programme } from '../programme/load-programme';
import { createDocumentLoader, didWebResolver } from '../ob3/document-loader';
import { verifyCredential, type VerificationResult } from '../ob3/verify';
import { budgetedFetch, DEFAULT_VERIFY_LIMITS, type VerifyLimits } from '../ob3/verify-limits';
import { createSigner, defaultSigningThreads } from '../ob3/signing-pool';
import { createKeyring, type Keyring } from './keyring';
import { ensureIssuerKeys, rotateIssuerKeys } from './keys.service';
import { issueCredentials, type IssueDeps } from './issue.service';
import { revokeCredentialsOfAwards, type Revoked } from './revoke.service';
import { credentialIdsOfAwards } from './credentials.store';
import { createFetchJson, ownPath } from './fetch-json';
import { ownListProofs } from './verified-lists';
import { rememberedKeys } from './remembered-keys';
import { ownDocument } from './published';
import { createStatusList } from './status-lists.service';
import { latestListOf } from './status-lists.store';

type Revoker = Pick<Actor, 'id' | 'email'>;

/** The credentials area as buildServices() builds it once (`services.credentials`): server, CLI, tests. */
export interface Credentials {
  deps: IssueDeps;
  /** The awards hook: one credential per award, in the award's transaction. */
  onAwarded: OnAwarded;
  credentialIdsOf: CredentialIdsOf;
  /** At start: keys exist and open, and the current issuer has a status list. */
  bootstrap(db: Db): Promise<void>;
  rotateKeys(db: Db): ReturnType<typeof rotateIssuerKeys>;
  verify(db: Db, input: Uint8Array | string | object): Promise<VerificationResult>;
  /** For a learner merge, in its transaction, before duplicate awards are deleted. */
  revokeForAwards(tx: Db, actor: Revoker | null, awardIds: readonly string[], reason: string): Promise<Revoked[]>;
  /** Ends the signing threads (platform stop). */
  close(): Promise<void>;
}

export function buildCredentialsService(options: {
  config: Pick<Config, 'publicUrl' | 'keySecret' | 'signingThreads'>;
  programme: Programme;
  /** Tests only: what verification fetches outside documents with (instead of the HTTPS client). */
  fetch?: typeof globalThis.fetch;
  /** What one verification may cost (verify-limits.ts); the defaults suit a public endpoint. */
  verifyLimits?: Partial<VerifyLimits>;
  /** Other areas' public documents by path (the endorsers'), answered locally like ours. */
  localDocuments?: (db: Db, path: string) => Promise<unknown>;
  /** What the Achievements carry in credentials issued from now on (the endorsements area). */
  endorsements?: IssueDeps['endorsements'];
}): Credentials {
  const { publicUrl, keySecret } = options.config;
  const keyring = createKeyring({ publicUrl, secret: keySecret });
  // Signing resolves contexts and did:key offline, nothing else: no network at signing time.
  const documentLoader = createDocumentLoader();
  const signer = createSigner({ threads: options.config.signingThreads ?? defaultSigningThreads(), documentLoader });
  const deps: IssueDeps = {
    programme: options.programme,
    keyring,
    documentLoader,
    signer,
    endorsements: options.endorsements,
  };
  const local = async (db: Db, path: string, keys: Keyring = keyring) =>
    (await ownDocument(db, keys, path)) ?? (await options.localDocuments?.(db, path));
  const ensureList = async (db: Db) => {
    const { issuerId } = await keyring.signing(db);
    if (!(await latestListOf(db, issuerId))) await db.transaction((tx) => createStatusList(tx, deps, issuerId));
  };
  const checkListProof = ownListProofs((url) => ownPath(publicUrl, url) !== undefined);
  const ownKeys = rememberedKeys(keyring, publicUrl);
  const verifyOnce = async (db: Db, input: Uint8Array | string | object, fromMemory: boolean) => {
    const limits = { ...DEFAULT_VERIFY_LIMITS, ...options.verifyLimits };
    const keys = ownKeys.session(db, fromMemory);
    // One budget per verification: every outside fetch (keys, DID documents, status lists) counts.
    const fetchJson = budgetedFetch(
      createFetchJson({ publicUrl, local: (path) => local(db, path, keys.keyring), fetch: options.fetch }),
      limits,
    );
    const result = await verifyCredential(input, {
      documentLoader: createDocumentLoader({ resolve: didWebResolver(fetchJson) }),
      fetchJson,
      checkListProof,
      now: new Date(),
      limits,
      // Every issuer id this platform signed as: the did:web of PUBLIC_URL, or one did:key per Ed25519 key.
      isOwnIssuer: keys.isOwnIssuer,
    }).finally(() => fetchJson.end());
    return { result, usedMemory: keys.usedMemory };
  };
  return {
    deps,
    onAwarded: async (tx, awards) => {
      await issueCredentials(tx, awards, deps);
    },
    credentialIdsOf: credentialIdsOfAwards,
    async bootstrap(db) {
      await ensureIssuerKeys(db, keyring, keySecret);
      await ensureList(db);
    },
    async rotateKeys(db) {
      const rotated = await rotateIssuerKeys(db, keyring, keySecret);
      ownKeys.forget();
      await ensureList(db); // a did:key issuer is a new issuer: it gets its own list
      return rotated;
    },
    async verify(db, input) {
      const first = await verifyOnce(db, input, true);
      // A key added by a rotation on another instance is not in the remembered set: a proof that
      // failed against that set is checked again against the keys as they are now.
      const proof = first.result.checks.find((c) => c.check === 'proof');
      if (first.usedMemory && proof?.ok !== true) return (await verifyOnce(db, input, false)).result;
      return first.result;
    },
    revokeForAwards: (tx, actor, awardIds, reason) => revokeCredentialsOfAwards(tx, deps, actor, awardIds, reason),
    close: () => signer.close(),
  };
}

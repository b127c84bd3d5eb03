import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/client';
import { AppError } from '../shared/errors';
import { endorsementSchemaErrors } from '../ob3/verify-schema';
import { checkDataIntegrity } from '../ob3/verify-proof';
import { checkJwtProof } from '../ob3/verify-jwt';
import { readCredential } from '../ob3/verify-input';
import { audit, findEndorser, identityOf, type EndorsementsContext, type Who } from './endorsements.service';
import { findEndorsement, findList, updateEndorsement, updateList } from './endorsements.store';
import { localVerifier } from './endorsement-published';
import type { EndorserIdentity } from './endorser-identity';

/** What `endorse sign` writes and POST /api/endorsements (or `endorse import`) takes back. */
export interface SignedEndorsements {
  format: 'parcours-endorsement-signed/v1';
  endorser: string;
  credentials: Array<Record<string, unknown>>;
  /** VC-JWT of each endorsement, by credential id (when the key file has a P-256 key). */
  jwts?: Record<string, string>;
}

const MAX_CREDENTIALS = 10;
const refuse = (field: string, reason: string) =>
  new AppError('ENDORSEMENT_IMPORT_INVALID', 400, { field, reason: reason.slice(0, 300) });
const withoutProof = ({ proof: _proof, ...rest }: Record<string, unknown>) => rest;
const idOf = (issuer: unknown) => (typeof issuer === 'string' ? issuer : (issuer as { id?: unknown })?.id);

/**
 * Offline mode, last step: each signed credential is checked before anything is kept — it is
 * exactly what was requested (same content, proof added), signed by the endorser's key named in
 * its file (controller = the endorser's DID), and an endorsement's VC-JWT carries the same
 * credential under the endorser's P-256 key. One refusal refuses the whole file.
 */
export async function importSigned(db: Db, ctx: EndorsementsContext, actor: Who, bundle: SignedEndorsements) {
  if (bundle?.format !== 'parcours-endorsement-signed/v1') throw refuse('format', 'parcours-endorsement-signed/v1');
  const endorser = findEndorser(ctx, bundle.endorser);
  const credentials = Array.isArray(bundle.credentials) ? bundle.credentials : [];
  if (credentials.length === 0 || credentials.length > MAX_CREDENTIALS) throw refuse('credentials', 'count');
  return db.transaction(async (tx) => {
    const identity = await identityOf(tx, ctx, endorser);
    const verifier = localVerifier(tx, ctx);
    const accepted: Array<{ id: string; type: string }> = [];
    for (const credential of credentials) {
      if (!credential || typeof credential !== 'object') throw refuse('credentials', 'object');
      if (idOf(credential.issuer) !== identity.issuerId) throw refuse('issuer', String(idOf(credential.issuer)));
      const proof = await checkDataIntegrity(structuredClone(credential), verifier);
      if (proof.ok !== true) throw refuse('proof', String(proof.params?.reason ?? proof.code));
      const types = ([] as unknown[]).concat(credential.type);
      if (types.includes('EndorsementCredential')) {
        await acceptEndorsement(tx, identity, credential, bundle.jwts?.[String(credential.id)], verifier);
        accepted.push({ id: String(credential.id), type: 'EndorsementCredential' });
      } else if (types.includes('BitstringStatusListCredential')) {
        await acceptList(tx, identity, credential);
        accepted.push({ id: String(credential.id), type: 'BitstringStatusListCredential' });
      } else throw refuse('type', types.join(','));
    }
    await audit(tx, actor, 'endorsement.import', null, { endorser: endorser.key, accepted });
    return { endorser: endorser.key, accepted, by: actor?.email ?? null };
  });
}

async function acceptEndorsement(
  tx: Db,
  identity: EndorserIdentity,
  credential: Record<string, unknown>,
  jwt: string | undefined,
  verifier: ReturnType<typeof localVerifier>,
) {
  const id = /\/endorsements\/([0-9a-f-]{36})$/.exec(String(credential.id))?.[1];
  const row = id ? await findEndorsement(tx, id, true) : undefined;
  if (!row || row.endorser !== identity.endorser.key) throw refuse('id', String(credential.id));
  if (row.state !== 'requested' || row.withdrawnAt) throw refuse('id', 'not awaiting a signature');
  if (!isDeepStrictEqual(withoutProof(credential), JSON.parse(row.json)))
    throw refuse('credential', 'not as requested');
  const schema = endorsementSchemaErrors(credential);
  if (schema) throw refuse('schema', schema);
  if (jwt !== undefined) {
    const read = typeof jwt === 'string' ? readCredential(jwt) : undefined;
    if (!read?.jwt || read.jwt.header.kid !== identity.jwtKid) throw refuse('jwt', 'kid');
    const outcome = await checkJwtProof(read.jwt, read.credential, verifier);
    if (outcome.ok !== true || !isDeepStrictEqual(read.credential, credential)) throw refuse('jwt', outcome.code);
  }
  await updateEndorsement(tx, row.id, { state: 'active', json: JSON.stringify(credential), jwt: jwt ?? null });
}

async function acceptList(tx: Db, identity: EndorserIdentity, credential: Record<string, unknown>) {
  const listId = new RegExp(`^${identity.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/status/(\\d{1,9})$`).exec(
    String(credential.id),
  )?.[1];
  const row = listId ? await findList(tx, Number(listId), true) : undefined;
  if (!row || row.endorser !== identity.endorser.key) throw refuse('statusList', String(credential.id));
  const subject = credential.credentialSubject as { encodedList?: unknown; statusPurpose?: unknown } | undefined;
  // Exactly the bits asked for: an older signed list must not undo a withdrawal.
  if (subject?.encodedList !== row.encodedList || subject.statusPurpose !== 'revocation')
    throw refuse('statusList', 'not the current list');
  await updateList(tx, row.id, { credential: JSON.stringify(credential), signedList: row.encodedList });
}

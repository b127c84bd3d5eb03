import { createHash } from 'node:crypto';
import { checkDataIntegrity, type ProofDeps, type ProofOutcome } from '../ob3/verify-proof';

const MAX_LISTS = 64;

/**
 * Every verification of one of our credentials also verifies our status list's proof: two more
 * RDFC-1.0 canonicalisations, of a document that changes only when a credential is revoked (it is
 * then re-signed, so its bytes name one version). A list of ours whose exact bytes passed once is
 * not checked again by this process; anyone else's list, or a list that failed, always is.
 */
export function ownListProofs(isOwnUrl: (url: string) => boolean): NonNullable<ProofDeps['checkListProof']> {
  const passed = new Map<string, ProofOutcome>();
  return async (list, deps) => {
    if (typeof list.id !== 'string' || !isOwnUrl(list.id)) return checkDataIntegrity(list, deps);
    const digest = createHash('sha256').update(JSON.stringify(list)).digest('base64url');
    const known = passed.get(digest);
    if (known) return known;
    const outcome = await checkDataIntegrity(list, deps);
    if (outcome.ok === true) {
      if (passed.size >= MAX_LISTS) passed.delete(passed.keys().next().value!);
      passed.set(digest, outcome);
    }
    return outcome;
  };
}

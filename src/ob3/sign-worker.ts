// A signing pool's thread (signing-pool.ts): the Data Integrity proof, RDFC-1.0 canonicalisation
// included, computed off the main thread. Contexts and did:key resolve offline, as in the main thread.
import { createDocumentLoader } from './document-loader';
import type { Ed25519Key } from './keys';
import { signDataIntegrity, type SignableCredential } from './sign-data-integrity';
import { issuedTexts, type JwtOptions } from './signed-texts';
import type { JwtSignableCredential } from './sign-jwt';

export interface SignTask {
  credential: SignableCredential;
  key: Ed25519Key;
  /** Proof `created`, as an ISO date. */
  date: string;
  /** Given: the VC-JWT is signed here too, and the credential comes back as its two texts. */
  jwt?: JwtOptions;
}

const documentLoader = createDocumentLoader();
// Each task carries a copy of the key: one object per key here, so signDataIntegrity's signer cache hits.
const keys = new Map<string, Ed25519Key>();

export default async function signTask(task: SignTask) {
  const id = `${task.key.id}|${task.key.publicKeyMultibase}`;
  let key = keys.get(id);
  if (!key) keys.set(id, (key = task.key));
  const signed = await signDataIntegrity(task.credential, { key, documentLoader, date: new Date(task.date) });
  return task.jwt ? issuedTexts(signed as unknown as JwtSignableCredential, task.jwt) : signed;
}

import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue } from '@digitalbazaar/vc';
import { AppError } from '../shared/errors';
import type { DocumentLoader } from './document-loader';
import { MULTIKEY_CONTEXT, verificationMethodId } from './issuer';
import type { Ed25519Key } from './keys';

/** Anything with an `issuer` we can sign: an OpenBadgeCredential or a status list credential. */
export interface SignableCredential {
  issuer: string | { id: string };
}

export interface SignDataIntegrityOptions {
  key: Ed25519Key;
  documentLoader: DocumentLoader;
  /** Proof `created`; defaults to now. */
  date?: Date;
}

// One signer per key and issuer id: importing the key pair on every credential is wasted work.
const signers = new WeakMap<
  Ed25519Key,
  Map<string, Promise<{ sign(input: { data: Uint8Array }): Promise<Uint8Array> }>>
>();
function signerOf(key: Ed25519Key, issuerId: string) {
  let byIssuer = signers.get(key);
  if (!byIssuer) signers.set(key, (byIssuer = new Map()));
  let signer = byIssuer.get(issuerId);
  if (!signer) {
    signer = Ed25519Multikey.from({
      '@context': MULTIKEY_CONTEXT,
      type: 'Multikey',
      id: verificationMethodId(issuerId, key),
      controller: issuerId,
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: key.secretKeyMultibase,
    }).then((pair) => pair.signer());
    byIssuer.set(issuerId, signer);
    signer.catch(() => byIssuer!.delete(issuerId));
  }
  return signer;
}

/**
 * Adds an embedded DataIntegrityProof, cryptosuite eddsa-rdfc-2022, proofPurpose
 * assertionMethod: the only Linked Data proof 1EdTech certifies (OB 3.0 integrity.md). The
 * verificationMethod is `<issuer id>#<key id>` with the issuer as controller, which is
 * what the 1EdTech validator and @digitalbazaar/vc's CredentialIssuancePurpose both require.
 * Canonicalisation (RDFC-1.0) runs in JSON-LD safe mode: an undefined term is an error here
 * rather than a silently unsigned field.
 */
export async function signDataIntegrity<T extends SignableCredential>(
  credential: T,
  options: SignDataIntegrityOptions,
): Promise<T & { proof: Array<Record<string, unknown>> }> {
  const { key, documentLoader } = options;
  if (!key.secretKeyMultibase) throw new AppError('CREDENTIAL_KEY_NOT_SIGNING', 500, { keyId: key.id });
  const issuerId = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
  const suite = new DataIntegrityProof({
    signer: await signerOf(key, issuerId),
    cryptosuite: eddsaRdfc2022,
    date: options.date ?? new Date(),
  });
  // vc.issue may add to the document it is given: sign a copy, never the caller's object.
  const copy = structuredClone(credential) as unknown as Record<string, unknown>;
  const signed = await issue({ credential: copy, suite, documentLoader });
  // Always an array: the formal 1EdTech schema requires `proof` to be one ("arrays
  // everywhere" passes both schema variants), and JSON-LD reads one proof or a set alike.
  const proof = ([] as Array<Record<string, unknown>>).concat(signed.proof as Record<string, unknown>);
  return { ...(signed as T), proof };
}

import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential as vcVerifyCredential } from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { AppError, type Params } from '../shared/errors';
import type { DocumentLoader, FetchJson } from './document-loader';
import { DEFAULT_VERIFY_LIMITS, isBudgetExceeded, type VerifyLimits } from './verify-limits';

export interface ProofOutcome {
  ok: boolean | 'unknown';
  code: string;
  params?: Params;
  /** Whether the signing key is shown to be the issuer's (feeds the `issuer` check). */
  keyBelongsToIssuer: boolean | 'unknown';
}

export interface ProofDeps {
  documentLoader: DocumentLoader;
  fetchJson: FetchJson;
  limits?: Pick<VerifyLimits, 'maxProofs' | 'maxStatusEntries'>;
  /** A status list's proof; checkDataIntegrity unless the caller remembers lists it verified. */
  checkListProof?: (list: Record<string, unknown>, deps: ProofDeps) => Promise<ProofOutcome>;
}

/**
 * A fetch refused by the verification's budget (too many documents, or out of time): reported
 * as such, not as an unreachable key. Out of time is 'unknown' (a slow host may answer later);
 * too many documents is the credential's own doing, so a failure.
 */
export function budgetOutcome(error: unknown): ProofOutcome | undefined {
  if (!isBudgetExceeded(error)) return undefined;
  return {
    ok: error.code === 'VERIFY_TIME_LIMIT' ? 'unknown' : false,
    code: error.code,
    params: error.params,
    keyBelongsToIssuer: 'unknown',
  };
}

export const unknownKey = (url: string): ProofOutcome => ({
  ok: 'unknown',
  code: 'VERIFY_PROOF_KEY_UNREACHABLE',
  params: { url },
  keyBelongsToIssuer: 'unknown',
});
export const invalid = (reason: string): ProofOutcome => ({
  ok: false,
  code: 'VERIFY_PROOF_INVALID',
  params: { reason: reason.slice(0, 200) },
  keyBelongsToIssuer: 'unknown',
});

/**
 * A loader that remembers what it failed to load, so "the issuer's server is down" (unknown)
 * can be told apart from "the key is not the issuer's" (false): the library reports both as
 * one failed verification.
 */
export function trackingLoader(loader: DocumentLoader) {
  const failures: Array<{ url: string; error: unknown }> = [];
  const load: DocumentLoader = async (url) => {
    try {
      return await loader(url);
    } catch (error) {
      failures.push({ url, error });
      throw error;
    }
  };
  const unreachable = () =>
    failures.find(({ url, error }) => {
      // A did:key that does not decode, or a DID document without the key, is a definitive no.
      if (url.startsWith('did:key:')) return false;
      return !(
        error instanceof AppError &&
        ['CREDENTIAL_KEY_NOT_FOUND', 'CREDENTIAL_DID_DOCUMENT_INVALID'].includes(error.code)
      );
    });
  return { load, unreachable };
}

/**
 * eddsa-rdfc-2022 as the library ships it, except that the signature is checked against a public key
 * object made once per key (the library makes one from DER on every check: ~0.2 ms of each). Keyed by
 * the key's own bytes, so nothing can be stale; the method is still resolved and decoded every time.
 */
const publicKeys = new Map<string, KeyObject>();
const cryptosuite = {
  ...eddsaRdfc2022,
  async createVerifier({ verificationMethod }: { verificationMethod: Record<string, unknown> }) {
    const key = await Ed25519Multikey.from(verificationMethod);
    const { publicKey: bytes } = (await key.export({ raw: true } as never)) as unknown as { publicKey: Uint8Array };
    const x = Buffer.from(bytes).toString('base64url');
    let publicKey = publicKeys.get(x);
    if (!publicKey) {
      publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
      if (publicKeys.size >= 64) publicKeys.delete(publicKeys.keys().next().value!);
      publicKeys.set(x, publicKey);
    }
    const verifyWith = publicKey;
    return {
      algorithm: 'Ed25519',
      id: key.id,
      verify: async ({ data, signature }: { data: Uint8Array; signature: Uint8Array }) =>
        verify(null, data, verifyWith, signature),
    };
  },
};

/**
 * The embedded proof, checked by @digitalbazaar/vc: RDFC-1.0 canonicalisation, Ed25519
 * signature, and CredentialIssuancePurpose (the method's controller must be the issuer and
 * list it under assertionMethod). Dates and status are our own checks, so the library is
 * asked at `validFrom` (neutral for its date test) and given a pass-through status check.
 */
export async function checkDataIntegrity(credential: Record<string, unknown>, deps: ProofDeps): Promise<ProofOutcome> {
  const proofs = ([] as Array<Record<string, unknown>>).concat((credential.proof as never) ?? []);
  if (proofs.length === 0) return { ok: false, code: 'VERIFY_PROOF_MISSING', keyBelongsToIssuer: 'unknown' };
  const maxProofs = deps.limits?.maxProofs ?? DEFAULT_VERIFY_LIMITS.maxProofs;
  if (proofs.length > maxProofs)
    return {
      ok: false,
      code: 'VERIFY_PROOF_TOO_MANY',
      params: { count: proofs.length, max: maxProofs },
      keyBelongsToIssuer: 'unknown',
    };
  if (proofs.some((p) => !p || typeof p !== 'object' || Array.isArray(p))) return invalid('proof');
  const supported = proofs.some((p) => p.type === 'DataIntegrityProof' && p.cryptosuite === 'eddsa-rdfc-2022');
  if (!supported) {
    // eddsa-2022 / Ed25519Signature2020 are deprecated suites we have no verifier for.
    const kind = String(proofs[0]?.cryptosuite ?? proofs[0]?.type ?? '?');
    return { ok: 'unknown', code: 'VERIFY_PROOF_UNSUPPORTED', params: { kind }, keyBelongsToIssuer: 'unknown' };
  }
  const { load, unreachable } = trackingLoader(deps.documentLoader);
  const validFrom = typeof credential.validFrom === 'string' ? new Date(credential.validFrom) : undefined;
  const result = await vcVerifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: load,
    ...(validFrom && !Number.isNaN(validFrom.getTime()) ? { now: validFrom } : {}),
    checkStatus: async () => ({ verified: true }),
  });
  if (result.verified) {
    return {
      ok: true,
      code: 'VERIFY_PROOF_OK',
      params: { kind: 'Data Integrity eddsa-rdfc-2022' },
      keyBelongsToIssuer: true,
    };
  }
  const failure = unreachable();
  if (failure) return budgetOutcome(failure.error) ?? unknownKey(failure.url);
  return invalid(firstErrorMessage(result));
}

function firstErrorMessage(result: {
  error?: Error & { errors?: Error[] };
  results?: Array<{ error?: Error }>;
}): string {
  const error = result.error?.errors?.[0] ?? result.error ?? result.results?.find((r) => r.error)?.error;
  return error?.message ?? 'signature';
}

import * as vc from '@digitalbazaar/vc';
import { Ed25519Signature2020, suiteContext } from '@digitalbazaar/ed25519-signature-2020';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { CONTEXT as VC_V1, CONTEXT_URL as VC_V1_URL } from 'credentials-context';
import { AppError } from '../shared/errors';
import { createDocumentLoader } from '../ob3/document-loader';

/**
 * A wallet proves it holds its DID by a DIDAuth presentation (VC-API "DIDAuthentication"; what the
 * Learner Credential Wallet signs): an empty VerifiablePresentation whose `holder` is a did:key,
 * signed by that key with proofPurpose "authentication", the exchange's challenge and, when the
 * request named one, our domain. Checked here by the Digital Bazaar libraries.
 */

// The wallet's VP names the VC 1.1 and Ed25519Signature2020 contexts; did:key resolves offline.
const extraContexts: Record<string, Record<string, unknown>> = {
  [VC_V1_URL]: VC_V1,
  [suiteContext.CONTEXT_URL]: suiteContext.CONTEXT,
};
const documentLoader = createDocumentLoader({ resolve: async (url) => extraContexts[url] });

const SUITES = ['Ed25519Signature2020', 'DataIntegrityProof:eddsa-rdfc-2022'];

export interface DidAuthExpectation {
  challenge: string;
  /** Our domain: a proof naming another one is refused; `required`: a proof without one too. */
  domain: string;
  domainRequired: boolean;
}

type Json = Record<string, unknown>;
const invalid = (field: string) => new AppError('WALLET_VP_INVALID', 400, { field });

/** The single proof of a presentation, its shape checked before any cryptography runs. */
function proofOf(vp: Json): Json {
  const proofs = ([] as unknown[]).concat(vp.proof ?? []);
  if (proofs.length !== 1 || !proofs[0] || typeof proofs[0] !== 'object') throw invalid('proof');
  return proofs[0] as Json;
}

/** Verifies the DIDAuth presentation; returns the holder's DID. Throws a 4xx naming what failed. */
export async function verifyDidAuth(input: unknown, expected: DidAuthExpectation): Promise<string> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('presentation');
  const vp = input as Json;
  const types = ([] as unknown[]).concat(vp.type ?? []);
  if (!types.includes('VerifiablePresentation')) throw invalid('type');
  const contexts = ([] as unknown[]).concat(vp['@context'] ?? []);
  if (contexts[0] !== VC_V1_URL && contexts[0] !== 'https://www.w3.org/ns/credentials/v2') throw invalid('@context');
  if (([] as unknown[]).concat(vp.verifiableCredential ?? []).length > 0) throw invalid('verifiableCredential');
  const holder = vp.holder;
  if (typeof holder !== 'string' || !/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(holder)) {
    throw new AppError('WALLET_VP_HOLDER', 403);
  }
  const proof = proofOf(vp);
  const suite = proof.type === 'DataIntegrityProof' ? `DataIntegrityProof:${String(proof.cryptosuite)}` : proof.type;
  if (!SUITES.includes(String(suite))) throw new AppError('WALLET_VP_SUITE_UNSUPPORTED', 400, { type: String(suite) });
  if (proof.proofPurpose !== 'authentication') {
    throw new AppError('WALLET_VP_PURPOSE', 403, { purpose: String(proof.proofPurpose ?? '') });
  }
  if (proof.challenge !== expected.challenge) throw new AppError('WALLET_VP_CHALLENGE', 403);
  const domain = proof.domain;
  if ((domain !== undefined || expected.domainRequired) && domain !== expected.domain) {
    throw new AppError('WALLET_VP_DOMAIN', 403, { domain: String(domain ?? '—'), expected: expected.domain });
  }
  const method = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : '';
  if (!method.startsWith(`${holder}#`)) throw new AppError('WALLET_VP_HOLDER', 403);
  const result = await vc.verify({
    presentation: vp,
    suite: [new Ed25519Signature2020(), new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })],
    documentLoader,
    challenge: expected.challenge,
    ...(domain !== undefined ? { domain: expected.domain } : {}),
  });
  if (!result.verified) throw new AppError('WALLET_VP_SIGNATURE', 403);
  return holder;
}

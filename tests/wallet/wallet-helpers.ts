import { expect } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { Ed25519Signature2020, suiteContext } from '@digitalbazaar/ed25519-signature-2020';
import { CONTEXT, CONTEXT_URL } from 'credentials-context';
import type { TestContext } from '../helpers/app';
import { learnerAuth } from '../badges/helpers';
import { download, independentlyVerify, joseVerify, schemaVariants } from '../credentials/app-helpers';
import { independentLoader } from '../credentials/independent-loader';

/** The wallet's loader: VC 1.1 and Ed25519Signature2020 contexts from their packages, the rest as the tests'. */
const loader = async (url: string) => {
  if (url === CONTEXT_URL) return { contextUrl: null, documentUrl: url, document: CONTEXT };
  if (url === suiteContext.CONTEXT_URL) return { contextUrl: null, documentUrl: url, document: suiteContext.CONTEXT };
  return independentLoader(url);
};

export interface ScriptedWallet {
  did: string;
  /** The DIDAuth VP as LCW's createVerifiablePresentation signs it (VC 1.1, Ed25519Signature2020). */
  didAuth(options: { challenge: string; domain?: string }): Promise<Record<string, unknown>>;
}

/** A wallet as the Learner Credential Wallet makes one: an Ed25519VerificationKey2020 and its did:key. */
export async function scriptedWallet(): Promise<ScriptedWallet> {
  const key = await Ed25519VerificationKey2020.generate();
  const did = `did:key:${key.fingerprint()}`;
  Object.assign(key, { controller: did, id: `${did}#${key.fingerprint()}` });
  return {
    did,
    async didAuth({ challenge, domain }) {
      const presentation = vc.createPresentation({ holder: did, version: 1.0 });
      return vc.signPresentation({
        presentation,
        suite: new Ed25519Signature2020({ key }),
        challenge,
        ...(domain ? { domain } : {}),
        documentLoader: loader,
      });
    },
  };
}

export async function newExchange(ctx: TestContext, learnerId: string, email: string, credentialId?: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/me/wallet/exchanges',
    headers: learnerAuth(ctx, learnerId, email),
    payload: credentialId ? { credentialId } : {},
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    lcw: string;
    learnCard: string;
    vcapi: string;
    offer: string;
    exchangeUrl: string;
  };
}

/** What LCW reads from the deep link it was opened with. */
export function lcwParams(link: string) {
  const url = new URL(link);
  return {
    issuer: url.searchParams.get('issuer')!,
    authType: url.searchParams.get('auth_type')!,
    challenge: url.searchParams.get('challenge')!,
    requestUrl: url.searchParams.get('vc_request_url')!,
  };
}

export const post = (ctx: TestContext, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: new URL(url, 'http://x').pathname, payload: payload as object, headers });

/**
 * The checks the credentials tests use, on a holder-bound copy: both 1EdTech schemas (ajv), the
 * DI proof (Digital Bazaar), the VC-JWT served beside it (jose), and its subject is the wallet.
 */
export async function expectHolderBound(ctx: TestContext, credential: Record<string, unknown>, did: string) {
  for (const [name, validate] of Object.entries(schemaVariants)) expect(validate(credential), name).toBe(true);
  const result = await independentlyVerify(ctx, credential);
  expect(result.verified, JSON.stringify(result.error ?? result)).toBe(true);
  expect((credential.credentialSubject as { id: string }).id).toBe(did);
  const jwt = (await download(ctx, `${credential.id as string}.jwt`)).body;
  const { payload } = await joseVerify(ctx, jwt);
  expect(payload.sub).toBe(did);
}

export const verifyJson = (ctx: TestContext, credential: unknown) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/verify',
    payload: JSON.stringify(credential),
    headers: { 'content-type': 'application/json' },
  });

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { named as credentialsContexts } from '@digitalbazaar/credentials-context';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { independentLoader } from './independent-loader';
import { issuerFixture, unsignedCredential, type IssuerFixture } from './helpers';

/** @digitalbazaar/vc's own verifier, wired here with the test's own loader. */
async function independentlyVerify(credential: unknown) {
  return vc.verifyCredential({
    credential: credential as Record<string, unknown>,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: independentLoader,
    now: '2025-07-01T00:00:00Z',
    checkStatus: async () => ({ verified: true }),
  });
}

let issuer: IssuerFixture;
const documentLoader = createDocumentLoader();
beforeAll(async () => {
  issuer = await issuerFixture();
});

describe('shipped contexts', () => {
  it('are the published files (sha256 from shared/ob3/SOURCES.md; VC v2 equal to the library copy)', () => {
    const sha = (file: string) =>
      createHash('sha256')
        .update(readFileSync(new URL(`../../src/ob3/contexts/${file}`, import.meta.url)))
        .digest('hex');
    expect(sha('ob-context-3.0.3.json')).toBe('ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761');
    expect(sha('ob-extensions.json')).toBe('146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3');
    const v2 = JSON.parse(readFileSync(new URL('../../src/ob3/contexts/credentials-v2.json', import.meta.url), 'utf8'));
    expect(v2).toEqual(credentialsContexts.get('v2')!.context);
  });
});

describe('signDataIntegrity', () => {
  it('adds an eddsa-rdfc-2022 assertion proof from the issuer key that an independent verifier accepts', async () => {
    const credential = unsignedCredential(issuer.issuerId);
    const started = performance.now();
    const signed = await signDataIntegrity(credential, { key: issuer.ed25519, documentLoader });
    console.info(`signDataIntegrity: ${(performance.now() - started).toFixed(0)} ms (first, cold)`);
    expect(signed.proof).toHaveLength(1);
    expect(signed.proof[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: `${issuer.issuerId}#${issuer.ed25519.publicKeyMultibase}`,
    });
    expect(String(signed.proof[0]!.proofValue)).toMatch(/^z/);
    expect(credential).not.toHaveProperty('proof');
    const result = await independentlyVerify(signed);
    expect(result.verified, String(result.error)).toBe(true);
  });

  it('signs French text (accents, œ, guillemets) byte-exactly', async () => {
    const signed = await signDataIntegrity(unsignedCredential(issuer.issuerId), {
      key: issuer.ed25519,
      documentLoader,
    });
    const roundTripped = JSON.parse(Buffer.from(JSON.stringify(signed), 'utf8').toString('utf8'));
    expect(roundTripped.credentialSubject.achievement.name).toBe('data juridique — cœur de métier');
    expect((await independentlyVerify(roundTripped)).verified).toBe(true);
    // NFC vs NFD is a different text, so a different signature: é (U+00E9) ≠ e + U+0301.
    const decomposed = JSON.parse(JSON.stringify(signed).replace('métier', 'me\u0301tier'));
    expect((await independentlyVerify(decomposed)).verified).toBe(false);
  });

  it('fails verification when any one character of the signed JSON changes', async () => {
    const signed = await signDataIntegrity(unsignedCredential(issuer.issuerId), {
      key: issuer.ed25519,
      documentLoader,
    });
    const json = JSON.stringify(signed);
    for (const [from, to] of [
      ['cœur', 'cœuR'],
      ['"85"', '"95"'],
      ['2025-06-12T09:30:00Z"', '2025-06-12T09:30:01Z"'],
      ['#4242', '#4243'],
    ]) {
      expect(json).toContain(from);
      const tampered = JSON.parse(json.replace(from!, to!));
      expect((await independentlyVerify(tampered)).verified, from).toBe(false);
    }
  });

  it('refuses, in safe mode, a term no context defines', async () => {
    const credential = { ...unsignedCredential(issuer.issuerId) } as Record<string, unknown>;
    credential.credentialSubject = { ...(credential.credentialSubject as object), couleurPréférée: 'bleu' };
    await expect(signDataIntegrity(credential as never, { key: issuer.ed25519, documentLoader })).rejects.toThrow(
      /Safe mode/,
    );
  });

  it('signs without the network: an unknown context URL is a clear error', async () => {
    const credential = unsignedCredential(issuer.issuerId);
    credential['@context'] = [...credential['@context'], 'https://example.org/unknown-context.json'];
    await expect(signDataIntegrity(credential, { key: issuer.ed25519, documentLoader })).rejects.toThrow();
    await expect(documentLoader('https://example.org/unknown-context.json')).rejects.toMatchObject({
      code: 'CREDENTIAL_DOCUMENT_UNKNOWN',
      params: { url: 'https://example.org/unknown-context.json' },
    });
  });
});

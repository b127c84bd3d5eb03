import * as vc from '@digitalbazaar/vc';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import {
  buildStatusListCredential,
  createEncodedList,
  isRevoked,
  randomFreeIndex,
  setStatus,
  STATUS_LIST_LENGTH,
} from '../../src/ob3/status-list';
import { independentLoader } from './independent-loader';
import { issuerFixture } from './helpers';

describe('status list', () => {
  it('has at least 131,072 entries, GZIP + multibase base64url as the spec says', async () => {
    const encoded = await createEncodedList();
    expect(STATUS_LIST_LENGTH).toBeGreaterThanOrEqual(131_072);
    expect(encoded[0]).toBe('u');
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw.length * 8).toBe(STATUS_LIST_LENGTH);
    expect(raw.every((byte) => byte === 0)).toBe(true);
  });

  it('revokes index i: an independent decode sees bit i set and no other', async () => {
    const i = 70_001;
    const encoded = await setStatus(await createEncodedList(), i, true);
    const list = await decodeList({ encodedList: encoded });
    expect(list.getStatus(i)).toBe(true);
    expect(list.getStatus(i - 1)).toBe(false);
    expect(list.getStatus(i + 1)).toBe(false);
    // Index 0 is the left-most bit (BSL): byte i>>3, bit 7-(i&7).
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw[i >> 3]).toBe(1 << (7 - (i & 7)));
    expect(await isRevoked({ credentialSubject: { encodedList: encoded } }, i)).toBe(true);
    expect(await isRevoked({ credentialSubject: { encodedList: await setStatus(encoded, i, false) } }, i)).toBe(false);
    await expect(isRevoked({ credentialSubject: { encodedList: encoded } }, STATUS_LIST_LENGTH)).rejects.toMatchObject({
      code: 'CREDENTIAL_STATUS_INDEX_OUT_OF_RANGE',
    });
  });

  it('picks free indexes at random, never a used one', () => {
    const used = new Set([1, 2, 3]);
    const picks = new Set(Array.from({ length: 50 }, () => randomFreeIndex(used)));
    for (const pick of picks) expect(used.has(pick)).toBe(false);
    expect(picks.size).toBeGreaterThan(45);
    // Nearly full: the last free slot is found.
    const almostFull = new Set(Array.from({ length: 15 }, (_, k) => k));
    expect(randomFreeIndex(almostFull, 16)).toBe(15);
    expect(() => randomFreeIndex(new Set([0, 1]), 2)).toThrow();
  });

  it('builds a BitstringStatusListCredential the DI signer signs and @digitalbazaar/vc verifies', async () => {
    const issuer = await issuerFixture();
    const listCredential = buildStatusListCredential({
      id: 'https://badges.parcours.example/status/1',
      issuer: issuer.issuerId,
      encodedList: await setStatus(await createEncodedList(), 42, true),
      validFrom: '2025-06-01T00:00:00Z',
    });
    expect(listCredential.credentialSubject).toMatchObject({
      id: 'https://badges.parcours.example/status/1#list',
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
    });
    const signed = await signDataIntegrity(listCredential, {
      key: issuer.ed25519,
      documentLoader: createDocumentLoader(),
    });
    const result = await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: independentLoader,
    });
    expect(result.verified, String(result.error)).toBe(true);
  });
});

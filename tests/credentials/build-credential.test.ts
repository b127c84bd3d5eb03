import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { OB_SCHEMA_URL } from '../../src/ob3/build-credential';
import { hashIdentity } from '../../src/ob3/identity-hash';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import {
  achievementFixture,
  credentialInput,
  issuerFixture,
  STATUS_LIST_URL,
  unsignedCredential,
  type IssuerFixture,
} from './helpers';

/** Both published variants of the 1EdTech schema (SOURCES.md caveat 1), each in its own Ajv. */
function compile(path: string) {
  const schema = JSON.parse(readFileSync(new URL(`../../src/ob3/schemas/${path}`, import.meta.url), 'utf8'));
  expect(schema.$schema).toContain('draft/2019-09');
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
const variants = {
  'JSON-LD-friendly (/schema/json/)': compile('ob_v3p0_achievementcredential_schema.json'),
  'formal 2024': compile('formal-2024/ob_v3p0_achievementcredential_schema.json'),
};

let issuer: IssuerFixture;
beforeAll(async () => {
  issuer = await issuerFixture();
});

describe('buildCredential', () => {
  it('puts the three contexts in the order the 1EdTech validator checks', () => {
    const credential = unsignedCredential(issuer.issuerId);
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.credentialSchema).toEqual([{ id: OB_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }]);
  });

  it('identifies the learner by a salted hash only, never the e-mail in clear', () => {
    const input = credentialInput(issuer.issuerId);
    const credential = unsignedCredential(issuer.issuerId);
    expect(credential.credentialSubject).not.toHaveProperty('id');
    expect(credential.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(credential.credentialSubject.identifier).toEqual([
      {
        type: 'IdentityObject',
        hashed: true,
        identityType: 'emailAddress',
        salt: 'sel-de-Guérande',
        identityHash: hashIdentity('chloé.lefèvre@mairie-exemple.fr', 'sel-de-Guérande'),
      },
    ]);
    const json = JSON.stringify(credential).toLowerCase();
    expect(json).not.toContain(input.recipient.email.toLowerCase());
    expect(json).not.toContain('mairie-exemple');
  });

  it('carries evidence, string results and a revocation status entry', () => {
    const credential = unsignedCredential(issuer.issuerId);
    expect(credential.evidence).toHaveLength(3);
    expect(credential.evidence![0]).toEqual({
      type: ['Evidence'],
      name: 'Webinaire #1 — Les enjeux',
      description: '2025-03-04 · 90 min',
    });
    expect(credential.credentialSubject.result).toEqual([
      { type: ['Result'], resultDescription: achievementFixture().resultDescription![0]!.id, value: '85' },
    ]);
    expect(credential.credentialStatus).toEqual({
      id: `${STATUS_LIST_URL}#4242`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '4242',
      statusListCredential: STATUS_LIST_URL,
    });
    expect(credential.validFrom).toBe('2025-06-12T09:30:00Z');
    expect(credential.awardedDate).toBe('2025-06-12T09:30:00Z');
  });

  it('refuses a result its achievement does not describe', () => {
    expect(() =>
      unsignedCredential(issuer.issuerId, { results: [{ resultDescriptionId: 'https://x.fr/none', value: 1 }] }),
    ).toThrow(AppError);
  });

  for (const [name, validate] of Object.entries(variants)) {
    it(`is valid against the 1EdTech schema, ${name}, unsigned and signed`, async () => {
      const credential = unsignedCredential(issuer.issuerId, { validUntil: '2030-01-01T00:00:00Z' });
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
      const signed = await signDataIntegrity(credential, {
        key: issuer.ed25519,
        documentLoader: createDocumentLoader(),
      });
      expect(validate(signed), JSON.stringify(validate.errors)).toBe(true);
    });

    it(`fails the ${name} schema without validFrom`, () => {
      const { validFrom: _drop, ...credential } = unsignedCredential(issuer.issuerId);
      expect(validate(credential)).toBe(false);
    });
  }
});

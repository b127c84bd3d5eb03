import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/ob3/document-loader';
import { libraryContextClone, useShallowContextClone } from '../../src/ob3/jsonld-context-clone';
import { buildCredential } from '../../src/ob3/build-credential';
import { buildEndorsement } from '../../src/ob3/endorsement';
import { buildStatusListCredential, createEncodedList } from '../../src/ob3/status-list';
import { signDataIntegrity } from '../../src/ob3/sign-data-integrity';
import { credentialInput, issuerFixture, issuerProfile, type IssuerFixture } from './helpers';

const require = createRequire(import.meta.url);
const jsonld = require('jsonld') as { toRDF(input: unknown, options: object): Promise<unknown> };
const rdfCanonize = require('rdf-canonize') as { canonize(dataset: unknown, options: object): Promise<string> };
type Clone = (this: { mappings: Map<string, unknown> }) => unknown;
const initial = (require('jsonld/lib/context') as { getInitialContext(o: object): { clone: Clone } }).getInitialContext(
  {},
);

const documentLoader = createDocumentLoader();
/** What eddsa-rdfc-2022 hashes (its canonize.js options), with `safe` on as verification runs it. */
async function canonical(document: unknown): Promise<string> {
  const options = { algorithm: 'RDFC-1.0', base: null, safe: true, rdfDirection: 'i18n-datatype', documentLoader };
  const dataset = await jsonld.toRDF(document, { ...options, produceGeneralizedRdf: false });
  return rdfCanonize.canonize(dataset, options);
}

/** `document` canonicalised with the library's own (deep) copy of contexts, restored afterwards. */
async function withLibraryCopy<T>(run: () => Promise<T>): Promise<T> {
  const shallow = initial.clone;
  initial.clone = libraryContextClone() as unknown as Clone;
  try {
    return await run();
  } finally {
    initial.clone = shallow;
  }
}

/**
 * The shallow copy, remembering each term definition it shares as it was then: a write jsonld.js
 * made to one afterwards shows as a difference (nothing is frozen: the fork's jsonld lives on).
 */
async function sharedDefinitionsWritten(run: () => Promise<unknown>): Promise<string[]> {
  const shallow = initial.clone;
  const seen = new Map<object, string>();
  initial.clone = function (this: { mappings: Map<string, unknown> }) {
    for (const definition of this.mappings.values()) {
      if (definition && typeof definition === 'object' && !seen.has(definition))
        seen.set(definition, JSON.stringify(definition));
    }
    return shallow.call(this);
  };
  try {
    await run();
  } finally {
    initial.clone = shallow;
  }
  return [...seen].filter(([definition, before]) => JSON.stringify(definition) !== before).map(([, b]) => b);
}

let issuer: IssuerFixture;
const documents: Array<[string, unknown]> = [];
beforeAll(async () => {
  issuer = await issuerFixture('https://badges.parcours.example');
  const unsigned = buildCredential(credentialInput(issuer.issuerId));
  const signed = await signDataIntegrity(unsigned, { key: issuer.ed25519, documentLoader });
  const { proofValue: _, ...proofConfig } = signed.proof[0]!;
  documents.push(
    ['an OpenBadgeCredential', unsigned],
    ['its proof configuration', { '@context': unsigned['@context'], ...proofConfig }],
    [
      'a status list credential',
      buildStatusListCredential({
        id: 'https://badges.parcours.example/status/1',
        issuer: issuer.issuerId,
        encodedList: await createEncodedList(),
        validFrom: '2025-06-12T09:30:00Z',
      }),
    ],
    [
      'an EndorsementCredential',
      buildEndorsement({
        id: 'https://badges.parcours.example/endorsements/1',
        name: 'Approbation',
        issuer: issuerProfile('did:web:region.example'),
        subjectId: 'https://badges.parcours.example/achievements/data-juridique',
        comment: 'Conforme au référentiel régional.',
        validFrom: '2025-06-12T09:30:00Z',
        validUntil: '2027-06-12T09:30:00Z',
        statusEntry: { listUrl: 'https://region.example/status/1', index: 7 },
      }),
    ],
    ['nested type- and property-scoped contexts, @propagate, @protected', scopedContexts()],
  );
});

afterAll(() => {
  expect(useShallowContextClone()).toBe(true); // still in place for the rest of the process
});

describe('jsonld.js active contexts copied shallowly', () => {
  it('is in place for jsonld 9 (the library copy it replaces is the one it was written against)', () => {
    expect(useShallowContextClone()).toBe(true);
    expect(libraryContextClone()).toBeTypeOf('function');
    expect(initial.clone).not.toBe(libraryContextClone());
  });

  it('gives the same canonical N-Quads as the library copy, byte for byte', async () => {
    for (const [, document] of documents) {
      const shallow = await canonical(document);
      expect(shallow.length).toBeGreaterThan(0);
      expect(await withLibraryCopy(() => canonical(document))).toBe(shallow);
    }
  });

  it('never writes to a term definition it shares', async () => {
    for (const [, document] of documents) expect(await sharedDefinitionsWritten(() => canonical(document))).toEqual([]);
  });

  it('still refuses what safe mode refuses (a term no context defines)', async () => {
    const credential = { ...(documents[0]![1] as Record<string, unknown>), notInAnyContext: 'x' };
    await expect(canonical(credential)).rejects.toThrow();
    await expect(withLibraryCopy(() => canonical(credential))).rejects.toThrow();
  });
});

/** Inline contexts exercising what the copy matters for: contexts entered and left, then reverted. */
function scopedContexts() {
  const v = 'https://vocab.example/';
  return {
    '@context': {
      '@version': 1.1,
      '@protected': true,
      id: '@id',
      type: '@type',
      name: `${v}name`,
      Thing: {
        '@id': `${v}Thing`,
        '@context': { label: `${v}thingLabel`, part: { '@id': `${v}part`, '@type': '@id' } },
      },
      Other: { '@id': `${v}Other`, '@context': { '@propagate': true, label: `${v}otherLabel` } },
      holds: { '@id': `${v}holds`, '@context': { inner: `${v}inner`, name: { '@id': `${v}innerName` } } },
      tags: { '@id': `${v}tags`, '@container': '@set' },
    },
    id: 'https://example.test/root',
    type: 'Thing',
    label: 'racine',
    name: 'root',
    tags: ['a', 'b'],
    holds: [
      { id: 'https://example.test/a', inner: 'un', name: 'scoped name', type: 'Other', label: 'autre' },
      { id: 'https://example.test/b', type: 'Thing', label: 'chose', part: 'https://example.test/c' },
      { type: 'Other', holds: { type: 'Thing', label: 'profond', name: 'deep' } },
    ],
  };
}

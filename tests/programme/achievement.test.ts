import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Achievement } from '../../src/ob3/credential-types';
import { achievementFor, resolveUrl } from '../../src/programme/achievement';
import { loadProgramme } from '../../src/programme/load-programme';
import { SHIPPED } from './programme-fixture';

// Both published variants of the 1EdTech schema (ob3 SOURCES.md caveat 1), as vendored by credentials/.
const SCHEMAS = [
  '../../src/ob3/schemas/ob_v3p0_achievementcredential_schema.json',
  '../../src/ob3/schemas/formal-2024/ob_v3p0_achievementcredential_schema.json',
];

function validators() {
  return SCHEMAS.map((path) => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
  });
}

/** The smallest credential around an achievement (FACTS §1), to check the achievement part. */
const credentialWith = (achievement: object) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:2f1c8a4e-6c1b-4d0a-9a7e-3f0f0c6d2b11',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'https://badges.example.org/issuer', type: ['Profile'], name: 'Parcours data' },
  validFrom: '2026-05-07T12:30:00Z',
  name: 'x',
  credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'], achievement },
});

describe('achievementFor', () => {
  it('turns every shipped badge into an Achievement valid against both 1EdTech schemas, in fr and en', async () => {
    const p = await loadProgramme(SHIPPED);
    const checks = validators();
    for (const badge of p.badges) {
      for (const lang of ['fr', 'en'] as const) {
        // typed as buildCredential's input: the two modules must keep agreeing
        const achievement: Achievement = achievementFor(badge, 'https://badges.example.org/', lang);
        for (const validate of checks) {
          expect(validate(credentialWith(achievement)), JSON.stringify(validate.errors)).toBe(true);
          const { criteria: _, ...withoutCriteria } = achievement;
          expect(validate(credentialWith(withoutCriteria))).toBe(false); // the check can fail
        }
      }
    }
  });

  it('resolves ids and paths against the base URL, keeping its path prefix', async () => {
    const p = await loadProgramme(SHIPPED);
    const meta = p.badges.find((b) => b.key === 'parcours-data')!;
    const a = achievementFor(meta, 'https://example.org/parcours', 'en');
    expect(a.id).toBe('https://example.org/parcours/achievements/parcours-data');
    expect(a.image.id).toBe('https://example.org/parcours/achievements/parcours-data/image.svg');
    expect(a.alignment?.map((al) => al.targetUrl)).toEqual([
      'https://example.org/parcours/achievements/data-juridique',
      'https://example.org/parcours/achievements/data-management',
      'https://example.org/parcours/achievements/data-admin',
    ]);
    expect(a.name).toBe('data pathway');
    expect(a.inLanguage).toBe('en');
    expect(achievementFor(meta, 'https://example.org').name).toBe('parcours data');
    expect(resolveUrl('https://cdn.example.org/x.svg', 'https://example.org')).toBe('https://cdn.example.org/x.svg');
  });
});

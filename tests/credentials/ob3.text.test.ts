import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { say } from '../../src/shared/text';
import { ob3Errors, type Ob3Code } from '../../src/ob3/ob3.text';

const srcDir = new URL('../../src/ob3/', import.meta.url);
const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => readFileSync(new URL(f, srcDir), 'utf8'))
  .join('\n');

describe('ob3 texts', () => {
  it('has French and English text for every code', () => {
    const params = {
      format: 'PNG',
      url: 'u',
      did: 'd',
      keyId: 'k',
      field: 'f',
      id: 'i',
      length: 1,
      index: 2,
      errors: 'e',
      kind: 'k',
      reason: 'r',
      claim: 'c',
      type: 't',
      validFrom: 'v',
      validUntil: 'v',
      issuer: 'i',
      depth: 64,
      nodes: 20000,
      count: 9,
      max: 4,
      kilobytes: 4096,
      name: 'n',
    };
    for (const code of Object.keys(ob3Errors.fr) as Ob3Code[]) {
      expect(code).toMatch(/^(CREDENTIAL|VERIFY)_[A-Z_]+$/);
      for (const lang of ['fr', 'en'] as const) {
        const text = say(ob3Errors, lang, code, params);
        expect(text.trim(), code).not.toBe('');
        expect(text, code).not.toContain('undefined');
      }
    }
  });

  it('knows every code the module throws or reports', () => {
    const used = new Set([...sources.matchAll(/['"]((?:CREDENTIAL|VERIFY)_[A-Z_]+)['"]/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(20);
    for (const code of used) expect(ob3Errors.fr, code).toHaveProperty(code);
  });
});

// The values verify.fuzz.cases.ts builds its requests from: keys and strings a credential may hold,
// random JSON values, and mutations of a real credential (the same seed gives the same values).
import type { Random } from '../helpers/fuzz';

// — JSON of every shape —
const KEYS = [
  '@context',
  'id',
  'type',
  'issuer',
  'name',
  'url',
  'email',
  'validFrom',
  'validUntil',
  'credentialSubject',
  'achievement',
  'identifier',
  'credentialStatus',
  'statusListCredential',
  'statusListIndex',
  'statusPurpose',
  'proof',
  'cryptosuite',
  'verificationMethod',
  'proofValue',
  'proofPurpose',
  'created',
  'evidence',
  'endorsement',
  'credentialSchema',
  '__proto__',
  'constructor',
  'toString',
  '',
];
export const STRINGS = [
  '',
  'did:web:127.0.0.1',
  'did:key:z',
  `did:key:z6Mk${'x'.repeat(50)}`,
  'https://[::7f00:1]/x',
  'https://169.254.169.254/latest',
  'http://parcours.test/status/1',
  'VerifiableCredential',
  'OpenBadgeCredential',
  'BitstringStatusListEntry',
  '1EdTechRevocationList',
  'DataIntegrityProof',
  'eddsa-rdfc-2022',
  'Profile',
  '2024-13-45T99:99:99Z',
  '9999-12-31T23:59:59Z',
  'revocation',
  '\u0000',
  '\ud800',
  '🎓🔏',
  'é'.repeat(100),
  '<script>alert(1)</script>',
  '{"a":',
  '../../etc/passwd',
  'https://www.w3.org/ns/credentials/v2',
  '-1',
  '1e999',
];

export function randomValue(r: Random, depth: number): unknown {
  const roll = r.int(depth > 5 ? 6 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -0, 1, -1, 2 ** 53, 1e308, -1e-308, 131071, 0.5, 4294967296]);
    case 3:
      return r.pick(STRINGS);
    case 4:
      return String.fromCodePoint(
        ...Array.from({ length: r.int(20) }, () => r.int(0x10ffff + 1)).filter((c) => c < 0xd800 || c > 0xdfff),
      );
    case 5:
      return 'x'.repeat(r.int(3) === 0 ? 100_000 : 10);
    case 6:
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(6); i > 0; i--) o[r.pick(KEYS)] = randomValue(r, depth + 1);
      return o;
    }
    default:
      return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
  }
}

type Path = Array<string | number>;
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  }
  return out;
}
export function mutate(r: Random, original: Record<string, unknown>): unknown {
  const copy = structuredClone(original) as Record<string, unknown>;
  for (let n = 1 + r.int(3); n > 0; n--) {
    const all = paths(copy).filter((p) => p.length > 0);
    const path = r.pick(all);
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    const op = r.int(6);
    if (op === 0) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (op === 1) parent[key] = randomValue(r, 3);
    else if (op === 2) parent[key] = [parent[key], parent[key]];
    else if (op === 3 && typeof parent[key] === 'string') {
      const s = parent[key] as string;
      const at = r.int(s.length + 1);
      parent[key] = s.slice(0, at) + String.fromCharCode(32 + r.int(95)) + s.slice(at + 1);
    } else if (op === 4) parent[r.pick(KEYS)] = structuredClone(parent[key]);
    else parent[key] = typeof parent[key] === 'string' ? Number(parent[key]) || {} : String(parent[key]);
  }
  return copy;
}

// The inputs of verify.fuzz.test.ts: malformed requests for POST /api/verify, built from a real credential
// by a seeded random source (the same seed gives the same cases).
import { deflateSync } from 'node:zlib';
import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import type { Random } from '../helpers/fuzz';
import { mutate, randomValue, STRINGS } from './verify.fuzz.values';

export type Case = { kind: string; body: string | Buffer; type: string };
/** The real, issued credential in each of its forms: what the mutations start from. */
export type Samples = { json: Record<string, unknown>; jwt: string; png: Buffer; svg: string };

// — JSON of every shape —
function jsonCase(r: Random, { json }: Samples): Case {
  const roll = r.int(8);
  let body: string;
  if (roll === 0)
    body = `${'['.repeat(20_000 + r.int(100_000))}${']'.repeat(r.int(2) ? 120_000 : 0)}`; // deep, maybe unbalanced
  else if (roll === 1)
    body = JSON.stringify({ credentialSubject: Array.from({ length: 30_000 }, () => ({ id: 'x' })) }); // huge array
  else if (roll === 2)
    body = JSON.stringify({
      ...json,
      credentialStatus: Array.from({ length: 1 + r.int(3000) }, (_, i) => ({
        id: `https://h${i}.example/l`,
        type: r.pick(['1EdTechRevocationList', 'BitstringStatusListEntry']),
        statusListCredential: `https://h${i}.example/s`,
        statusListIndex: String(i),
        statusPurpose: 'revocation',
      })),
    });
  else if (roll === 3) body = JSON.stringify(randomValue(r, 0));
  else if (roll === 4)
    body = `{${Array.from({ length: 500 }, (_, i) => `"k${i}":${JSON.stringify(randomValue(r, 2))}`).join(',')}}`;
  else if (roll === 5)
    body = JSON.stringify(json).slice(0, r.int(JSON.stringify(json).length)); // truncated
  else {
    const o = randomValue(r, 0);
    body = JSON.stringify(
      o && typeof o === 'object' && !Array.isArray(o)
        ? o
        : { issuer: o, proof: randomValue(r, 1), credentialStatus: randomValue(r, 1) },
    );
  }
  return {
    kind: `json-shape-${roll}`,
    body,
    type: r.pick(['application/json', 'application/vc+ld+json', 'text/plain', 'application/octet-stream']),
  };
}

// — mutations of a real, issued credential —
function mutationCase(r: Random, { json }: Samples): Case {
  return { kind: 'json-mutation', body: JSON.stringify(mutate(r, json)), type: 'application/json' };
}

// — broken JWTs —
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function jwtCase(r: Random, { jwt }: Samples): Case {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const roll = r.int(10);
  let token: string;
  if (roll === 0) token = `${h}.${p}.${s.slice(0, r.int(s.length))}`;
  else if (roll === 1) {
    const alg = r.pick(['none', 'HS256', 'ES256K', 'RS256', 'EdDSA', '', null, 42]);
    token = `${b64({ ...header, alg })}.${p}.${r.int(2) ? '' : s}`;
  } else if (roll === 2)
    token = `${b64({ ...header, x: 'y'.repeat(200_000) })}.${p}.${s}`; // huge header
  else if (roll === 3) token = `${b64('not json')}.${p}.${s}`;
  else if (roll === 4) token = `${h}.${b64(r.pick(['[]', 'null', '"s"', '{"vc":1}', '{']))}.${s}`;
  else if (roll === 5) token = `${b64({ ...header, kid: r.pick(STRINGS), jwk: randomValue(r, 3) })}.${p}.${s}`;
  else if (roll === 6) token = `${h}.${b64(mutate(r, JSON.parse(Buffer.from(p, 'base64url').toString())))}.${s}`;
  else if (roll === 7) token = `${h}.${p}`;
  else if (roll === 8) token = `${h}.${p}.${s}.${s}`;
  else token = `${h}.${p}.${s}`.replace(/[A-Za-z]/, '%');
  return {
    kind: `jwt-${roll}`,
    body: token,
    type: r.pick(['text/plain', 'application/jwt', 'application/octet-stream']),
  };
}

// — PNG and SVG —
let bombChunk: Buffer | undefined;
function withItxt(png: Buffer, data: Buffer): Buffer {
  const chunks = extractChunks(png).filter((c) => c.name !== 'iTXt');
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data });
  return Buffer.from(encodeChunks(chunks));
}
function pngCase(r: Random, { json, png }: Samples): Case {
  const roll = r.int(8);
  let body: Buffer;
  const head = Buffer.from('openbadgecredential\0', 'latin1');
  if (roll === 0) {
    body = Buffer.from(png);
    for (let i = r.int(20) + 1; i > 0; i--) body[8 + r.int(body.length - 8)] = r.int(256);
  } else if (roll === 1) body = png.subarray(0, 8 + r.int(png.length - 8));
  else if (roll === 2)
    body = withItxt(
      png,
      Buffer.concat([head, Buffer.from([1, 0, 0, 0]), (bombChunk ??= deflateSync(Buffer.alloc(64 * 1_048_576, 0x20)))]),
    );
  else if (roll === 3)
    body = withItxt(png, Buffer.concat([head, Buffer.from([1, 0, 0, 0]), Buffer.from(r.bytes(200))]));
  else if (roll === 4)
    body = withItxt(png, Buffer.concat([head, Buffer.from([r.int(256), r.int(256)]), Buffer.from(r.bytes(r.int(50)))]));
  else if (roll === 5)
    body = withItxt(
      png,
      Buffer.concat([head, Buffer.from([1, 0, 0, 0]), deflateSync(JSON.stringify(mutate(r, json)))]),
    );
  else if (roll === 6) {
    const chunks = extractChunks(png);
    body = Buffer.from(encodeChunks([...chunks.slice(0, -1), ...chunks.slice(1, -1), chunks.at(-1)!]));
  } // duplicated chunks
  else body = Buffer.concat([png.subarray(0, 8), Buffer.from(r.bytes(r.int(5000)))]);
  return { kind: `png-${roll}`, body, type: 'image/png' };
}
function svgCase(r: Random, { json, jwt, svg }: Samples): Case {
  const roll = r.int(8);
  let body: string;
  if (roll === 0) body = svg.slice(0, r.int(svg.length));
  else if (roll === 1) {
    const a = [...svg];
    for (let i = r.int(20) + 1; i > 0; i--) a[r.int(a.length)] = String.fromCharCode(r.int(128));
    body = a.join('');
  } else if (roll === 2)
    body =
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
      svg.replace('<svg', '<svg data-x="&b;"');
  else if (roll === 3) body = svg.replace('</svg>', `${'<g>'.repeat(5000 + r.int(50_000))}</svg>`);
  else if (roll === 4) body = svg.replace(/<!\[CDATA\[[\s\S]*?\]\]>/, `<![CDATA[${JSON.stringify(mutate(r, json))}]]>`);
  else if (roll === 5)
    body = svg
      .replace(/<!\[CDATA\[[\s\S]*?\]\]>/, '')
      .replace(
        '<openbadges:credential',
        `<openbadges:credential verify="${r.pick([jwt, `${jwt}x`, 'a.b.c', jwt.slice(0, 50)])}"`,
      );
  else if (roll === 6) body = svg.replace(']]>', '');
  else
    body =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">' +
      `${'<openbadges:credential/>'.repeat(r.int(30_000))}</svg>`;
  return { kind: `svg-${roll}`, body, type: r.pick(['image/svg+xml', 'text/plain', 'application/octet-stream']) };
}

export function caseFor(r: Random, samples: Samples): Case {
  const make = r.pick([
    jsonCase,
    jsonCase,
    mutationCase,
    mutationCase,
    mutationCase,
    jwtCase,
    jwtCase,
    pngCase,
    svgCase,
  ]);
  return make(r, samples);
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { Type, type Static } from 'typebox';
import type { Lang } from '../shared/errors';
import { AppError } from '../shared/errors';
import { resolveUrl } from '../programme/achievement';
import type { Profile } from '../ob3/credential-types';
import { jwkThumbprint, type Ed25519Key, type IssuerKey, type P256Key } from '../ob3/keys';

const Words = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  endorsementName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  comment: Type.String({ minLength: 1, maxLength: 2000, description: 'endorsementComment (Markdown)' }),
};

/** `badges/endorsers/<key>.json`: who endorses, in French (signed) and English (shown). */
export const EndorserFileSchema = Type.Object(
  {
    ...Words,
    url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
    email: Type.Optional(Type.String({ format: 'email' })),
    image: Type.Optional(Type.String({ maxLength: 500, description: 'Logo: an absolute URL or a path on PUBLIC_URL' })),
    validityDays: Type.Integer({ minimum: 1, maximum: 3660, default: 730 }),
    i18n: Type.Optional(Type.Object({ en: Type.Partial(Type.Object(Words)) }, { additionalProperties: false })),
    /** Offline mode: the endorser signs on its own machine; only its public keys are here (`endorse keygen`). */
    offlineKey: Type.Optional(
      Type.Object(
        {
          publicKeyMultibase: Type.String({ pattern: '^z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$' }),
          publicKeyJwk: Type.Optional(
            Type.Object({ kty: Type.Literal('EC'), crv: Type.Literal('P-256'), x: Type.String(), y: Type.String() }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type EndorserFile = Static<typeof EndorserFileSchema>;

export interface Endorser extends EndorserFile {
  key: string;
  mode: 'hosted' | 'offline';
  validityDays: number;
}

const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_ENDORSERS = 50;

/** Reads `<badgesDir>/endorsers/*.json` (none is fine); a bad file stops the start, naming it. */
export async function loadEndorsers(badgesDir: string): Promise<Endorser[]> {
  const dir = join(badgesDir, 'endorsers');
  const names = await readdir(dir).catch(() => [] as string[]);
  const ajv = new Ajv({ allErrors: true, useDefaults: true });
  addFormats(ajv);
  const validate = ajv.compile(EndorserFileSchema);
  const files = names.filter((n) => n.endsWith('.json')).sort();
  if (files.length > MAX_ENDORSERS) throw new AppError('ENDORSER_FILE_INVALID', 500, { file: dir, reason: 'count' });
  const endorsers: Endorser[] = [];
  for (const name of files) {
    const key = name.slice(0, -'.json'.length);
    const json = JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown;
    if (!KEY.test(key) || !validate(json)) {
      const reason = KEY.test(key) ? ajv.errorsText(validate.errors) : 'file name';
      throw new AppError('ENDORSER_FILE_INVALID', 500, { file: `endorsers/${name}`, reason });
    }
    const file = json as EndorserFile;
    endorsers.push({ ...file, key, mode: file.offlineKey ? 'offline' : 'hosted', validityDays: file.validityDays });
  }
  return endorsers;
}

/** An endorser's words in `lang` (the signed endorsement is in French). */
export function endorserWords(endorser: Endorser, lang: Lang) {
  const en = lang === 'en' ? endorser.i18n?.en : undefined;
  return {
    name: en?.name ?? endorser.name,
    description: en?.description ?? endorser.description,
    endorsementName: en?.endorsementName ?? endorser.endorsementName ?? `Labélisation — ${endorser.name}`,
    comment: en?.comment ?? endorser.comment,
  };
}

/** Where the endorser publishes: its DID (did:web) document, JWKs and status lists live under it. */
export const endorserBase = (publicUrl: string, key: string) => `${publicUrl.replace(/\/+$/, '')}/endorsers/${key}`;

/** The endorser's Profile as it signs it (OB 3.0 Profile), in French. */
export function endorserProfile(endorser: Endorser, issuerId: string, publicUrl: string): Profile {
  return {
    id: issuerId,
    type: ['Profile'],
    name: endorser.name,
    ...(endorser.url ? { url: endorser.url } : {}),
    ...(endorser.email ? { email: endorser.email } : {}),
    ...(endorser.description ? { description: endorser.description } : {}),
    ...(endorser.image ? { image: { id: resolveUrl(endorser.image, publicUrl), type: 'Image' as const } } : {}),
  };
}

/** The public keys of an offline endorser, from its file. */
export function offlineKeys(endorser: Endorser): IssuerKey[] {
  const k = endorser.offlineKey;
  if (!k) return [];
  const created = '1970-01-01T00:00:00Z';
  const ed: Ed25519Key = {
    type: 'Ed25519',
    id: k.publicKeyMultibase,
    created,
    publicKeyMultibase: k.publicKeyMultibase,
  };
  if (!k.publicKeyJwk) return [ed];
  const p: P256Key = { type: 'P-256', id: jwkThumbprint(k.publicKeyJwk), created, publicJwk: k.publicKeyJwk };
  return [ed, p];
}

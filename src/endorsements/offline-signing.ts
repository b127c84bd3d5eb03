import { createDocumentLoader } from '../ob3/document-loader';
import {
  deserializeKey,
  generateEd25519Key,
  generateP256Key,
  serializeKey,
  type Ed25519Key,
  type P256Key,
  type StoredKey,
} from '../ob3/keys';
import { signDataIntegrity } from '../ob3/sign-data-integrity';
import { signJwt } from '../ob3/sign-jwt';
import { AppError } from '../shared/errors';
import type { EndorsementRequest } from './endorsements.service';
import type { SignedEndorsements } from './endorsement-import.service';

/**
 * The endorser's side of offline mode, run on its own machine: nothing here touches the
 * platform's database or network. `endorse keygen` writes the key file (kept by the endorser);
 * its `public` part goes into badges/endorsers/<key>.json as `offlineKey`.
 */
export interface EndorserKeyFile {
  format: 'parcours-endorser-key/v1';
  ed25519: StoredKey;
  p256: StoredKey;
  public: { publicKeyMultibase: string; publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string } };
}

export async function generateEndorserKeyFile(): Promise<EndorserKeyFile> {
  const ed = await generateEd25519Key();
  const p = generateP256Key();
  const { kty, crv, x, y } = p.publicJwk;
  return {
    format: 'parcours-endorser-key/v1',
    ed25519: serializeKey(ed),
    p256: serializeKey(p),
    public: {
      publicKeyMultibase: ed.publicKeyMultibase,
      publicKeyJwk: { kty: kty as 'EC', crv: crv as 'P-256', x: x!, y: y! },
    },
  };
}

const bad = (reason: string) => new AppError('ENDORSEMENT_KEY_FILE_INVALID', 400, { reason });

/**
 * `endorse sign`: signs every credential of the request (Data Integrity eddsa-rdfc-2022 with the
 * Ed25519 key; the endorsement also as a VC-JWT with the P-256 key). Refuses a request whose
 * issuer is not this key's (a did:key must be this key; a did:web one names its methods by key id).
 */
export async function signRequest(request: EndorsementRequest, keyFile: EndorserKeyFile): Promise<SignedEndorsements> {
  if (request?.format !== 'parcours-endorsement-request/v1') throw bad('request format');
  if (keyFile?.format !== 'parcours-endorser-key/v1') throw bad('key format');
  const ed = deserializeKey(keyFile.ed25519) as Ed25519Key;
  const p = deserializeKey(keyFile.p256) as P256Key;
  if (ed.type !== 'Ed25519' || !ed.secretKeyMultibase || p.type !== 'P-256' || !p.privateJwk) throw bad('key parts');
  const issuer = request.issuer;
  if (issuer.startsWith('did:key:') && issuer !== `did:key:${ed.publicKeyMultibase}`) throw bad('not this key');
  if (request.jwtKid && !request.jwtKid.endsWith(p.id)) throw bad('jwt key');
  const documentLoader = createDocumentLoader();
  const credentials: Array<Record<string, unknown>> = [];
  const jwts: Record<string, string> = {};
  for (const credential of request.credentials ?? []) {
    const id = (credential.issuer as { id?: unknown } | string | undefined) ?? '';
    if ((typeof id === 'string' ? id : id.id) !== issuer) throw bad('issuer');
    const signed = await signDataIntegrity(credential as { issuer: string }, { key: ed, documentLoader });
    credentials.push(signed);
    const types = ([] as unknown[]).concat(credential.type);
    if (types.includes('EndorsementCredential') && request.jwtKid)
      jwts[String(credential.id)] = signJwt(signed as never, { privateJwk: p.privateJwk, kid: request.jwtKid });
  }
  if (!credentials.some((c) => c.proof)) throw bad('nothing to sign');
  return { format: 'parcours-endorsement-signed/v1', endorser: request.endorser, credentials, jwts };
}

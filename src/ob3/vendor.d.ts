// Minimal typings for the untyped signing/baking packages, limited to what src/credentials uses.
// Shapes follow each package's lib/ source in node_modules.

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Signer {
    id: string;
    algorithm: string;
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): Signer;
    verifier(): { id: string; algorithm: string; verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> };
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<Record<string, string>>;
}

declare module '@digitalbazaar/did-method-key' {
  export interface DidKeyDriver {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: Record<string, unknown>) => Promise<unknown> }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  }
  export function driver(): DidKeyDriver;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: string | Date });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    /** RDFC-1.0 N-Quads of a JSON-LD document (jsonld.toRDF + rdf-canonize), as the suite signs it. */
    canonize(input: unknown, options: { documentLoader: (url: string) => Promise<unknown>; base?: null; safe?: boolean }): Promise<string>;
  };
}

declare module '@digitalbazaar/vc' {
  type Loader = (url: string) => Promise<unknown>;
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: Loader;
    now?: string | Date;
  }): Promise<Record<string, unknown>>;
  export interface VerifyResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: Array<{ verified: boolean; error?: Error }>;
  }
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: Loader;
    now?: string | Date;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
  }): Promise<VerifyResult>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
}

declare module 'png-chunks-extract' {
  function extractChunks(data: Uint8Array): Array<{ name: string; data: Uint8Array }>;
  export default extractChunks;
}

declare module 'png-chunks-encode' {
  function encodeChunks(chunks: Array<{ name: string; data: Uint8Array }>): Uint8Array;
  export default encodeChunks;
}

// Used by the tests only, to compare our vendored VC v2 context with the library's copy.
declare module '@digitalbazaar/credentials-context' {
  export const named: Map<string, { id: string; context: Record<string, unknown> }>;
}

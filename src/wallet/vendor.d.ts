// What the wallet area uses of libraries without type declarations (merged with src/ob3/vendor.d.ts).

declare module '@digitalbazaar/vc' {
  export function verify(options: {
    presentation: object;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    challenge: string;
    domain?: string;
  }): Promise<VerifyResult>;
  export function createPresentation(options: { holder?: string; version?: number }): Record<string, unknown>;
  export function signPresentation(options: {
    presentation: object;
    suite: unknown;
    challenge: string;
    domain?: string;
    documentLoader: (url: string) => Promise<unknown>;
  }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown });
  }
  export const suiteContext: { CONTEXT_URL: string; CONTEXT: Record<string, unknown> };
}

declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    static generate(options?: { controller?: string; id?: string }): Promise<Ed25519VerificationKey2020>;
    id: string;
    controller: string;
    fingerprint(): string;
    publicKeyMultibase: string;
    signer(): { sign(input: { data: Uint8Array }): Promise<Uint8Array>; id: string; algorithm: string };
  }
}

declare module 'credentials-context' {
  export const CONTEXT_URL: string;
  export const CONTEXT: Record<string, unknown>;
}

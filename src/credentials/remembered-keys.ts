import type { Db } from '../db/client';
import { issuerDid } from '../ob3/issuer';
import type { Keyring } from './keyring';

type Published = Awaited<ReturnType<Keyring['published']>>;

/** One verification's view of our keys: what it read, and whether that came from memory. */
export interface KeysSession {
  /** The keyring, whose `published` answers from memory (or reads once) for this verification. */
  keyring: Keyring;
  /** Whether `issuerId` is one this platform signed as; a no from memory is asked of the database. */
  isOwnIssuer(issuerId: string): Promise<boolean>;
  /** True when a document was answered from the remembered set (the caller re-checks a failure). */
  readonly usedMemory: boolean;
}

/**
 * Our published keys as verification reads them, remembered by this instance. Keys are only ever
 * added (a rotation retires the old ones, which stay published; none is deleted), and our DID
 * document is made of them alone: a set read earlier is part of today's, so a key found in it is
 * published now. What is not found in it is read again: `isOwnIssuer` asks the database on a no,
 * and the caller verifies again with `fromMemory` false when a proof failed against the remembered
 * set. So no answer differs from reading the keys on every verification; one query less per request.
 */
export function rememberedKeys(keyring: Keyring, publicUrl: string) {
  let remembered: Promise<Published> | undefined;
  const read = (db: Db) => {
    const reading = keyring.published(db);
    remembered = reading;
    reading.catch(() => {
      if (remembered === reading) remembered = undefined;
    });
    return reading;
  };
  const owns = (published: Published, issuerId: string) =>
    published.keys.some((key) => key.type === 'Ed25519' && issuerDid(publicUrl, key) === issuerId);
  return {
    session(db: Db, fromMemory: boolean): KeysSession {
      let usedMemory = false;
      let current: Promise<Published> | undefined;
      const published = () => {
        if (current) return current;
        if (fromMemory && remembered) {
          usedMemory = true;
          return (current = remembered);
        }
        return (current = read(db));
      };
      return {
        keyring: { ...keyring, published },
        async isOwnIssuer(issuerId) {
          if (owns(await published(), issuerId)) return true;
          return usedMemory && owns(await read(db), issuerId);
        },
        get usedMemory() {
          return usedMemory;
        },
      };
    },
    /** After a rotation in this process. */
    forget() {
      remembered = undefined;
    },
  };
}

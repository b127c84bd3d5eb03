import type { PlatformCore } from '../platform';
import type { ParsedArgs } from './args';

const USAGE = 'usage: npm run cli -- keys rotate | keys list';

/**
 * `keys rotate`: new active signing keys; the old ones are retired but stay published (DID
 * document, JWKS), so every credential signed so far still verifies. `keys list`: what is published.
 */
export async function keysCommand(core: PlatformCore, { positional }: ParsedArgs) {
  const { db } = core.database;
  const { keyring } = core.credentials.deps;
  if (positional[0] === 'rotate') {
    const { retired, active } = await core.credentials.rotateKeys(db);
    console.log(`Clés retirées (toujours publiées) / retired keys (still published): ${retired.join(', ') || '—'}`);
    console.log(`Nouvelles clés actives / new active keys: Ed25519 ${active.ed25519.id}, P-256 ${active.p256.id}`);
    console.log(`Émetteur / issuer: ${active.issuerId}`);
    return;
  }
  if (positional[0] === 'list') {
    const { issuerId, keys } = await keyring.published(db);
    console.log(`Émetteur / issuer: ${issuerId}`);
    for (const key of keys) console.log(`  ${key.type.padEnd(7)} ${key.id}  (${key.created})`);
    return;
  }
  throw new Error(USAGE);
}

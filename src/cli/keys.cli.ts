import type { Database } from '../db/client';
import type { Credentials } from '../credentials/credentials.service';
import { encryptStoredKeys, purgeOldKeyVersions } from '../credentials/keys.service';
import type { ParsedArgs } from './args';

const USAGE = 'usage: npm run cli -- keys rotate | keys list | keys encrypt';
const GENERATE = "node -e \"console.log(require('crypto').randomBytes(48).toString('base64url'))\"";

/**
 * `keys rotate`: new active signing keys; the old ones are retired but stay published (DID
 * document, JWKS), so every credential signed so far still verifies. `keys list`: what is published.
 * (`keys encrypt` runs before the platform starts: see `encryptKeysCommand`.)
 */
export async function keysCommand(
  services: { db: Database['db']; credentials: Credentials },
  { positional }: ParsedArgs,
) {
  const { db, credentials } = services;
  const { keyring } = credentials.deps;
  if (positional[0] === 'rotate') {
    const { retired, active } = await credentials.rotateKeys(db);
    const retiredList = retired.join(', ') || '—';
    console.log(`Clés retirées (toujours publiées) / retired keys (still published): ${retiredList}`);
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

/**
 * `keys encrypt`: seals with PARCOURS_KEY_SECRET the private keys stored in clear (a deployment
 * started before the secret was set), in one transaction; idempotent; says what it did. It runs
 * on the migrated database *before* the platform starts, because a start with the secret seals
 * them too, silently. Refuses without the secret, and when keys are sealed under another one.
 */
export async function encryptKeysCommand(
  database: Database,
  secret: string | undefined,
  log: (line: string) => void = console.log,
) {
  if (!secret) {
    throw new Error(
      'KEY_SECRET_MISSING: PARCOURS_KEY_SECRET n’est pas défini, rien ne peut être chiffré ; générez-le avec ' +
        `${GENERATE}, gardez-le hors de la base, puis relancez. / ` +
        'PARCOURS_KEY_SECRET is not set, nothing can be encrypted; ' +
        'generate it with the command above, keep it out of the database, and run again.',
    );
  }
  const { encrypted, alreadySealed, publicOnly } = await encryptStoredKeys(database.db, secret);
  const list = (keys: Array<{ id: string; type: string }>) => keys.map((k) => `${k.type} ${k.id}`).join(', ');
  if (encrypted.length === 0) {
    log(
      alreadySealed.length + publicOnly.length === 0
        ? 'Aucune clé enregistrée : elles seront créées chiffrées au premier démarrage. / No keys stored yet: they ' +
            'will be created encrypted at the first start.'
        : `Rien à chiffrer : ${alreadySealed.length} clé(s) déjà chiffrée(s) avec ce secret. / ` +
            `Nothing to encrypt: ${alreadySealed.length} key(s) already encrypted with this secret.`,
    );
    return;
  }
  log(`Clés chiffrées / keys encrypted: ${encrypted.length} (${list(encrypted)})`);
  if (alreadySealed.length) log(`Déjà chiffrées / already encrypted: ${alreadySealed.length} (${list(alreadySealed)})`);
  if (publicOnly.length) log(`Sans partie privée / without a private part: ${publicOnly.length}`);
  const { checkpoint } = await purgeOldKeyVersions(database.db);
  log(
    `Anciennes versions en clair retirées de la table${checkpoint ? ' et du journal' : ''} / ` +
      `earlier clear versions purged from the table${checkpoint ? ' and the WAL' : ''}.`,
  );
  log(
    'Ces clés ont été stockées en clair : les sauvegardes antérieures les contiennent encore ; ' +
      '`npm run cli -- keys rotate` les remplace (les attestations déjà émises restent valides). / ' +
      'These keys were stored in clear: earlier backups still hold them; ' +
      '`npm run cli -- keys rotate` replaces them (credentials already issued stay valid).',
  );
}

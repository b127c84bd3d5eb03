import { readFile, writeFile } from 'node:fs/promises';
import type { Services } from '../services';
import type { Endorsements } from '../endorsements/endorsements.facade';
import { generateEndorserKeyFile, signRequest } from '../endorsements/offline-signing';
import type { ParsedArgs } from './args';

const USAGE =
  'usage: npm run cli -- endorse create --achievement <badge> [--endorser <key>] [--valid-until <date>] | ' +
  'endorse request --achievement <badge> [--endorser <key>] | endorse request --status-list [--endorser <key>] | ' +
  'endorse keygen [--out <file>] | endorse sign <request.json> --key <file> | endorse import <signed.json> | ' +
  'endorse list | endorse withdraw <id> --reason <text>';

type Out = (line: string) => void;
const flag = (args: ParsedArgs, name: string) =>
  typeof args.flags[name] === 'string' ? (args.flags[name] as string) : undefined;
const readJson = async (path: string | undefined) => {
  if (!path) throw new Error(USAGE);
  return JSON.parse(await readFile(path, 'utf8')) as never;
};

/** The endorser named, or the only one of the wanted mode. */
function endorserKey(endorsements: Endorsements, args: ParsedArgs, mode: 'hosted' | 'offline'): string {
  const named = flag(args, 'endorser');
  if (named) return named;
  const candidates = endorsements.endorsers.filter((e) => e.mode === mode);
  if (candidates.length !== 1) throw new Error(`--endorser <${candidates.map((e) => e.key).join('|') || 'clé / key'}>`);
  return candidates[0]!.key;
}

/**
 * The organiser's side (needs the platform's database): `create` (hosted mode), `request` (offline
 * mode, writes the unsigned request on stdout), `import`, `list`, `withdraw`.
 */
export async function endorseCommand(
  services: Pick<Services, 'db' | 'endorsements'>,
  args: ParsedArgs,
  out: Out = (line) => process.stdout.write(`${line}\n`),
) {
  const { db, endorsements } = services;
  const [sub, file] = args.positional;
  const achievement = flag(args, 'achievement');
  if (sub === 'create' && achievement) {
    const signed = await endorsements.endorse(db, null, {
      endorser: endorserKey(endorsements, args, 'hosted'),
      achievement,
      validUntil: flag(args, 'valid-until'),
    });
    return out(
      `Labélisation signée / endorsement signed: ${signed.id} (valide jusqu’au / valid until ${signed.validUntil})`,
    );
  }
  if (sub === 'request') {
    const endorser = endorserKey(endorsements, args, 'offline');
    const input = args.flags['status-list']
      ? { endorser, statusListOnly: true as const }
      : { endorser, achievement: achievement ?? '', validUntil: flag(args, 'valid-until') };
    return out(JSON.stringify(await endorsements.request(db, null, input), null, 2));
  }
  if (sub === 'import') {
    const result = await endorsements.importSigned(db, null, await readJson(file));
    return out(`Importé / imported: ${result.accepted.map((a) => `${a.type} ${a.id}`).join(', ')}`);
  }
  if (sub === 'list') {
    for (const e of await endorsements.list(db, 'fr'))
      out(`${e.id}  ${e.state.padEnd(19)} ${e.endorser} → ${e.badgeKey}  ${e.validFrom} → ${e.validUntil}`);
    return;
  }
  if (sub === 'withdraw' && file && typeof args.flags.reason === 'string') {
    const done = await endorsements.withdraw(db, null, { id: file, reason: args.flags.reason });
    return out(
      done.pendingSignature
        ? 'Retirée ; la liste de statut attend la signature de l’organisme (endorse request --status-list). / ' +
            'Withdrawn; the status list awaits the endorser’s signature (endorse request --status-list).'
        : 'Retirée / withdrawn.',
    );
  }
  throw new Error(USAGE);
}

/** The endorser's side, on its own machine, with no database and no network: `keygen` and `sign`. */
export async function offlineEndorseCommand(args: ParsedArgs, out: Out = (line) => process.stdout.write(`${line}\n`)) {
  const [sub, file] = args.positional;
  if (sub === 'keygen') {
    const keyFile = await generateEndorserKeyFile();
    const text = JSON.stringify(keyFile, null, 2);
    const target = flag(args, 'out');
    if (target) await writeFile(target, `${text}\n`, { mode: 0o600, flag: 'wx' });
    else out(text);
    process.stderr.write(
      'Clé privée : à garder par l’organisme, jamais envoyée à la plateforme. Partie publique à placer dans ' +
        'badges/endorsers/<clé>.json / Private key: kept by the endorser, never sent to the platform. Public part ' +
        `for badges/endorsers/<key>.json:\n"offlineKey": ${JSON.stringify(keyFile.public)}\n`,
    );
    return;
  }
  if (sub === 'sign') {
    const signed = await signRequest(await readJson(file), await readJson(flag(args, 'key')));
    return out(JSON.stringify(signed, null, 2));
  }
  throw new Error(USAGE);
}

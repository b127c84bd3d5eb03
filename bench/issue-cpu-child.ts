// Where one issuance's CPU goes, by thread: the main thread (building, database, e-mails; PGlite runs
// here too) against the signing threads, read from /proc/self/task before and after the batch.
// Usage: bench-issue-cpu-child.mjs AWARDS [DATABASE_URL]: half signed and stored alone, half through the
// whole hook (credentials + e-mails). Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { issueCredentials, signAndStoreCredentials } from '../src/credentials/issue.service';
import { issuanceChild } from './credentials-helpers';

/** CPU seconds of each thread of this process, by thread id, with its name. */
function threads(): Map<string, { name: string; cpu: number }> {
  const out = new Map<string, { name: string; cpu: number }>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out.set(tid, { name, cpu: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

const { n, database, deps, awards, close } = await issuanceChild();
/** The batch `run` on `awards`, with each thread's CPU seconds: main, then the others by thread. */
async function measured(run: () => Promise<unknown>) {
  const before = threads();
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  const after = threads();
  let main = 0;
  const others: number[] = [];
  for (const [tid, { cpu }] of after) {
    const used = Math.round((cpu - (before.get(tid)?.cpu ?? 0)) * 100) / 100;
    if (tid === String(process.pid)) main = used;
    else if (used > 0) others.push(used);
  }
  return { ms: Math.round(ms), main, others: others.sort((a, b) => b - a) };
}
const half = Math.floor(n / 2);
// Signing and storing alone (what the pool shares), then the whole hook (credentials + e-mails).
const signing = await measured(() =>
  database.db.transaction((tx) => signAndStoreCredentials(tx, awards.slice(0, half), deps)),
);
const whole = await measured(() => database.db.transaction((tx) => issueCredentials(tx, awards.slice(half), deps)));
await close();
console.log(JSON.stringify({ awards: n - half, threads: deps.signer?.threads ?? 1, signing, whole }));

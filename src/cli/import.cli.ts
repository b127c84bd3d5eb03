import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../db/client';
import type { Reevaluate } from '../badges/awards.service';
import { importAttendance, type ImportCommit, type ImportPreview } from '../attendance/import.service';
import type { ParsedArgs } from './args';
import { progressBar } from './progress';

/** `import --event KEY FILE [--dry-run] [--accept-partial]`: the same service, summary and errors as the API. */
export async function importCommand(
  services: { db: Db; awards: { reevaluate: Reevaluate } },
  { positional, flags }: ParsedArgs,
) {
  const [file] = positional;
  const eventKey = flags.event;
  if (!file || typeof eventKey !== 'string')
    throw new Error('usage: npm run cli -- import --event KEY FILE [--dry-run] [--accept-partial]');
  const size = statSync(file).size;
  const parsing = progressBar('Lecture / reading', 'Ko/KB');
  const committing = progressBar('Enregistrement / saving', 'personnes/people');
  // The CLI is run by whoever holds the server's files: the audit log names it 'cli'.
  const result = await importAttendance(
    services,
    { id: 'cli', email: 'cli' },
    {
      eventKey,
      input: createReadStream(file),
      dryRun: flags['dry-run'] === true,
      acceptPartial: flags['accept-partial'] === true,
      fileName: basename(file),
      lang: 'fr',
      onProgress: (p) => {
        if (p.phase === 'parse') parsing.update(Math.round((p.bytesRead ?? 0) / 1024), Math.round(size / 1024));
        else {
          parsing.stop();
          committing.update(p.committed ?? 0, p.total);
        }
      },
    },
  );
  parsing.stop();
  committing.stop();
  printSummary(result);
}

function printSummary(r: ImportPreview | ImportCommit) {
  // A commit carries counts; a preview, its people.
  const people = 'importId' in r ? r.peopleCount : r.people.length;
  const attended = 'importId' in r ? r.attendedCount : r.people.filter((p) => p.attended).length;
  console.log(`Format : ${r.format} (${r.encoding}, séparateur ${JSON.stringify(r.delimiter)})`);
  console.log(`Fenêtre / window : ${r.window.startsAt} → ${r.window.endsAt} (${r.window.source})`);
  console.log(
    `Personnes / people : ${people}, présentes / attended : ${attended}, ` +
      `sans e-mail / unmatched : ${r.unmatched.length}`,
  );
  for (const w of r.warnings) console.log(`Avertissement${w.line ? ` ligne ${w.line}` : ''} : ${w.message}`);
  for (const e of r.errors) console.log(`Erreur ligne ${e.line} : ${e.message}`);
  if ('importId' in r) {
    console.log(
      `Import ${r.importId} : ${r.learnersCreated} apprenants créés, ${r.attendanceCreated} présences créées, ` +
        `${r.attendanceUpdated} mises à jour, ${r.unchanged} inchangées`,
    );
  } else {
    console.log(
      r.alreadyImported
        ? `Déjà importé / already imported (${r.alreadyImported}).`
        : 'Aperçu seulement : rien n’a été enregistré / preview only: nothing stored.',
    );
  }
}

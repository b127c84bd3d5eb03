import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decisions, expectAppError, fixture, parse, win } from './helpers';

const atelier1 = win('2025-06-26T14:00:00+02:00', '2025-06-26T16:00:00+02:00');

describe('.xlsx workbooks (Livestorm exports them; organisers keep sign-in sheets in Excel)', () => {
  it('[200] a Livestorm export: duration cells decide, booleans, accents and Œ kept, e-mail normalised', async () => {
    const a = await parse(fixture('livestorm-fr.xlsx'), { window: atelier1 });
    expect(a).toMatchObject({ format: 'livestorm', encoding: 'xlsx' });
    expect(decisions(a)).toEqual({
      'helene.lefevre@mairie-valbrune.example': [
        true,
        '96 min sur 120 (80 %) ≥ 50 % (durée indiquée par le rapport, sans horaires)',
      ],
      'karim.court@ville-ouest.example': [
        false,
        '36 min sur 120 (30 %) < 50 % (durée indiquée par le rapport, sans horaires)',
      ],
      'zoe.oeuvray@mairie-oeuilly.example': [
        true,
        '120 min sur 120 (100 %) ≥ 50 % (durée indiquée par le rapport, sans horaires)',
      ],
      'gerard.absent@commune-nord.example': [false, 'colonne « A participé » : false → absent'],
    });
    expect(a.people.map((p) => [p.name, p.organisation])).toContainEqual(['Zoé Œuvray', 'Mairie d’Œuilly']);
    expect(a.errors).toEqual([]);
  });

  it('[200] a sign-in sheet on the second sheet: time cells read on the event’s day, in Paris time', async () => {
    const a = await parse(fixture('feuille-emargement.xlsx'), { window: atelier1 });
    expect(a).toMatchObject({ format: 'sign-in-sheet', encoding: 'xlsx' });
    expect(decisions(a)).toEqual({
      'zoe.oeuvray@mairie-valbrune.example': [true, 'colonne « Présent » : Oui'],
      'lucie.martin@ville-ouest.example': [false, '45 min sur 120 (37 %) < 50 %'],
      'anais.petit@commune-est.example': [true, '115 min sur 120 (95 %) ≥ 50 %'],
      'jean.dupont@cc-lac.example': [false, 'colonne « Présent » : Non → absent'],
    });
    expect(a.people.find((p) => p.email.startsWith('lucie'))!.firstSeenAt).toBe('2025-06-26T12:05:00.000Z');
  });

  it('[200] streamed like any upload, with the same result as from a Buffer', async () => {
    const path = join(import.meta.dirname, '..', 'fixtures', 'attendance', 'livestorm-fr.xlsx');
    const streamed = await parse(createReadStream(path, { highWaterMark: 1024 }), { window: atelier1 });
    expect(decisions(streamed)).toEqual(decisions(await parse(fixture('livestorm-fr.xlsx'), { window: atelier1 })));
  });

  // 90 s: compressing 300 MB here (the attacker's side) takes the time, not the refusal.
  it('[413] a workbook that would unzip past the budget is refused on the bytes actually inflated, ' +
    'whatever it declares', async () => {
    // 300 MB of spaces deflate to ~300 KB; the archive also claims each part is tiny.
    const parts = unzipSync(fixture('livestorm-fr.xlsx'));
    parts['xl/worksheets/sheet1.xml'] = new Uint8Array(300 * 1024 * 1024).fill(0x20);
    const bomb = Buffer.from(zipSync(parts, { level: 9 }));
    lieAboutSizes(bomb);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const err = await expectAppError(parse(bomb), 'IMPORT_WORKBOOK_TOO_LARGE', 413);
    expect(err.params).toEqual({ limit: '128 Mo/MB' });
  }, 90_000);

  it('[415] another zip (a .docx) or a damaged workbook is refused with the spreadsheet message', async () => {
    await expectAppError(parse(fixture('document.docx')), 'IMPORT_SPREADSHEET_FILE', 415);
    const cut = fixture('livestorm-fr.xlsx').subarray(0, 3000);
    await expectAppError(parse(cut), 'IMPORT_SPREADSHEET_FILE', 415);
  });
});

/** Sets every uncompressed size the archive declares (local headers and central directory) to 1000 bytes. */
function lieAboutSizes(zip: Buffer) {
  for (let i = 0; i + 4 <= zip.length; i++) {
    const signature = zip.readUInt32LE(i);
    if (signature === 0x04034b50)
      zip.writeUInt32LE(1000, i + 22); // local file header
    else if (signature === 0x02014b50) zip.writeUInt32LE(1000, i + 24); // central directory entry
  }
}

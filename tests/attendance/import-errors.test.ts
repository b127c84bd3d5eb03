import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/text';
import { expectAppError, fixture, parse, win } from './helpers';

const atelier = win('2025-06-26T14:00:00+02:00', '2025-06-26T16:00:00+02:00');
const sheet = (rows: string[]) => iconv.encode(`${rows.join('\r\n')}\r\n`, 'windows-1252');

describe('files that cannot be read: fatal AppError with a clear code', () => {
  it('[422] empty file, or only a BOM', async () => {
    await expectAppError(parse(fixture('empty.csv')), 'IMPORT_EMPTY_FILE', 422);
    await expectAppError(parse(Buffer.from([0xef, 0xbb, 0xbf])), 'IMPORT_EMPTY_FILE', 422);
  });

  it('[415] a PNG, a workbook, random binary', async () => {
    const png = await expectAppError(parse(fixture('not-a-csv.png')), 'IMPORT_BINARY_FILE', 415);
    expect(png.params).toEqual({ kind: 'png' });
    await expectAppError(parse(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1')), 'IMPORT_SPREADSHEET_FILE', 415);
    await expectAppError(
      parse(Buffer.from([0x00, 0x13, 0x88, 0x00, 0x00, 0xfe, 0x01, 0x02, 0x00, 0x00, 0x07, 0x9a])),
      'IMPORT_BINARY_FILE',
      415,
    );
    expect(translate('IMPORT_SPREADSHEET_FILE', { kind: 'xlsx/ods (zip)' })).toContain('Enregistrer sous');
  });

  it('[422] a CSV with no recognisable header lists the headers found', async () => {
    const err = await expectAppError(parse(fixture('no-header.csv')), 'IMPORT_HEADER_NOT_RECOGNISED', 422);
    expect(translate(err.code, err.params)).toContain('En-têtes trouvés : foo, bar, baz.');
  });

  it('[422] a list of people with no presence column says so', async () => {
    const err = await expectAppError(
      parse(sheet(['Nom;Prénom;Courriel;Signature', 'Dupont;Jean;j@cc.example;'])),
      'IMPORT_NO_PRESENCE_COLUMN',
      422,
    );
    expect(err.params.headers).toBe('Nom, Prénom, Courriel, Signature');
  });

  it('[422] a truncated UTF-16 file (odd byte count), whole or streamed', async () => {
    await expectAppError(parse(fixture('teams-truncated-utf16le.csv')), 'IMPORT_UTF16_TRUNCATED', 422);
    const big = Buffer.concat([fixture('teams-en-utf16le.csv'), iconv.encode('x'.repeat(70_000), 'utf-16le')]);
    await expectAppError(
      parse(Readable.from([big.subarray(0, 50_001), big.subarray(50_001, big.length - 1)])),
      'IMPORT_UTF16_TRUNCATED',
      422,
    );
  });

  it('[422] no window anywhere: the event dates are required', async () => {
    await expectAppError(parse(fixture('livestorm.csv')), 'IMPORT_WINDOW_REQUIRED', 422);
  });

  it('[400] invalid options and text instead of bytes', async () => {
    await expectAppError(
      parse(fixture('livestorm.csv'), { timezone: 'Europe/Lutèce' }),
      'IMPORT_TIMEZONE_INVALID',
      400,
    );
    await expectAppError(parse(fixture('livestorm.csv'), { minPresenceRatio: 1.5 }), 'IMPORT_RATIO_INVALID', 400);
    await expectAppError(
      parse(fixture('livestorm.csv'), { window: win('2025-06-26T16:00:00Z', '2025-06-26T14:00:00Z') }),
      'IMPORT_WINDOW_INVALID',
      400,
    );
    await expectAppError(parse(Readable.from(['Nom;Courriel'])), 'IMPORT_INPUT_INVALID', 400);
  });
});

describe('row-level problems: listed with the physical line and the column, the rest is kept', () => {
  it('[200] invalid date, leave before join, missing departure, unterminated quote, anonymous row', async () => {
    const a = await parse(
      sheet([
        'Émargement;;;;',
        "Nom;Courriel;Collectivité;Heure d'arrivée;Heure de départ",
        // A quoted cell over three physical lines: the next rows are lines 6, 7, 8…
        'Dupont;j@cc.example;"Mairie de\r\nSaint-Œuvre\r\n(annexe)";14:00;15:30',
        'Martin;l@ville.example;Ville;demain;15:00',
        'Petit;a@commune.example;Commune;15:00;14:00',
        'Bernard;e@mairie.example;Mairie;14:10;',
        ';;Total : 4 inscrits;;',
        'Roux;"r@mairie.example;Mairie;14:00;16:00',
      ]),
      { window: atelier },
    );
    expect(a.people.find((p) => p.email === 'j@cc.example')).toMatchObject({
      organisation: 'Mairie de\r\nSaint-Œuvre\r\n(annexe)',
      attended: true,
      lines: [3],
    });
    expect(a.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [6, 'IMPORT_DATE_INVALID', "Heure d'arrivée"],
      [7, 'IMPORT_INTERVAL_REVERSED', 'Heure de départ'],
      [8, 'IMPORT_TIME_MISSING', 'Heure de départ'],
      [10, 'IMPORT_CSV_QUOTES', undefined],
    ]);
    expect(a.errors[0]!.message).toBe("Ligne 6 : date ou heure illisible « demain » (colonne « Heure d'arrivée »).");
    expect(a.warnings).toEqual([
      { code: 'IMPORT_ROW_IGNORED', line: 9, message: 'Ligne 9 : ni nom ni adresse e-mail ; ligne ignorée.' },
    ]);
    expect(a.rowsRead).toBe(8); // records, not physical lines
  });

  it('[200] an invalid e-mail is a row error, and the row waits for manual matching', async () => {
    const a = await parse(sheet(['Nom;Courriel;Présent', 'Dupont;jean.dupont(at)cc.example;Oui']), { window: atelier });
    expect(a.errors[0]).toMatchObject({ line: 2, code: 'IMPORT_EMAIL_INVALID', field: 'Courriel' });
    expect(a.unmatched).toEqual([{ line: 2, name: 'Dupont', minutes: 120 }]);
  });
});

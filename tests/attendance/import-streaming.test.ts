import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fixture, parse, win } from './helpers';

const webinar1 = win('2025-06-12T10:00:00+02:00', '2025-06-12T12:00:00+02:00');

/** A Zoom webinar report of `rows` attendee rows, produced lazily as an HTTP body would arrive. */
async function* zoomReport(rows: number, people: number): AsyncGenerator<Buffer> {
  yield Buffer.from(
    '\uFEFFAttendee Report,\n' +
      'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered\n' +
      'Charge,1,"Jun 12, 2025 10:00 AM",120,1\n' +
      'Attendee Details,\n' +
      'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,Join ' +
      'Time,Leave Time,Time in Session (minutes),Is Guest,Collectivité,Country/Region Name\n',
  );
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const p = i % people;
    // Each person comes back every `people` rows: visit k covers 10:(2k)0 → 10:(2k)9.
    const visit = Math.floor(i / people);
    const from = `${10 + Math.floor((visit * 20) / 60)}:${String((visit * 20) % 60).padStart(2, '0')}`;
    const to = `${10 + Math.floor((visit * 20 + 15) / 60)}:${String((visit * 20 + 15) % 60).padStart(2, '0')}`;
    // Odd people use another spelling of their address: still one person.
    const email = p % 2 ? `Agent.${p}@Commune-${p % 50}.example` : `agent.${p}@commune-${p % 50}.example`;
    chunk += `Yes,Agent ${p},Agent,N°${p},${email},,,,"Jun 12, 2025 ${from}:00","Jun 12, 2025 ${to}:00",15,Yes,`;
    chunk += `"Commune ${p % 50}; service ${p % 7}",France\n`;
    if (chunk.length > 16_000) {
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  yield Buffer.from(chunk);
}

describe('streaming', () => {
  it('[200] 20 000 rows from an async generator: aggregated per e-mail, progress reported', async () => {
    const progress: Array<[number, number]> = [];
    const a = await parse(zoomReport(20_000, 4_000), { onProgress: (rows, bytes) => progress.push([rows, bytes]) });
    expect(a.rowsRead).toBe(20_005);
    expect(a.people).toHaveLength(4_000);
    // 5 visits of 15 min each: 75 min of 120.
    expect(a.people.every((p) => p.minutes === 75 && p.attended && p.lines.length === 5)).toBe(true);
    expect(a.people[1]).toMatchObject({
      email: 'agent.1@commune-1.example',
      organisation: 'Commune 1; service 1',
      lines: [7, 4007, 8007, 12007, 16007],
    });
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.map(([r]) => r)).toEqual([...progress.map(([r]) => r)].sort((x, y) => x - y));
    expect(progress.at(-1)).toEqual([20_005, expect.any(Number)]);
    expect(progress.at(-1)![1]).toBeGreaterThan(2_000_000);
  });

  it('[200] tiny chunks split UTF-16 code units and the BOM: same result as one Buffer', async () => {
    const bytes = fixture('teams-en-utf16le.csv');
    const chunks = async function* () {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    };
    expect(await parse(chunks(), { window: webinar1 })).toEqual(await parse(bytes, { window: webinar1 }));
  });

  it('[200] an fs read stream of a Windows-1252 file, 16 bytes at a time (chardet on the sample)', async () => {
    const path = join(import.meta.dirname, '..', 'fixtures', 'attendance', 'feuille-emargement-cp1252.csv');
    const window = win('2025-06-26T14:00:00+02:00', '2025-06-26T16:00:00+02:00');
    const streamed = await parse(createReadStream(path, { highWaterMark: 16 }), { window });
    expect(streamed).toEqual(await parse(fixture('feuille-emargement-cp1252.csv'), { window }));
    expect(streamed.people[1]!.name).toBe('Cœur L’HÔTE');
  });

  it('[500] a source that fails mid-way rejects with its error', async () => {
    async function* broken() {
      yield* zoomReport(10, 10);
      throw new Error('socket hang up');
    }
    await expect(parse(broken())).rejects.toThrow('socket hang up');
    const stream = new Readable({ read() {} });
    stream.push(fixture('zoom-webinar-2025.csv').subarray(0, 500));
    setTimeout(() => stream.destroy(new Error('aborted')), 5);
    await expect(parse(stream)).rejects.toThrow('aborted');
  });
});

import { createReadStream } from 'node:fs';
import { parseAttendance } from '../src/attendance/importers';
const f = process.argv[2]!;
const t = performance.now();
const r = await parseAttendance(createReadStream(f), { timezone: 'Europe/Paris', minPresenceRatio: 0.5, window: { startsAt: new Date('2026-03-12T09:00:00Z'), endsAt: new Date('2026-03-12T11:00:00Z') } });
console.log('parse ms', performance.now() - t, r.people.length, r.errors.length, r.warnings.length, 'rss', process.memoryUsage().rss / 1e6);

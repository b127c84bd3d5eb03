import { describe, expect, it } from 'vitest';
import { decisions, fixture, parse, win } from './helpers';

const webinar1 = win('2025-06-12T10:00:00+02:00', '2025-06-12T12:00:00+02:00');

describe('Zoom webinar attendee report (2025 headers, UTF-8 BOM, LF)', () => {
  it('[200] decides who attended and says why the others did not', async () => {
    const a = await parse(fixture('zoom-webinar-2025.csv'));
    expect(a).toMatchObject({ format: 'zoom-webinar', encoding: 'utf-8', delimiter: ',' });
    // No event window given: the report's Actual Start Time + Actual Duration.
    expect(a.window).toEqual({ startsAt: '2025-06-12T08:00:00.000Z', endsAt: '2025-06-12T10:00:00.000Z', source: 'report' });
    expect(decisions(a)).toEqual({
      // Two sessions (rejoin) add up: 30m28s + 65m.
      'helene.lefevre@mairie-valbrune.example': [true, '95,4 min sur 120 (79 %) ≥ 50 %'],
      'bernard.exact@ville-ouest.example': [true, '60 min sur 120 (50 %) ≥ 50 %'],
      'chloe.presque@commune-est.example': [false, '59,9 min sur 120 (49 %) < 50 %'],
      // Two devices 10:00–10:40 and 10:10–10:50 count once: 50 min, not 80.
      'david.deux@dept-nord.example': [false, '50 min sur 120 (41 %) < 50 %'],
      // Joined at 9:30: only the time inside the window counts.
      'emma.avance@commune-lac.example': [false, '45 min sur 120 (37 %) < 50 %'],
      // `Marc.Dubois@Agglo-Sud.example` and ` marc.dubois@agglo-sud.example `: one person.
      'marc.dubois@agglo-sud.example': [true, '65 min sur 120 (54 %) ≥ 50 %'],
      // Same e-mail in NFC and NFD.
      'zoé.martin@commune-lac.example': [true, '70 min sur 120 (58 %) ≥ 50 %'],
      // Zoom shows 20 + 40 = 60 rounded-up minutes; the timestamps say 59m15s.
      'fabrice.arrondi@ville-ouest.example': [false, '59,2 min sur 120 (49 %) < 50 %'],
      'gerard.absent@commune-nord.example': [false, 'colonne « Attended » : No → absent'],
    });
  });

  it('[200] excludes host and panelists, also a panelist who registered as attendee', async () => {
    const a = await parse(fixture('zoom-webinar-2025.csv'));
    const emails = a.people.map((p) => p.email);
    expect(emails).not.toContain('claire.orga@parcours.example');
    expect(emails).not.toContain('paul.intervenant@cerema.example');
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_ALSO_ATTENDEE', 'IMPORT_STAFF_EXCLUDED']);
    expect(a.warnings[0]).toMatchObject({ line: 24, message: expect.stringContaining('paul.intervenant@cerema.example') });
  });

  it('[200] keeps organisation from the custom question, names, lines and first/last seen', async () => {
    const a = await parse(fixture('zoom-webinar-2025.csv'));
    const helene = a.people.find((p) => p.email.startsWith('helene'))!;
    expect(helene).toMatchObject({
      name: 'Hélène Lefèvre',
      organisation: 'Mairie de Valbrune',
      minutes: 95.4,
      lines: [11, 12],
      firstSeenAt: '2025-06-12T08:01:12.000Z',
      lastSeenAt: '2025-06-12T09:40:00.000Z',
    });
    // A quoted field containing a comma.
    expect(a.people.find((p) => p.email.startsWith('bernard'))!.organisation).toBe('Communauté de communes du Lac, Nord');
    expect(a.people.find((p) => p.email.startsWith('marc'))!.lines).toEqual([18, 19]);
  });

  it('[200] lists rows without a usable e-mail for manual matching, and names the invalid one', async () => {
    const a = await parse(fixture('zoom-webinar-2025.csv'));
    expect(a.unmatched).toEqual([
      { line: 25, name: 'Jean Dupont', minutes: 90 },
      { line: 29, name: 'Invité Sans Compte', minutes: 110 },
    ]);
    expect(a.errors).toEqual([
      {
        line: 25,
        code: 'IMPORT_EMAIL_INVALID',
        field: 'Email',
        message: 'Ligne 25 : adresse e-mail invalide « jean.dupont@mairie » (colonne « Email »). La ligne est placée dans les personnes à rapprocher.',
      },
    ]);
    expect(a.rowsRead).toBe(29);
  });

  it('[200] speaks English when asked', async () => {
    const a = await parse(fixture('zoom-webinar-2025.csv'), { lang: 'en', window: webinar1 });
    expect(a.window.source).toBe('event');
    expect(decisions(a)['helene.lefevre@mairie-valbrune.example']).toEqual([true, '95.4 min of 120 (79%) ≥ 50%']);
    expect(a.errors[0]!.message).toBe('Line 25: invalid e-mail address "jean.dupont@mairie" (column "Email"). The row is listed for manual matching.');
  });
});

describe('Zoom webinar report re-saved by Excel (2020 headers, padded titles, US numeric dates)', () => {
  it('[200] reads 06/12/2025 month first because Zoom writes US dates, and warns', async () => {
    const a = await parse(fixture('zoom-webinar-2020-excel.csv'));
    expect(a.window.startsAt).toBe('2025-06-12T08:00:00.000Z');
    expect(decisions(a)).toEqual({
      'helene.lefevre@mairie-valbrune.example': [true, '90 min sur 120 (75 %) ≥ 50 %'],
      'karim.court@ville-ouest.example': [false, '30 min sur 120 (25 %) < 50 %'],
    });
    expect(a.warnings[0]).toMatchObject({ code: 'IMPORT_DATE_ORDER_ASSUMED', line: 4 });
    expect(a.warnings[0]!.message).toContain('mois/jour/année');
    expect(a.unmatched).toEqual([{ line: 16, name: 'Tablette Salle du Conseil', minutes: 116 }]);
  });

  it('[200] lets the event date decide silently', async () => {
    const a = await parse(fixture('zoom-webinar-2020-excel.csv'), { window: webinar1 });
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_EXCLUDED']);
    expect(a.people.map((p) => p.attended)).toEqual([true, false]);
  });
});

describe('Zoom meeting participants', () => {
  it('[200] 2021 export with meeting data: rejoins add up, host excluded, phone dial-in unmatched', async () => {
    const a = await parse(fixture('zoom-meeting-2021.csv'));
    expect(a.format).toBe('zoom-meeting');
    // 01/21/2021: 21 > 12 decides month first, no warning needed.
    expect(a.window).toEqual({ startsAt: '2021-01-21T13:00:00.000Z', endsAt: '2021-01-21T15:00:00.000Z', source: 'report' });
    expect(decisions(a)).toEqual({
      'julie.rejoint@dept-nord.example': [true, '70 min sur 120 (58 %) ≥ 50 %'],
      'karim.court@ville-ouest.example': [false, '30 min sur 120 (25 %) < 50 %'],
    });
    expect(a.unmatched).toEqual([{ line: 8, name: '06******78', minutes: 100 }]);
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_EXCLUDED']);
  });

  it('[200] 2025 sentence-case export: waiting-room rows do not count', async () => {
    const a = await parse(fixture('zoom-meeting-2025.csv'), { window: win('2025-06-12T14:00:00+02:00', '2025-06-12T16:00:00+02:00') });
    expect(decisions(a)).toEqual({
      // 13:50–14:00 in the waiting room, then 70 min in the meeting.
      'lea.salle@commune-est.example': [true, '70 min sur 120 (58 %) ≥ 50 %'],
      'tom.attente@commune-est.example': [false, 'resté en salle d’attente, jamais admis'],
    });
    expect(a.unmatched).toEqual([{ line: 9, name: 'Invité Anonyme', minutes: 90 }]);
    // The host (named in the summary, no e-mail in the list) is not a learner.
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_WAITING_ROOM_SKIPPED', 'IMPORT_STAFF_EXCLUDED']);
  });
});

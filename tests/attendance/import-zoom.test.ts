import { describe, expect, it } from 'vitest';
import { decisions, fixture, parse, win } from './helpers';

const webinar1 = win('2025-06-12T10:00:00+02:00', '2025-06-12T12:00:00+02:00');

describe('Zoom webinar attendee report (2025 headers, UTF-8 BOM, LF)', () => {
  it('[200] decides who attended and says why the others did not', async () => {
    const a = await parse(fixture('zoom-webinar-2025.csv'));
    expect(a).toMatchObject({ format: 'zoom-webinar', encoding: 'utf-8', delimiter: ',' });
    // No event window given: the report's Actual Start Time + Actual Duration.
    expect(a.window).toEqual({
      startsAt: '2025-06-12T08:00:00.000Z',
      endsAt: '2025-06-12T10:00:00.000Z',
      source: 'report',
    });
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
    expect(a.warnings[0]).toMatchObject({
      line: 24,
      message: expect.stringContaining('paul.intervenant@cerema.example'),
    });
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
    expect(a.people.find((p) => p.email.startsWith('bernard'))!.organisation).toBe(
      'Communauté de communes du Lac, Nord',
    );
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
        message:
          'Ligne 25 : adresse e-mail invalide « jean.dupont@mairie » (colonne « Email »). La ligne est placée dans ' +
          'les personnes à rapprocher.',
      },
    ]);
    expect(a.rowsRead).toBe(29);
  });

  it('[200] speaks English when asked', async () => {
    const a = await parse(fixture('zoom-webinar-2025.csv'), { lang: 'en', window: webinar1 });
    expect(a.window.source).toBe('event');
    expect(decisions(a)['helene.lefevre@mairie-valbrune.example']).toEqual([true, '95.4 min of 120 (79%) ≥ 50%']);
    expect(a.errors[0]!.message).toBe(
      'Line 25: invalid e-mail address "jean.dupont@mairie" (column "Email"). The row is listed for manual matching.',
    );
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

describe('Zoom webinar report shaped like the public 2020 sample (quoted cells, `NA`, 12-hour Other Attended)', () => {
  it('[200] reads quoted section headers and rows; a panelist who also registered is staff', async () => {
    const csv = [
      'Attendee Report,',
      'Report Generated:,"Apr 09, 2020 8:50 PM"',
      'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total ' +
        'Users,Max Concurrent Views',
      'Journée data,328-972-509,"Mar 28, 2020 8:07 AM", 548, 461, 0,446,991,0',
      'Host Details,',
      'Attended,User Name,Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name',
      'Yes,hote,hote@example.org,"Mar 28, 2020 08:07:27","Mar 28, 2020 17:14:45",548,France',
      'Panelist Details,',
      '"Attended","User Name","Email","Join Time","Leave Time","Time in Session (minutes)","Country/Region Name"',
      '"Yes","panel","agent327@example.org","Mar 28, 2020 09:39:09","Mar 28, 2020 10:03:38",25,"France"',
      'Attendee Details,',
      '"Attended","First Name","Last Name","Email","Registration Time","Approval Status","Join Time","Leave ' +
        'Time","Time in Session (minutes)","Country/Region Name"',
      '"Yes","A","B","agent52@example.org","Mar 28, 2020 09:20:09","approved","Mar 28, 2020 09:20:36","Mar 28, 2020 ' +
        '09:57:38","38","France"',
      '"Yes","A","B","agent52@example.org",NA,NA,"Mar 28, 2020 09:54:35","Mar 28, 2020 17:08:12","434","France"',
      '"Yes","C","D","agent327@example.org","Mar 28, 2020 09:00:57","approved","Mar 28, 2020 09:01:24","Mar 28, 2020 ' +
        '09:39:06","38","France"',
      '"No","E","F","agent384@example.org","Mar 28, 2020 07:31:48","approved","--","--","--","--"',
      'Other Attended,',
      '"User Name","Join Time","Leave Time","Time in Session (minutes)","Country/Region Name"',
      '"userOther_4","Mar 28, 2020 1:52 PM","Mar 28, 2020 2:40 PM",48,"France"',
      '',
    ].join('\n');
    const a = await parse(Buffer.from(csv));
    expect(a.window).toEqual({
      startsAt: '2020-03-28T07:07:00.000Z',
      endsAt: '2020-03-28T16:15:00.000Z',
      source: 'report',
    });
    expect(a.people.map((p) => [p.email, p.attended, p.lines])).toEqual([
      // 09:20:36 → 17:08:12 with an overlap at 09:54: union 467.6 min of 548.
      ['agent52@example.org', true, [13, 14]],
      ['agent384@example.org', false, [16]],
    ]);
    expect(a.people[0]!.minutes).toBe(467.6);
    expect(a.unmatched).toEqual([{ line: 19, name: 'userOther_4', minutes: 48 }]);
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_ALSO_ATTENDEE', 'IMPORT_STAFF_EXCLUDED']);
  });
});

describe('Zoom meeting participants', () => {
  it('[200] 2021 export with meeting data: rejoins add up, host excluded, phone dial-in unmatched', async () => {
    const a = await parse(fixture('zoom-meeting-2021.csv'));
    expect(a.format).toBe('zoom-meeting');
    // 01/21/2021: 21 > 12 decides month first, no warning needed.
    expect(a.window).toEqual({
      startsAt: '2021-01-21T13:00:00.000Z',
      endsAt: '2021-01-21T15:00:00.000Z',
      source: 'report',
    });
    expect(decisions(a)).toEqual({
      'julie.rejoint@dept-nord.example': [true, '70 min sur 120 (58 %) ≥ 50 %'],
      'karim.court@ville-ouest.example': [false, '30 min sur 120 (25 %) < 50 %'],
    });
    expect(a.unmatched).toEqual([{ line: 8, name: '06******78', minutes: 100 }]);
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_EXCLUDED']);
  });

  it('[200] 2025 sentence-case export: waiting-room rows do not count', async () => {
    const a = await parse(fixture('zoom-meeting-2025.csv'), {
      window: win('2025-06-12T14:00:00+02:00', '2025-06-12T16:00:00+02:00'),
    });
    expect(decisions(a)).toEqual({
      // 13:50–14:00 in the waiting room, then 70 min in the meeting.
      'lea.salle@commune-est.example': [true, '70 min sur 120 (58 %) ≥ 50 %'],
      'tom.attente@commune-est.example': [false, 'resté en salle d’attente, jamais admis'],
    });
    expect(a.unmatched).toEqual([{ line: 9, name: 'Invité Anonyme', minutes: 90 }]);
    // The host (named in the summary, no e-mail in the list) is not a learner.
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_WAITING_ROOM_SKIPPED', 'IMPORT_STAFF_EXCLUDED']);
  });

  it('[200] "Show unique users": durations only, with a warning that Zoom rounds them up', async () => {
    const csv =
      '\uFEFFName (Original Name),User Email,Total Duration ' +
      '(Minutes),Guest\r\nJulie,julie@dept.example,61,Yes\r\nKarim,karim@ville.example,59,Yes\r\n';
    const a = await parse(Buffer.from(csv), { window: webinar1 });
    expect(decisions(a)).toEqual({
      'julie@dept.example': [true, '61 min sur 120 (50 %) ≥ 50 % (durée indiquée par le rapport, sans horaires)'],
      'karim@ville.example': [false, '59 min sur 120 (49 %) < 50 % (durée indiquée par le rapport, sans horaires)'],
    });
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_DURATION_ONLY']);
  });

  it('[200] admin flat export with a repeated `User Email` header: the second is the participant', async () => {
    const header =
      'Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,Creation Time,Start Time,End ' +
      'Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,Leave Time,Duration ' +
      '(Minutes),Guest,Recording Consent,In Waiting Room,Marketing opt-in';
    const meeting =
      'Atelier,812,Claire,claire.orga@parcours.example,,,No,01/14/2021 09:00:00 AM,01/21/2021 10:00:00 AM,01/21/2021 ' +
      '12:00:00 PM,120,2';
    const csv = [
      header,
      `${meeting},Claire,claire.orga@parcours.example,01/21/2021 09:58:00 AM,01/21/2021 12:00:00 PM,122,No,,No,`,
      `${meeting},Julie,julie@dept.example,01/21/2021 10:00:00 AM,01/21/2021 11:30:00 AM,90,Yes,,No,`,
      '',
    ].join('\n');
    const a = await parse(Buffer.from(csv));
    expect(a.window).toEqual({
      startsAt: '2021-01-21T09:00:00.000Z',
      endsAt: '2021-01-21T11:00:00.000Z',
      source: 'report',
    });
    expect(decisions(a)).toEqual({ 'julie@dept.example': [true, '90 min sur 120 (75 %) ≥ 50 %'] });
  });
});

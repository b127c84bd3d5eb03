import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decisions, expectAppError, fixture, parse, win } from './helpers';
import { allPresenters, breakoutRoomReport } from './import-teams.helpers';

const webinar2 = win('2025-06-19T10:00:00+02:00', '2025-06-19T12:00:00+02:00');

describe('Microsoft Teams attendance report', () => {
  it('[200] English labels, UTF-16LE BOM, TAB: section 3 join/leave rows decide', async () => {
    const a = await parse(fixture('teams-en-utf16le.csv'), { window: webinar2 });
    expect(a).toMatchObject({ format: 'teams', encoding: 'utf-16le', delimiter: '\t' });
    expect(decisions(a)).toEqual({
      // `Lefèvre, Hélène`: a comma in the name, hence TAB. 49m50s + 30m.
      'helene.lefevre@mairie-valbrune.example': [true, '79,8 min sur 120 (66 %) ≥ 50 %'],
      // Section 2 says 10:00 → 12:00; section 3 shows two 20-minute visits.
      'samuel.trou@ville-ouest.example': [false, '40 min sur 120 (33 %) < 50 %'],
      // Laptop 10:00–11:00 and phone 10:10–11:05 overlap: 65 min.
      'ines.deux@dept-nord.example': [true, '65 min sur 120 (54 %) ≥ 50 %'],
    });
    // Organizer and Presenter are staff; the unverified guest has no e-mail.
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_EXCLUDED']);
    expect(a.unmatched).toEqual([{ line: 28, name: 'Marie Externe', minutes: 90 }]);
    expect(a.people[0]!.lines).toEqual([22, 23]);
  });

  it('[200] without an event window, section 1 start/end is the window', async () => {
    const a = await parse(fixture('teams-en-utf16le.csv'));
    expect(a.window).toEqual({
      startsAt: '2025-06-19T07:58:02.000Z',
      endsAt: '2025-06-19T10:01:30.000Z',
      source: 'report',
    });
  });

  it('[200] only sections 1 and 2: first join → last leave capped by in-meeting duration', async () => {
    const a = await parse(fixture('teams-sections-1-2-utf16le.csv'));
    expect(decisions(a)).toEqual({
      'helene.lefevre@mairie-valbrune.example': [
        true,
        '79,8 min sur 120 (66 %) ≥ 50 % (plafonné à la durée de présence indiquée par le rapport)',
      ],
      'samuel.trou@ville-ouest.example': [
        false,
        '40 min sur 120 (33 %) < 50 % (plafonné à la durée de présence indiquée par le rapport)',
      ],
    });
  });

  it('[200] French labels, UTF-16BE BOM: 12/06/2025 read day first from the event date', async () => {
    const a = await parse(fixture('teams-fr-utf16be.csv'), {
      window: win('2025-06-12T10:00:00+02:00', '2025-06-12T12:00:00+02:00'),
    });
    expect(a.encoding).toBe('utf-16be');
    expect(decisions(a)).toEqual({
      'helene.lefevre@mairie-valbrune.example': [true, '73 min sur 120 (60 %) ≥ 50 %'],
      'karim.court@ville-ouest.example': [false, '35 min sur 120 (29 %) < 50 %'],
    });
    // `Karim Court (Invité)`: the guest label is not part of the name; the Organisateur is excluded.
    expect(a.people[1]!.name).toBe('Karim Court');
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_EXCLUDED']);
  });

  it('[200] French labels without an event: day first because the file is French, with a warning', async () => {
    const a = await parse(fixture('teams-fr-utf16be.csv'));
    expect(a.window.startsAt).toBe('2025-06-12T08:00:05.000Z');
    expect(a.warnings[0]).toMatchObject({ code: 'IMPORT_DATE_ORDER_ASSUMED', line: 4 });
    expect(a.warnings[0]!.message).toBe(
      'Dates ambiguës (ex. « 12/06/2025 10:00:05 ») lues en jour/mois/année car le fichier est en français. Vérifiez ' +
        'les dates.',
    );
  });

  it(
    '[200] everyone a Presenter (Teams default): presenters are the participants, ' +
      'organisers stay out, with a warning',
    async () => {
      const a = await parse(
        allPresenters([
          'Hélène\t19/06/25, 10:00:00\t19/06/25, 12:00:00\t2h\thelene@mairie.example\thelene@mairie.example\tPresenter',
          'Karim (Guest)\t19/06/25, 10:00:00\t19/06/25, 10:30:00\t30m\tkarim@ville.example\t\tPresenter',
          'Invité sans adresse\t19/06/25, 10:00:00\t19/06/25, 11:30:00\t1h 30m\t\t\tPresenter',
        ]),
      );
      expect(decisions(a)).toEqual({
        'helene@mairie.example': [true, '120 min sur 120 (100 %) ≥ 50 %'],
        'karim@ville.example': [false, '30 min sur 120 (25 %) < 50 %'],
      });
      expect(a.people.map((p) => p.name)).toEqual(['Hélène', 'Karim']);
      expect(a.unmatched).toEqual([{ line: 10, name: 'Invité sans adresse', minutes: 90 }]);
      expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_ALL_PRESENTERS', 'IMPORT_STAFF_EXCLUDED']);
      expect(a.warnings[0]!.message).toContain(
        'les personnes au rôle Présentateur (3) sont comptées comme participantes',
      );
    },
  );

  it('[200] `19/06/25, 10:00:00` dates put a comma in every row: still read with TAB, its own delimiter', async () => {
    const attendee = (name: string, email: string, leave: string) =>
      `${name}\t19/06/25, 10:00:00\t19/06/25, ${leave}\t1h\t${email}\t${email}\tAttendee`;
    const a = await parse(
      allPresenters([
        attendee('Ana', 'ana@a.example', '12:00:00'),
        attendee('Bo', 'bo@b.example', '10:20:00'),
        attendee('Cy', 'cy@c.example', '11:00:00'),
      ]),
    );
    expect(a).toMatchObject({ format: 'teams', delimiter: '\t' });
    expect(a.people.map((p) => [p.email, p.attended])).toEqual([
      ['ana@a.example', true],
      ['bo@b.example', false],
      ['cy@c.example', true],
    ]);
  });

  it('[200] presenters beside attendees are speakers: excluded like organisers', async () => {
    const a = await parse(
      allPresenters([
        'Paul\t19/06/25, 10:00:00\t19/06/25, ' +
          '12:00:00\t2h\tpaul.intervenant@cerema.example\tpaul.intervenant@cerema.example\tPresenter',
        'Hélène\t19/06/25, 10:00:00\t19/06/25, 12:00:00\t2h\thelene@mairie.example\thelene@mairie.example\tAttendee',
      ]),
    );
    expect(Object.keys(decisions(a))).toEqual(['helene@mairie.example']);
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_EXCLUDED']);
  });
});

describe('Teams 2024+ section 3 with breakout-room columns', () => {
  it('[200] unknown French time labels: the columns after the room columns are the join and leave times', async () => {
    for (const [join, leave] of [
      ['Heure de début', 'Heure de fin'],
      ['Heure d’entrée en salle', 'Heure de sortie de salle'],
    ]) {
      const a = await parse(breakoutRoomReport(join!, leave!));
      expect(a.errors).toEqual([]);
      expect(decisions(a)).toEqual({
        'helene@mairie.example': [true, '80 min sur 120 (66 %) ≥ 50 %'],
        'samuel@ville.example': [false, '40 min sur 120 (33 %) < 50 %'],
      });
      expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_STAFF_EXCLUDED']);
    }
  });

  it('[200] English labels are read by name wherever the room columns are', async () => {
    const text = [
      '1. Summary',
      'Start time\t19/06/25, 10:00:00',
      'End time\t19/06/25, 12:00:00',
      '',
      '2. Participants',
      'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole',
      'Hélène\t19/06/25, 10:00:00\t19/06/25, 11:10:00\t1h 10m\thelene@mairie.example\thelene@mairie.example\tAttendee',
      '',
      '3. In-Meeting Activities',
      'Name\tRoom type\tRoom name\tJoin Time\tLeave Time\tDuration\tEmail\tRole',
      'Hélène\tMain room\tAtelier\t19/06/25, 10:00:00\t19/06/25, 11:10:00\t1h 10m\thelene@mairie.example\tAttendee',
      '',
    ].join('\n');
    const a = await parse(iconv.encode(text, 'utf-16le', { addBOM: true }));
    expect(decisions(a)).toEqual({ 'helene@mairie.example': [true, '70 min sur 120 (58 %) ≥ 50 %'] });
  });
});

describe('Teams 2021 report (`Meeting Summary`, unnumbered table)', () => {
  it('[200] reads the table under the summary', async () => {
    const text = [
      'Meeting Summary',
      'Total Number of Participants\t2',
      'Meeting Title\tAtelier',
      'Meeting Start Time\t6/26/2021, 2:00:00 PM',
      'Meeting End Time\t6/26/2021, 4:00:00 PM',
      '',
      'Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\tParticipant ID (UPN)',
      'Claire\t6/26/2021, 1:58:00 PM\t6/26/2021, 4:00:00 PM\t2h ' +
        '2m\tclaire@parcours.example\tOrganizer\tclaire@parcours.example',
      'Julie\t6/26/2021, 2:00:00 PM\t6/26/2021, 3:10:00 PM\t1h 10m\tjulie@dept.example\tAttendee\tjulie@dept.example',
      '',
    ].join('\n');
    const a = await parse(iconv.encode(text, 'utf-16le', { addBOM: true }));
    expect(a.window).toMatchObject({ startsAt: '2021-06-26T12:00:00.000Z', source: 'report' });
    expect(decisions(a)).toEqual({ 'julie@dept.example': [true, '70 min sur 120 (58 %) ≥ 50 %'] });
  });
});

describe('Teams legacy attendance list (2020: Full Name / User Action / Timestamp)', () => {
  it('[200] has no e-mail: everyone is unmatched with their time', async () => {
    const a = await parse(fixture('teams-legacy-2020-utf16le.csv'), {
      window: win('2020-12-11T10:00:00+01:00', '2020-12-11T12:00:00+01:00'),
    });
    expect(a.format).toBe('teams-legacy');
    expect(a.people).toEqual([]);
    expect(a.unmatched).toEqual([
      // `Joined before` 09:59 → Left 10:20, clipped to 10:00.
      { line: 3, name: 'Samuel Court', minutes: 20 },
      // 10:00:30–11:10:30, then rejoined at 11:30 with no Left: counted until the file's last time (12:00).
      { line: 4, name: 'Hélène Lefèvre', minutes: 100 },
      { line: 2, name: 'Claire Organisatrice', minutes: 120 },
    ]);
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_NO_EMAIL_COLUMN', 'IMPORT_STILL_CONNECTED']);
  });

  it('[422] 11/12/2020 with no event date and no language clue cannot be read', async () => {
    const err = await expectAppError(parse(fixture('teams-legacy-2020-utf16le.csv')), 'IMPORT_DATE_ORDER_UNKNOWN', 422);
    expect(err.params).toEqual({ line: 2, value: '11/12/2020, 09:58:10' });
  });
});

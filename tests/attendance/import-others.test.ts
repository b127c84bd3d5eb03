import { describe, expect, it } from 'vitest';
import { decisions, expectAppError, fixture, parse, win } from './helpers';

const atelier1 = win('2025-06-26T14:00:00+02:00', '2025-06-26T16:00:00+02:00');

describe('Google Meet attendance report', () => {
  it('[200] text durations, time-only values on the meeting date, phone participant unmatched', async () => {
    const a = await parse(fixture('google-meet.csv'));
    expect(a).toMatchObject({ format: 'google-meet', encoding: 'utf-8', delimiter: ',' });
    expect(a.window).toEqual({
      startsAt: '2025-06-26T12:00:00.000Z',
      endsAt: '2025-06-26T14:00:00.000Z',
      source: 'report',
    });
    expect(decisions(a)).toEqual({
      // 2:01 PM → 3:50 PM, in the meeting `1 hr 45 min`.
      'helene.lefevre@mairie-valbrune.example': [
        true,
        '105 min sur 120 (87 %) ≥ 50 % (plafonné à la durée de présence indiquée par le rapport)',
      ],
      // First join → last exit spans 118 min, but Meet says `58 min` in the meeting.
      'karim.court@ville-ouest.example': [
        false,
        '58 min sur 120 (48 %) < 50 % (plafonné à la durée de présence indiquée par le rapport)',
      ],
      'nadia.pile@commune-lac.example': [true, '60 min sur 120 (50 %) ≥ 50 %'],
    });
    expect(a.unmatched).toEqual([{ line: 8, name: 'Appel (Téléphone)', minutes: 42 }]);
    expect(a.people[0]!.firstSeenAt).toBe('2025-06-26T12:01:00.000Z');
  });
});

describe('Livestorm registrants (unverified format: API column names)', () => {
  it('[200] attendance_duration in seconds decides', async () => {
    const a = await parse(fixture('livestorm.csv'), { window: atelier1 });
    expect(a.format).toBe('livestorm');
    expect(decisions(a)).toEqual({
      'helene.lefevre@mairie-valbrune.example': [
        true,
        '96 min sur 120 (80 %) ≥ 50 % (durée indiquée par le rapport, sans horaires)',
      ],
      'karim.court@ville-ouest.example': [
        false,
        '36 min sur 120 (30 %) < 50 % (durée indiquée par le rapport, sans horaires)',
      ],
      'gerard.absent@commune-nord.example': [
        false,
        '0 min sur 120 (0 %) < 50 % (durée indiquée par le rapport, sans horaires)',
      ],
    });
    expect(a.people[1]!.organisation).toBe('Ville d’Ouest');
  });

  it('[200] a duration header with its unit in brackets decides over an "Attended" = Yes column', async () => {
    // `Attendance duration (minutes)` was not recognised: Yes alone counted Karim's 36 minutes as present.
    const csv = [
      'First name,Last name,Email,Attended,Attendance duration (minutes)',
      'Hélène,Lefèvre,h@mairie.example,Yes,96',
      'Karim,Court,k@ville.example,Yes,36',
      '',
    ].join('\n');
    const a = await parse(Buffer.from(csv), { window: atelier1 });
    expect(decisions(a)).toEqual({
      'h@mairie.example': [true, '96 min sur 120 (80 %) ≥ 50 % (durée indiquée par le rapport, sans horaires)'],
      'k@ville.example': [false, '36 min sur 120 (30 %) < 50 % (durée indiquée par le rapport, sans horaires)'],
    });
  });

  it('[200] French UI labels: taux de présence, then the "a participé" flag', async () => {
    const csv = [
      'Prénom;Nom;E-mail;Entreprise;A participé;Taux de présence',
      'Hélène;Lefèvre;h@mairie.example;Mairie;Oui;72',
      'Karim;Court;k@ville.example;Ville;Non;',
      '',
    ].join('\r\n');
    const a = await parse(Buffer.from(csv), { window: atelier1 });
    expect(decisions(a)).toEqual({
      'h@mairie.example': [true, 'taux de présence 72 % ≥ 50 %'],
      'k@ville.example': [false, 'colonne « A participé » : Non → absent'],
    });
  });
});

describe('Column mapping for unknown CSV-like files', () => {
  const mapping = {
    name: 'Stagiaire',
    email: 'Adresse',
    joinedAt: 'Connexion',
    leftAt: 'Déconnexion',
    organisation: 'Service',
  };
  const webinar1 = win('2025-06-12T10:00:00+02:00', '2025-06-12T12:00:00+02:00');

  it('[200] reads the mapped columns', async () => {
    const a = await parse(fixture('export-inconnu.csv'), { mapping, window: webinar1 });
    expect(a.format).toBe('mapped');
    expect(a.people.map((p) => [p.email, p.name, p.organisation, p.minutes, p.attended])).toEqual([
      ['helene.lefevre@mairie-valbrune.example', 'Lefèvre, Hélène', 'DSI', 90, true],
      ['karim.court@ville-ouest.example', 'Karim Court', 'Urbanisme', 45, false],
    ]);
  });

  it('[422] without a mapping: the headers found are listed', async () => {
    const err = await expectAppError(
      parse(fixture('export-inconnu.csv'), { window: webinar1 }),
      'IMPORT_HEADER_NOT_RECOGNISED',
      422,
    );
    expect(err.params).toEqual({ headers: 'Stagiaire, Adresse, Connexion, Déconnexion, Service' });
  });

  it('[422] a mapped header missing from the file is named', async () => {
    const err = await expectAppError(
      parse(fixture('export-inconnu.csv'), { mapping: { ...mapping, email: 'Courriel' } }),
      'IMPORT_MAPPING_COLUMNS_NOT_FOUND',
    );
    expect(err.params.missing).toBe('Courriel');
  });

  it('[200] a field mapped to "" is read from no column, one left out is still found by its name', async () => {
    // "Présent" would count as full presence; the organiser says the minutes column alone decides.
    const csv = [
      'Adresse;Nom;Présent;Minutes suivies',
      'a@mairie.example;A;Oui;30',
      'b@mairie.example;B;Oui;100',
      '',
    ].join('\r\n');
    const guessed = await parse(Buffer.from(csv), {
      mapping: { email: 'Adresse', minutes: 'Minutes suivies' },
      window: webinar1,
    });
    expect(guessed.people.map((p) => p.attended)).toEqual([false, true]);
    const none = await parse(Buffer.from(csv), {
      mapping: { email: 'Adresse', minutes: 'Minutes suivies', present: '', name: '' },
      window: webinar1,
    });
    expect(none.people.map((p) => [p.email, p.name, p.attended, p.reason.message])).toEqual([
      ['a@mairie.example', null, false, '30 min sur 120 (25 %) < 50 % (durée indiquée par le rapport, sans horaires)'],
      ['b@mairie.example', null, true, '100 min sur 120 (83 %) ≥ 50 % (durée indiquée par le rapport, sans horaires)'],
    ]);
    const onlyPresent = await parse(Buffer.from(csv), {
      mapping: { email: 'Adresse', minutes: '', present: 'Présent' },
      window: webinar1,
    });
    expect(onlyPresent.people.map((p) => p.attended)).toEqual([true, true]);
  });

  it('[200] a presence word with a unit in brackets is a time or a rate, not a yes/no column', async () => {
    const window = win('2025-06-26T14:00:00+02:00', '2025-06-26T16:00:00+02:00');
    const minutes = ['Nom;Courriel;Présence (min)', 'A;a@mairie.example;95', 'B;b@mairie.example;30', ''].join('\r\n');
    const byTime = await parse(Buffer.from(minutes), { window });
    expect(byTime.errors).toEqual([]);
    expect(byTime.people.map((p) => [p.email, p.minutes, p.attended])).toEqual([
      ['a@mairie.example', 95, true],
      ['b@mairie.example', 30, false],
    ]);
    const percent = ['Nom;Courriel;Participation (%)', 'A;a@mairie.example;80', 'B;b@mairie.example;20', ''].join(
      '\r\n',
    );
    const byRate = await parse(Buffer.from(percent), { window });
    expect(byRate.errors).toEqual([]);
    expect(byRate.people.map((p) => [p.email, p.attended, p.reason.message])).toEqual([
      ['a@mairie.example', true, 'taux de présence 80 % ≥ 50 %'],
      ['b@mairie.example', false, 'taux de présence 20 % < 50 %'],
    ]);
    // A hint in brackets still means yes/no.
    const hint = await parse(Buffer.from(['Nom;Courriel;Présent (O/N)', 'A;a@mairie.example;O', ''].join('\r\n')), {
      window,
    });
    expect(hint.people.map((p) => p.attended)).toEqual([true]);
  });

  it('[200] a mapping given for a known format is ignored, with a warning', async () => {
    const a = await parse(fixture('zoom-meeting-2021.csv'), { mapping: { email: 'User Email' } });
    expect(a.format).toBe('zoom-meeting');
    expect(a.warnings[0]!.code).toBe('IMPORT_MAPPING_IGNORED');
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decisions, fixture, parse, win } from './helpers';

const atelier1 = win('2025-06-26T14:00:00+02:00', '2025-06-26T16:00:00+02:00');

describe('French Excel sign-in sheet (feuille d’émargement)', () => {
  it('[200] Windows-1252 without BOM: Œ, œ, ’ and – decoded as cp1252, never Latin-1', async () => {
    const a = await parse(fixture('feuille-emargement-cp1252.csv'), { window: atelier1 });
    expect(a).toMatchObject({ format: 'sign-in-sheet', encoding: 'windows-1252', delimiter: ';' });
    expect(a.people.map((p) => [p.name, p.organisation])).toEqual([
      ['Zoé ŒUVRAY', 'Mairie de Valbrune'],
      // `;` inside a quoted field.
      ['Cœur L’HÔTE', 'Département du Nord; service données'],
      ['Jean DUPONT', 'Communauté de communes du Lac'],
      ['Lucie MARTIN', 'Ville d’Ouest'],
      ['Anaïs PETIT', 'Commune de l’Est – Pôle numérique'],
    ]);
  });

  it('[200] Présent Oui/X/Non; arrival/departure times decide over the Présent column', async () => {
    const a = await parse(fixture('feuille-emargement-cp1252.csv'), { window: atelier1 });
    expect(decisions(a)).toEqual({
      'zoe.oeuvray@mairie-valbrune.example': [true, 'colonne « Présent » : Oui'],
      'coeur.lhote@dept-nord.example': [true, 'colonne « Présent » : X'],
      'jean.dupont@cc-lac.example': [false, 'colonne « Présent » : Non → absent'],
      // Présent = Oui, but 14:05 → 14:50 on the day in the title row (26/06/2025).
      'lucie.martin@ville-ouest.example': [false, '45 min sur 120 (37 %) < 50 %'],
      'anais.petit@commune-est.example': [false, 'aucune heure, durée ni mention de présence pour cette personne'],
    });
    expect(a.people.find((p) => p.email.startsWith('lucie'))!.firstSeenAt).toBe('2025-06-26T12:05:00.000Z');
    expect(a.unmatched).toEqual([{ line: 10, name: 'Émile BERNARD', minutes: 120 }]);
    expect(a.errors).toEqual([
      {
        line: 11,
        code: 'IMPORT_PRESENCE_INVALID',
        field: 'Présent',
        message:
          'Ligne 11 : valeur de présence non comprise « Peut-être » (colonne « Présent » ; attendu Oui/Non/X ou vide).',
      },
    ]);
  });

  it('[200] "CSV UTF-8" with BOM, a Date column and half-day columns counted by share', async () => {
    const a = await parse(fixture('feuille-emargement-utf8-bom.csv'), {
      window: win('2025-07-03T09:00:00+02:00', '2025-07-03T17:00:00+02:00'),
    });
    expect(a).toMatchObject({ format: 'sign-in-sheet', encoding: 'utf-8' });
    expect(decisions(a)).toEqual({
      'zoe.oeuvray@mairie-valbrune.example': [true, 'Matin = X, Après-midi = X : 2 sur 2 (100 %) ≥ 50 %'],
      'jean.dupont@cc-lac.example': [true, 'Matin = X, Après-midi = ∅ : 1 sur 2 (50 %) ≥ 50 %'],
      'lucie.martin@ville-ouest.example': [false, 'Matin = ∅, Après-midi = ∅ : 0 sur 2 (0 %) < 50 %'],
    });
  });

  it('[200] dd/mm/yyyy: 03/07 is read day first (French headers) and says so', async () => {
    const csv =
      'Nom;Prénom;Courriel;Heure d’arrivée;Heure de départ\r\nDupont;Jean;j@cc.example;03/07/2025 09:00;03/07/2025 ' +
      '12:00\r\n';
    const a = await parse(iconv.encode(csv, 'windows-1252'));
    expect(a.people[0]!.firstSeenAt).toBe('2025-07-03T07:00:00.000Z');
    expect(a.warnings.map((w) => w.code)).toEqual(['IMPORT_DATE_ORDER_ASSUMED', 'IMPORT_WINDOW_FROM_DATA']);
  });
});

describe('French sign-in sheets typed by hand', () => {
  const sheet = (rows: string[]) => iconv.encode(`${rows.join('\r\n')}\r\n`, 'windows-1252');

  it(
    '[200] headers with a hint in brackets: `Présent (O/N)`, `Présence (oui/non)`, ' + '`E-mail professionnel`',
    async () => {
      const a = await parse(
        sheet([
          'Nom;Prénom;E-mail professionnel;Présent (O/N)',
          'Dupont;Jean;jean@cc.example;O',
          'Martin;Zoé;zoe@ville.example;N',
        ]),
        { window: atelier1 },
      );
      expect(decisions(a)).toEqual({
        'jean@cc.example': [true, 'colonne « Présent (O/N) » : O'],
        'zoe@ville.example': [false, 'colonne « Présent (O/N) » : N → absent'],
      });
      const b = await parse(sheet(['Nom;Courriel;Présence (oui/non)', 'Dupont;jean@cc.example;oui']), {
        window: atelier1,
      });
      expect(decisions(b)).toEqual({ 'jean@cc.example': [true, 'colonne « Présence (oui/non) » : oui'] });
    },
  );

  it('[200] `Durée (h)` with a decimal comma counts hours', async () => {
    const a = await parse(
      sheet(['Nom;Courriel;Durée (h)', 'Dupont;jean@cc.example;1,5', 'Martin;zoe@ville.example;0,5']),
      { window: atelier1 },
    );
    expect(a.people.map((p) => [p.email, p.minutes, p.attended])).toEqual([
      ['jean@cc.example', 90, true],
      ['zoe@ville.example', 30, false],
    ]);
  });

  it('[200] times typed `14 h 05` and a `Signé` mark are read', async () => {
    const a = await parse(
      sheet([
        'Date : 26/06/2025;;;',
        "Nom;Courriel;Heure d'arrivée;Heure de départ",
        'Dupont;jean@cc.example;14 h 05;15 h 50',
        'Martin;zoe@ville.example;14h;14h30',
      ]),
      { window: atelier1 },
    );
    expect(a.errors).toEqual([]);
    expect(a.people.map((p) => [p.email, p.minutes, p.firstSeenAt])).toEqual([
      ['jean@cc.example', 105, '2025-06-26T12:05:00.000Z'],
      ['zoe@ville.example', 30, '2025-06-26T12:00:00.000Z'],
    ]);
    const b = await parse(
      sheet(['Nom;Courriel;Émargement', 'Dupont;jean@cc.example;Signé', 'Martin;zoe@ville.example;']),
      { window: atelier1 },
    );
    expect(b.errors).toEqual([]);
    expect(b.people.map((p) => p.attended)).toEqual([true, false]);
  });
});

// Teams reports built in the tests of import-teams.test.ts.
import iconv from 'iconv-lite';

/** A Teams report (English labels, UTF-16LE BOM) whose section 2 holds the organiser then `rows`. */
export const allPresenters = (rows: string[]) =>
  iconv.encode(
    [
      '1. Summary',
      'Start time\t19/06/25, 10:00:00',
      'End time\t19/06/25, 12:00:00',
      '',
      '2. Participants',
      'Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole',
      'Claire\t19/06/25, 09:50:00\t19/06/25, 12:00:00\t2h ' +
        '10m\tclaire.orga@parcours.example\tclaire.orga@parcours.example\tOrganizer',
      ...rows,
      '',
    ].join('\n'),
    'utf-16le',
    { addBOM: true },
  );

// Room type and room name come right after the name (8 columns); the French labels of the
// time columns are unverified, and here none of them is a known synonym.
export const breakoutRoomReport = (join: string, leave: string) =>
  iconv.encode(
    [
      '1. Résumé',
      'Heure de début\t19/06/2025 10:00:00',
      'Heure de fin\t19/06/2025 12:00:00',
      '',
      '2. Participants',
      'Nom\tPremière arrivée\tDernier départ\tDurée de la réunion\tE-mail\tID du participant (UPN)\tRôle',
      'Hélène\t19/06/2025 10:00:00\t19/06/2025 11:50:00\t1 h 20 ' +
        'min\thelene@mairie.example\thelene@mairie.example\tParticipant',
      'Samuel\t19/06/2025 10:00:00\t19/06/2025 10:40:00\t40 ' +
        'min\tsamuel@ville.example\tsamuel@ville.example\tParticipant',
      '',
      '3. Activités en réunion',
      `Nom\tType de salle\tNom de la salle\t${join}\t${leave}\tDurée\tE-mail\tRôle`,
      'Claire\tSalle principale\tAtelier\t19/06/2025 09:58:00\t19/06/2025 12:00:00\t2 h 2 ' +
        'min\tclaire.orga@parcours.example\tOrganisateur',
      'Hélène\tSalle principale\tAtelier\t19/06/2025 10:00:00\t19/06/2025 10:50:00\t50 ' +
        'min\thelene@mairie.example\tParticipant',
      'Hélène\tSalle pour petit groupe\tSalle 1\t19/06/2025 11:20:00\t19/06/2025 11:50:00\t30 ' +
        'min\thelene@mairie.example\tParticipant',
      'Samuel\tSalle principale\tAtelier\t19/06/2025 10:00:00\t19/06/2025 10:40:00\t40 ' +
        'min\tsamuel@ville.example\tParticipant',
      '',
    ].join('\n'),
    'utf-16le',
    { addBOM: true },
  );

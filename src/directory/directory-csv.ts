import type { Lang } from '../shared/errors';
import { say } from '../shared/text';
import { spreadsheetCsv } from '../reports/csv';
import type { ListedPerson } from './directory.service';
import { directoryText } from './directory.text';

/** The export for the Region's community managers: exactly the columns the listed people agreed to show. */
export function directoryCsv(people: readonly ListedPerson[], lang: Lang): string {
  const t = (key: 'csvName' | 'csvCollectivite' | 'csvDepartment' | 'csvBadges' | 'csvContact') =>
    say(directoryText, lang, key);
  return spreadsheetCsv(
    [t('csvName'), t('csvCollectivite'), t('csvDepartment'), t('csvBadges'), t('csvContact')],
    people.map((p) => [p.name, p.collectivite, p.department, p.badges.map((b) => b.name).join(', '), p.contact]),
    lang,
  );
}

import { describe, expect, it } from 'vitest';
import { errorTexts } from '../../src/text';
import { allTexts } from '../../src/web-areas';
import { mailText } from '../../src/notifications/notifications.text';
import { progressCsvText } from '../../src/reports/reports.text';
import { badgeStatusText } from '../../src/badges/badges.text';
import { credentialContentText } from '../../src/credentials/credential-content.text';
import type { Entry, Text } from '../../src/shared/text';

// Every Text of the platform: errors, pages, e-mails, CSV headers, words written into credentials.
const everyText: Text[] = [
  ...errorTexts,
  ...allTexts,
  mailText,
  progressCsvText,
  badgeStatusText,
  credentialContentText,
];
const slots = (entry: Entry) =>
  typeof entry === 'string' ? [...entry.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : [];

describe('one text idiom', () => {
  it('gives every text a unique name', () => {
    const names = everyText.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(everyText.map((t) => [t.name, t] as const))(
    '%s: the same keys and slots in French and English',
    (_, text) => {
      expect(Object.keys(text.en).sort()).toEqual(Object.keys(text.fr).sort());
      for (const key of Object.keys(text.fr)) {
        const [fr, en] = [text.fr[key]!, text.en[key]!];
        expect(typeof en, key).toBe(typeof fr);
        expect(slots(en), key).toEqual(slots(fr));
        if (typeof fr === 'string') expect(fr.trim(), key).not.toBe('');
      }
    },
  );
});

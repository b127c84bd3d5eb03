import type { importPage } from '../../src/attendance/web/import.page';
import type { VerificationView } from '../../src/credentials/web/credential.partials';
import type { ImportPreview } from '../../src/attendance/import.service';

/** Imports, credentials and verifications rendered by laterPages (i18n-later.helpers.ts). */
export function importData() {
  const uuid = '00000000-0000-4000-8000-000000000001';
  const history: Parameters<typeof importPage>[1]['history'] = [
    {
      id: uuid,
      fileName: 'r.csv',
      format: 'zoom-webinar',
      importedBy: 'a@b.fr',
      importedAt: new Date(),
      counts: { peopleCount: 3, unmatchedCount: 1 },
    },
    { id: uuid, fileName: null, format: 'unknown-format', importedBy: 'a@b.fr', importedAt: new Date(), counts: {} },
  ];
  const preview: ImportPreview = {
    format: 'zoom-webinar',
    encoding: 'utf-8',
    delimiter: ',',
    window: { startsAt: '2026-03-12T09:00:00Z', endsAt: '2026-03-12T11:00:00Z', source: 'event' },
    people: [
      {
        email: 'x@y.fr',
        name: 'X',
        organisation: 'O',
        minutes: 95,
        attended: true,
        reason: { code: 'PRESENCE_TIME_MET', message: 'r' },
        firstSeenAt: null,
        lastSeenAt: null,
        lines: [3, 4],
      },
      {
        email: 'z@y.fr',
        name: null,
        organisation: null,
        minutes: 5,
        attended: false,
        reason: { code: 'PRESENCE_TIME_SHORT', message: 'r' },
        firstSeenAt: null,
        lastSeenAt: null,
        lines: [5],
      },
    ],
    unmatched: [{ line: 7, name: 'N', minutes: 40 }],
    errors: [{ line: 9, code: 'IMPORT_EMAIL_INVALID', message: 'm' }],
    warnings: [{ code: 'W', message: 'w' }],
    rowsRead: 9,
    fileHash: 'abc',
    alreadyImported: null,
  };
  const headers = ['Adresse électronique', 'Nom complet', 'Structure', 'Minutes suivies'];
  const many = {
    ...preview,
    people: Array.from({ length: 501 }, () => preview.people[0]!),
    delimiter: ';',
    window: { ...preview.window, source: 'report' as const },
  };
  const verification = (ok: boolean | 'unknown', code = 'VERIFY_STATUS_OK'): VerificationView => ({
    valid: ok === true,
    at: new Date(),
    checks: [
      { check: 'parse', ok: true, code: 'VERIFY_PARSE_OK', message: 'm' },
      { check: 'status', ok, code, message: 'm' },
      {
        check: 'validity',
        ok: code !== 'VERIFY_EXPIRED',
        code: code === 'VERIFY_EXPIRED' ? code : 'VERIFY_VALIDITY_OK',
        message: 'm',
      },
    ],
  });
  const links = { page: 'http://p/credentials/1', json: 'j', jwt: 'j', png: 'p', svg: 's' };
  const card = (status: 'active' | 'revoked') => ({
    id: uuid,
    badgeKey: 'data-admin',
    name: 'data admin',
    status,
    issuedAt: new Date().toISOString(),
    revokedAt: status === 'revoked' ? new Date().toISOString() : null,
    revocationReason: status === 'revoked' ? 'r' : null,
    links,
    linkedInUrl: 'https://www.linkedin.com/x',
    qr: 'data:image/svg+xml;base64,',
  });
  const credential = (v: VerificationView) => ({
    id: uuid,
    badgeKey: 'data-admin',
    name: 'data admin',
    description: 'd',
    criteria: 'a\n\n- b **c** *d*',
    tags: ['t'],
    tagsLang: 'fr',
    imageCaption: null,
    issuer: { name: 'I', url: 'https://i.fr', description: 'd' },
    issuedAt: new Date(),
    evidence: [
      { name: 'W1', date: '2026-03-12', minutes: 95, replay: true },
      { name: 'W2', date: null, minutes: null, replay: false },
    ],
    results: [{ name: 'Q', value: '80' }],
    pageUrl: 'http://p/c',
    ogImage: 'http://p/i.png',
    verification: v,
  });
  return { uuid, history, preview, headers, many, verification, card, credential };
}

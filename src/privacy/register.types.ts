import type { RetentionDays } from './privacy.config';

/**
 * The record of processing activities (art. 30 RGPD) and the privacy notice (art. 13) are written
 * from this one description and the configuration: docs/registre-traitements.md is generated from
 * it (scripts/registre-traitements.ts), /confidentialite renders it, and tests/privacy/
 * retention.test.ts fails when a table holding personal data is not listed in register.ts.
 */
export interface StoredTable {
  table: string;
  /** What it holds about people, in plain words. */
  data: string;
  duration(days: RetentionDays): string;
}

export interface Processing {
  name: string;
  purpose: string;
  legalBasis: string;
  people: string;
  recipients: string;
  tables: StoredTable[];
}

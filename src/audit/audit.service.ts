/** What other areas use of the audit log: record a change inside its transaction, list the log. */
export { type Actor, type AuditEntry, type AuditRow, listAudit, recordAudit, recordAuditMany } from './audit.store';

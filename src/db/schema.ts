// Every table, for drizzle's relational API and drizzle-kit. Areas own their tables.
export * from '../learners/learners.tables';
export * from '../auth/auth.tables';
export * from '../notifications/outbox.tables';
export * from '../audit/audit.tables';
export * from '../events/events.tables';
export * from '../attendance/attendance.tables';
export * from '../quizzes/quizzes.tables';
export * from '../badges/awards.tables';
export * from '../issuer/issuer.tables';

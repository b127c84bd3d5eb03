import { pgTable, text, timestamp, real } from 'drizzle-orm/pg-core';

export const events = pgTable('events', {
  key: text('key').primaryKey(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  kind: text('kind', { enum: ['webinar', 'workshop'] }).notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  timezone: text('timezone').notNull().default('Europe/Paris'),
  minPresenceRatio: real('min_presence_ratio').notNull().default(0.5),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

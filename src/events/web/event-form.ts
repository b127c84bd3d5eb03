import { Value } from 'typebox/value';
import { type EventInput, EventInputSchema } from '../events.schemas';
import { isValidTimeZone } from '../events.service';
import type { EventRow } from '../events.service';
import { toLocal, zonedToUtc } from '../../attendance/importers/zoned-time';
import type { Lang } from '../../shared/errors';
import { translate } from '../../text';
import type { ErrorDetail } from '../../shared/errors';
import type { FieldErrors } from '../../web/forms';
import { eventsText } from './events.text';
import { textFor } from '../../shared/text';

/** The edit form as the browser sends it: strings, dates as `datetime-local` in the event's zone, presence in %. */
export interface EventFormValues {
  title: string;
  titleEn: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  presencePercent: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toLocalInput(date: Date | null, tz: string): string {
  if (!date || !isValidTimeZone(tz)) return '';
  const l = toLocal(date.getTime(), tz);
  return `${l.y}-${pad(l.mo)}-${pad(l.d)}T${pad(l.h)}:${pad(l.mi)}`;
}

function fromLocalInput(value: string, tz: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(zonedToUtc({ y, mo, d, h, mi, s }, tz)).toISOString();
}

export function eventFormValues(row: EventRow): EventFormValues {
  return {
    title: row.title,
    titleEn: row.titleEn ?? '',
    kind: row.kind,
    startsAt: toLocalInput(row.startsAt, row.timezone),
    endsAt: toLocalInput(row.endsAt, row.timezone),
    timezone: row.timezone,
    presencePercent: String(Math.round(row.minPresenceRatio * 1000) / 10),
  };
}

export function readEventForm(body: Record<string, string>): EventFormValues {
  const get = (k: keyof EventFormValues) => (body[k] ?? '').trim();
  return {
    title: get('title'),
    titleEn: get('titleEn'),
    kind: get('kind'),
    startsAt: get('startsAt'),
    endsAt: get('endsAt'),
    timezone: get('timezone'),
    presencePercent: get('presencePercent'),
  };
}

/** Which form field shows a refusal of each input property, and with which page text. */
const FIELDS: Record<
  string,
  { field: keyof EventFormValues; text: 'errTitleRequired' | 'errKind' | 'errPresence' | 'errDate' }
> = {
  title: { field: 'title', text: 'errTitleRequired' },
  titleEn: { field: 'titleEn', text: 'errTitleRequired' },
  kind: { field: 'kind', text: 'errKind' },
  minPresenceRatio: { field: 'presencePercent', text: 'errPresence' },
  startsAt: { field: 'startsAt', text: 'errDate' },
  endsAt: { field: 'endsAt', text: 'errDate' },
};

/**
 * Form values → the PUT /api/events/:key input, checked by the API's own schema (EventInputSchema),
 * or field errors in the reader's language.
 */
export function toEventInput(v: EventFormValues, lang: Lang): { input?: EventInput; errors: FieldErrors } {
  const t = textFor(eventsText, lang);
  const errors: FieldErrors = {};
  const percent = v.presencePercent === '' ? Number.NaN : Number(v.presencePercent.replace(',', '.'));
  const tzOk = isValidTimeZone(v.timezone);
  if (!tzOk) errors.timezone = translate('EVENT_TIMEZONE_INVALID', { timezone: v.timezone }, lang);
  const startsAt = v.startsAt && tzOk ? fromLocalInput(v.startsAt, v.timezone) : undefined;
  const endsAt = v.endsAt && tzOk ? fromLocalInput(v.endsAt, v.timezone) : undefined;
  const candidate = {
    title: v.title,
    ...(v.titleEn ? { titleEn: v.titleEn } : {}),
    kind: v.kind,
    ...(startsAt !== undefined ? { startsAt: startsAt ?? '' } : {}),
    ...(endsAt !== undefined ? { endsAt: endsAt ?? '' } : {}),
    timezone: v.timezone,
    ...(Number.isFinite(percent) ? { minPresenceRatio: percent / 100 } : {}),
  };
  for (const error of Value.Errors(EventInputSchema, candidate)) {
    const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
    for (const name of [error.instancePath.split('/')[1] ?? '', ...missing]) {
      const place = FIELDS[name];
      if (place) errors[place.field] ??= t[place.text];
    }
  }
  if (Object.keys(errors).length > 0 || !Value.Check(EventInputSchema, candidate)) return { errors };
  return { errors, input: candidate as EventInput };
}

/** The service's field-level refusals (`details[].field`) placed on the form's fields. */
export function fieldErrorsFrom(
  code: string,
  params: Record<string, string | number | undefined>,
  details: ErrorDetail[] | undefined,
  lang: Lang,
): FieldErrors {
  const names: Record<string, keyof EventFormValues> = { minPresenceRatio: 'presencePercent' };
  const message = translate(code, params, lang);
  return Object.fromEntries((details ?? []).filter((d) => d.field).map((d) => [names[d.field!] ?? d.field!, message]));
}

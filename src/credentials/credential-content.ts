import type { Lang } from '../shared/errors';
import type { AwardEvidence } from '../badges/evidence';
import type { Programme } from '../programme/load-programme';
import type { Achievement } from '../ob3/credential-types';
import type { EvidenceInput } from '../ob3/build-credential';
import { say } from '../shared/text';
import { credentialContentText } from './credential-content.text';
import { resultDescriptionId } from './achievements';

export const credentialUrl = (publicUrl: string, id: string) => `${publicUrl}/credentials/${id}`;

/** The downloads of one credential, as linked from e-mails, the API and the pages. */
export function credentialLinks(publicUrl: string, id: string) {
  const page = credentialUrl(publicUrl, id);
  return { page, json: `${page}.json`, jwt: `${page}.jwt`, png: `${page}.png`, svg: `${page}.svg` };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD as the calendar date in the event's time zone (sv-SE formats dates that way). */
function localDate(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dayFormats.get(timeZone);
  if (!format)
    dayFormats.set(
      timeZone,
      (format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return format.format(date);
}

/** One Evidence per session attended (name, date, minutes); a replay says so. */
export function evidenceOf(evidence: AwardEvidence, programme: Programme, lang: Lang): EvidenceInput[] {
  return evidence.events.map((e) => {
    const timeZone = programme.events.find((x) => x.key === e.key)?.timezone ?? 'Europe/Paris';
    const replay = say(credentialContentText, lang, 'evidenceReplay');
    return {
      name: e.title[lang],
      date: localDate(e.date, timeZone),
      minutes: e.minutes === null ? null : Math.round(e.minutes),
      ...(e.status === 'replay' ? { narrative: replay } : {}),
    };
  });
}

/** Questionnaire scores as Results, each pointing at its ResultDescription in the achievement. */
export function resultsOf(evidence: AwardEvidence, achievement: Achievement) {
  const described = new Set((achievement.resultDescription ?? []).map((d) => d.id));
  return evidence.attempts.flatMap((a) => {
    const id = resultDescriptionId(achievement.id, a.quiz);
    if (a.percent === null || !described.has(id)) return [];
    return [{ resultDescriptionId: id, value: Math.round(a.percent * 10) / 10 }];
  });
}

import type { Lang } from '../shared/errors';
import type { Achievement, Profile, ResultDescription } from '../ob3/credential-types';
import type { BadgeDefinition } from '../programme/badge.schemas';
import type { Programme } from '../programme/load-programme';
import { achievementFor, resolveUrl } from '../programme/achievement';
import { leafOf, walkRule } from '../programme/rule-walk';
import { say } from '../shared/text';
import { credentialContentText } from './credential-content.text';

/** The issuer Profile (OB 3.0 Profile: id and type required), from `badges/programme.json`. */
export function issuerProfile(programme: Programme, issuerId: string, publicUrl: string, lang: Lang): Profile {
  const { issuer } = programme;
  const en = lang === 'en' ? issuer.i18n?.en : undefined;
  return {
    id: issuerId,
    type: ['Profile'],
    name: en?.name ?? issuer.name,
    url: issuer.url,
    email: issuer.email,
    description: en?.description ?? issuer.description,
    image: { id: resolveUrl(issuer.image, publicUrl), type: 'Image' },
  };
}

/** A questionnaire a result can be given for: one with at least one scored question. */
const isScored = (programme: Programme, quizKey: string) =>
  programme.quizzes.find((q) => q.key === quizKey)?.questions.some((q) => 'points' in q && q.points !== undefined) ??
  false;

/**
 * The questionnaires a badge's rule asks for, through `holds` too (a meta-badge carries the
 * scores of its parts), with the minimum percent when the rule sets one.
 */
export function ruleQuizzes(programme: Programme, badge: BadgeDefinition): Map<string, number | undefined> {
  const quizzes = new Map<string, number | undefined>();
  const seen = new Set<string>();
  const visit = (b: BadgeDefinition | undefined) => {
    if (!b || seen.has(b.key)) return;
    seen.add(b.key);
    walkRule(b.rule, (node) => {
      const leaf = leafOf(node);
      if (leaf?.kind === 'answered' && isScored(programme, leaf.ref))
        quizzes.set(leaf.ref, quizzes.get(leaf.ref) ?? leaf.minPercent);
      if (leaf?.kind === 'holds') visit(programme.badges.find((x) => x.key === leaf.ref));
    });
  };
  visit(badge);
  return quizzes;
}

export const resultDescriptionId = (achievementId: string, quizKey: string) => `${achievementId}#${quizKey}`;

/**
 * The Achievement as published at /achievements/:key and embedded in credentials: the badge
 * file with absolute URLs, plus one Percent ResultDescription per scored questionnaire (OB 3.0
 * §ResultDescription; a credential's `result` must point at one of these).
 */
export function publishedAchievement(
  programme: Programme,
  badge: BadgeDefinition,
  publicUrl: string,
  lang: Lang,
): Achievement {
  const achievement = achievementFor(badge, publicUrl, lang);
  const resultDescription: ResultDescription[] = [...ruleQuizzes(programme, badge)].map(([quizKey, minPercent]) => {
    const title = programme.quizzes.find((q) => q.key === quizKey)!.title[lang];
    return {
      id: resultDescriptionId(achievement.id, quizKey),
      type: ['ResultDescription'],
      name: say(credentialContentText, lang, 'resultName', { title }),
      resultType: 'Percent',
      valueMin: '0',
      valueMax: '100',
      ...(minPercent === undefined ? {} : { requiredValue: String(minPercent) }),
    };
  });
  return { ...achievement, ...(resultDescription.length ? { resultDescription } : {}) } as Achievement;
}

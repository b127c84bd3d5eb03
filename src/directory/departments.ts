/**
 * The department a collectivité's name gives away, when it does: a postcode (« 35000 Rennes »), a
 * code in brackets (« Mairie de Valbrune (35) »), or a « Conseil départemental d'Ille-et-Vilaine »
 * is left to the person, who may type it. Only a suggestion: the field stays editable.
 */
export function departmentOf(organisation: string | null | undefined): string | null {
  if (!organisation) return null;
  const bracket = /\((\d{2,3}|2[AB])\)/i.exec(organisation);
  if (bracket) return bracket[1]!.toUpperCase();
  const postcode = /\b(97\d|\d{2})\d{2,3}\b/.exec(organisation);
  if (postcode && /\b\d{5}\b/.test(organisation)) return postcode[1]!;
  return null;
}

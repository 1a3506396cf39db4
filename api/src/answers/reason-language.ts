// The language an answer's reasons are written in (the GraphQL enum Language), and the two
// things every sentence needs in it: a node's name and a list of names.

export type Language = 'EN' | 'ZH';

export type Named = { name: string; nameZh?: string | null };

/** The Chinese name where the data has one, else the name. */
export function nameIn(language: Language, node: Named): string {
  return language === 'ZH' ? node.nameZh || node.name : node.name;
}

/** "a, b and c" in English; "a、b、c" in Chinese. */
export function listIn(language: Language, items: string[]): string {
  if (language === 'ZH') return items.join('、');
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

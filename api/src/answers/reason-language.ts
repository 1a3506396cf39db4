// The language an answer's reasons are written in (the GraphQL enum Language), and what every
// sentence needs in it: a node's name, a list of names and a head count.

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

/** A head count with thousands grouped, as the web app shows it beside the name: 12,000. */
export function countIn(count: number): string {
  return count.toLocaleString('en-US');
}

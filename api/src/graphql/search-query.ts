// Builds the Lucene query for the full-text index from what a user typed. Only letters and
// digits survive, so Lucene and Cypher syntax in the input is plain text and can never fail.
const HAN = /\p{Script=Han}/u;

export function toLuceneQuery(text: string): string | undefined {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // Split runs of Chinese characters from Latin letters and digits: "晶圆fab" is two words.
    .replace(/(\p{Script=Han}+)/gu, ' $1 ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 12);
  if (!words.length) return undefined;
  // The cjk analyzer indexes Chinese as overlapping bigrams: two or more characters match as a
  // phrase of bigrams, one character as a prefix of a bigram. Latin words match as prefixes.
  return words.map((w) => (HAN.test(w) && w.length > 1 ? `"${w}"` : `${w}*`)).join(' AND ');
}

/**
 * X's weighted length, as twitter-text v3 (the library X's own composer uses) computes it:
 *
 * - the text is NFC-normalised first;
 * - every URL counts 23, whatever its length (X wraps each in a t.co link);
 * - an emoji counts 2, a whole sequence included (skin tones, ZWJ families, flags, keycaps);
 * - any other code point counts 1 in the "light" ranges below (Latin, Greek, Cyrillic, Hebrew,
 *   Arabic, Indic scripts, general punctuation…) and 2 elsewhere (CJK, most symbols).
 *
 * twitter-text finds emoji with a generated list (twemoji-parser) and URLs with its domain lists;
 * this uses Unicode's emoji properties and a smaller URL grammar (below). Templates only ever hold
 * full `https://` links, which both find alike.
 */

/** twitter-text v3 `ranges`: code points that weigh 1 (everything else weighs 2). */
const lightRanges: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

/** twitter-text `transformedURLLength`. */
const urlLength = 23;

/**
 * A link, as twitter-text finds one (simplified): `http(s)://` and a dotted host, or a bare host on
 * a common generic TLD (`podium.dev`), or on a country TLD when a path follows (`bit.ly/x`,
 * as twitter-text asks of those); then a port and a path of ASCII, Latin and Cyrillic characters.
 * Not preceded by a letter, digit, `@` (an email address), `.`, `-`, `/`, `#` or `$`. A literal,
 * not `new RegExp`: a top-level call would be kept by bundlers in every client bundle.
 */
const urlPattern =
  /(?<![\p{L}\p{N}@./#$-])(?:https?:\/\/(?:[a-z0-9\u00c0-\u024f\u0400-\u04ff-]+\.)+[a-z0-9\u00c0-\u024f\u0400-\u04ff-]+|(?:[a-z0-9\u00c0-\u024f\u0400-\u04ff-]+\.)+(?:com|net|org|edu|gov|info|biz|dev|app|xyz)(?![\p{L}\p{N}-])|(?:[a-z0-9\u00c0-\u024f\u0400-\u04ff-]+\.)+(?:io|co|ai|me|gg|ly)(?=\/))(?::\d{1,5})?(?:[/?#][!#-;=?-[\]_a-z~\u00c0-\u024f\u0400-\u04ff]*)?/giu;

/**
 * One emoji, sequence included: a flag (two regional indicators), a keycap, © or ® only with
 * VS16 (they are text by default), or a pictograph not asking for text presentation (VS15),
 * with its skin tone or VS16, a subdivision flag's tags, and ZWJ-joined pictographs.
 */
const emojiPattern =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|[\u00A9\u00AE]\uFE0F|(?![\u00A9\u00AE])\p{Extended_Pictographic}(?!\uFE0E)(?:\p{Emoji_Modifier}|\uFE0F)?(?:[\u{E0020}-\u{E007E}]+\u{E007F})?(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)*/uy;

/** A URL without the punctuation that ends the sentence around it (twitter-text drops it too). */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    const opens = (char: string) => url.slice(0, end).split(char).length - 1;
    if (last !== undefined && '.,;:!?\'"'.includes(last)) end -= 1;
    else if (last === ')' && opens(')') > opens('(')) end -= 1;
    else if (last === ']' && opens(']') > opens('[')) end -= 1;
    else return url.slice(0, end);
  }
}

/** The weight of text without URLs: emoji 2, light code points 1, others 2. */
function weighCharacters(text: string): number {
  let weight = 0;
  let index = 0;
  while (index < text.length) {
    emojiPattern.lastIndex = index;
    const emoji = emojiPattern.exec(text);
    if (emoji !== null) {
      weight += 2;
      index += emoji[0].length;
      continue;
    }
    const codePoint = text.codePointAt(index)!;
    weight += lightRanges.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return weight;
}

/** The length X counts for `text` against its 280 limit (see the module comment). */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  let weight = 0;
  let from = 0;
  for (const match of normalized.matchAll(urlPattern)) {
    const url = trimUrl(match[0]);
    weight += weighCharacters(normalized.slice(from, match.index)) + urlLength;
    from = match.index + url.length;
  }
  return weight + weighCharacters(normalized.slice(from));
}

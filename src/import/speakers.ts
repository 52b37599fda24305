/**
 * Who speaks: quoted speech with a clear attribution becomes a `quotes:` entry, and interview
 * questions (marked "Q:" or set in bold) become `[Q]` and `[A]` voices. Only clear patterns are
 * taken; anything less sure is a line in `uncertain`.
 */
import type { DraftBlock, DraftQuote } from './draft.js';

const WORD = String.raw`\p{Lu}[\p{L}’'-]*\.?`;
const JOINER = String.raw`(?:de|del|da|van|von|der|al|bin|ibn|le|la)`;
/** A name: capitalised words (initials allowed), up to five. */
const NAME = String.raw`${WORD}(?:\s+(?:${WORD}|${JOINER}))*`;
const VERB = String.raw`(?:said|says|added|adds|asked|asks|wrote|writes|explained|argued|argues|continued|insisted|told\s+(?:\p{Ll}+\s+)?\p{L}+)`;

const CURLY = String.raw`“[^“”]*?[,.!?…]”`;
const STRAIGHT = String.raw`"[^"]*?[,.!?…]"`;

/** Patterns with a clear attribution, each with the groups `quote` and `name`. */
const PATTERNS = [CURLY, STRAIGHT].flatMap((quote) => [
  // “…,” said Name
  new RegExp(String.raw`(?<quote>${quote})\s+${VERB}\s+(?<name>${NAME})`, 'gu'),
  // “…,” said council member Tom Becker (a role in lower case before the name)
  new RegExp(String.raw`(?<quote>${quote})\s+${VERB}\s+(?:\p{Ll}[\p{Ll}’'-]*\s+){1,3}(?<name>${NAME})`, 'gu'),
  // “…,” Name said
  new RegExp(String.raw`(?<quote>${quote})\s+(?<name>${NAME})\s+${VERB}\b`, 'gu'),
  // “…,” Name, the city's head of transport, said
  new RegExp(String.raw`(?<quote>${quote})\s+(?<name>${NAME}),\s+[^,“”"]{1,100},\s+${VERB}\b`, 'gu'),
  // “…,” said the union’s general secretary, Mick Dale, …
  new RegExp(
    String.raw`(?<quote>${quote})\s+${VERB}\s+the\s+[\p{Ll}’' -]{2,60}?,\s+(?<name>${NAME})(?=[,.;]|$)`,
    'gu',
  ),
  // “…,” the council leader, Graham Pike, told …
  new RegExp(
    String.raw`(?<quote>${quote})\s+the\s+[\p{Ll}’' -]{2,60}?,\s+(?<name>${NAME}),\s+${VERB}\b`,
    'gu',
  ),
  // Name said: “…” / Name said, “…”
  new RegExp(String.raw`(?<name>${NAME})\s+${VERB}[,:]?\s+(?<quote>${quote.replace('[,.!?…]', '')})`, 'gu'),
]);

/** Words that start a capitalised phrase but are not a name. */
const NOT_A_NAME =
  /^(?:He|She|They|It|We|I|You|The|A|An|His|Her|Their|This|That|These|Those|There|But|And|Or|So|When|Then|One|Officials?|Police|Critics|Others|Some|Many)$/;

/** Titles before a name, left out of the speaker ("Mayor John Smith" → "John Smith"). */
const TITLES =
  /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|St)\.?|Mayor|President|Senator|Representative|Governor|Secretary|Minister|Prime|Chancellor|General|Professor|Judge|Justice|Chief|Sir|Dame|Lord|Lady|Pope|King|Queen|Prince|Princess|Ambassador|Commissioner|Director|Chairman|Chairwoman|Chair|CEO|Foreign|Defense|Defence|Deputy|Vice|U\.S\.|Former|Sheriff|Officer|Councillor|Councilor|Councilman|Councilwoman|Alderman|Congressman|Congresswoman|Assemblyman|Assemblywoman|MP|Spokesman|Spokeswoman|Spokesperson|Detective|Coach|Rabbi|Father|Bishop|Imam)$/;

/** A speaker's name from the words matched: titles dropped, a trailing possessive or stray word dropped. */
function cleanName(raw: string): string | undefined {
  const words = raw.split(/\s+/).filter(Boolean);
  while (words.length > 1 && TITLES.test(words[0] ?? '')) words.shift();
  const first = words[0]?.replace(/\.$/, '');
  if (!first || NOT_A_NAME.test(first) || TITLES.test(words[0] ?? '')) return undefined;
  // A sentence's full stop is not part of the name; an initial's is ("John F.").
  return words
    .join(' ')
    .replace(/[’']s$/, '')
    .replace(/(\p{L}{2,})\.$/u, '$1');
}

/** Full names mentioned in the text, to resolve a surname alone ("Smith said") to "John Smith". */
function fullNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  const re = new RegExp(NAME, 'gu');
  for (const text of texts) {
    for (const m of text.matchAll(re)) {
      const name = cleanName(m[0]);
      if (name && name.split(' ').length >= 2) names.add(name);
    }
  }
  return [...names];
}

/** Quoted speech with a clear attribution, from each paragraph. Each text is in its paragraph exactly. */
export function findQuotes(blocks: readonly DraftBlock[], uncertain: string[]): DraftQuote[] {
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  const known = fullNames(paragraphs);
  const quotes: DraftQuote[] = [];
  const seen = new Set<string>();
  for (const text of paragraphs) {
    // Where each attribution ends, with its speaker: a quote right after it continues it.
    const ends: { at: number; speaker: string }[] = [];
    for (const pattern of PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const quote = m.groups?.quote;
        const raw = m.groups?.name;
        if (!quote || !raw) continue;
        let speaker = cleanName(raw);
        if (!speaker) continue;
        if (!speaker.includes(' ')) {
          const full = known.filter((n) => n.endsWith(` ${speaker ?? ''}`));
          if (full.length === 1 && full[0]) speaker = full[0];
          else
            uncertain.push(`quote ${shorten(quote)} is attributed to "${speaker}" only: check the full name`);
        }
        ends.push({ at: m.index + m[0].length, speaker });
        if (seen.has(quote)) continue;
        seen.add(quote);
        quotes.push({ speaker, text: quote });
      }
    }
    for (const end of ends) addContinuations(text, end, seen, quotes, uncertain);
  }
  return quotes;
}

/**
 * A quote that directly follows an attributed one, with nothing but the end of its sentence
 * between (“…,” said Rosa Lind. “…”), is the same person speaking on: taken as theirs, and listed
 * as a point to check. A quote with an attribution of its own is never taken so (it is in `seen`).
 */
function addContinuations(
  text: string,
  end: { at: number; speaker: string },
  seen: Set<string>,
  quotes: DraftQuote[],
  uncertain: string[],
): void {
  let at = end.at;
  for (let m = CONTINUATION.exec(text.slice(at)); m; m = CONTINUATION.exec(text.slice(at))) {
    const quote = m.groups?.quote ?? '';
    at += m[0].length;
    // “…,” said a spokesperson / according to … / he said: someone else may be speaking.
    if (ATTRIBUTED_AFTER.test(text.slice(at))) return;
    if (seen.has(quote)) continue;
    seen.add(quote);
    quotes.push({ speaker: end.speaker, text: quote });
    uncertain.push(
      `quote ${shorten(quote)} is taken as ${end.speaker}'s, continuing the quote before it: check`,
    );
  }
}

/** An attribution of any kind right after a quote, even one to no clear name. */
const ATTRIBUTED_AFTER = new RegExp(
  String.raw`^\s+(?:according\s+to\b|(?:[\p{L}’'.-]+\s+){0,4}?${VERB}\b)`,
  'u',
);

/** The end of an attribution's sentence, then a quote (see addContinuations). */
const CONTINUATION = new RegExp(String.raw`^[.,;:]?\s+(?<quote>${CURLY}|${STRAIGHT})`, 'u');

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…”` : text);

const Q_MARK = /^(?:Q|Question)\s*[:.]\s+/;
const A_MARK = /^(?:A|Answer)\s*[:.]\s+/;

/** A question: marked "Q:", or a bold paragraph that ends with a question mark. */
const isQuestion = (b: DraftBlock): boolean =>
  b.kind === 'paragraph' && (Q_MARK.test(b.text) || (b.bold === true && /\?["”’]?$/.test(b.text)));

/** How many questions the text asks in interview form. Two or more make it an interview. */
export const questionCount = (blocks: readonly DraftBlock[]): number => blocks.filter(isQuestion).length;

/**
 * Marks the questions `[Q]` and the paragraph after each `[A]` (the voice holds until the next
 * switch). "Q:" and "A:" markers are dropped from the text: the voices say it.
 */
export function markInterview(blocks: readonly DraftBlock[]): DraftBlock[] {
  let afterQuestion = false;
  return blocks.map((b) => {
    if (isQuestion(b)) {
      afterQuestion = true;
      return { ...b, text: b.text.replace(Q_MARK, ''), voice: 'Q' as const };
    }
    if (b.kind === 'paragraph' && afterQuestion) {
      afterQuestion = false;
      return { ...b, text: b.text.replace(A_MARK, ''), voice: 'A' as const };
    }
    return b.kind === 'paragraph' ? { ...b, text: b.text.replace(A_MARK, '') } : b;
  });
}

/** The person interviewed, as the opening says it ("… spoke with economist Ana Ruiz …"). */
export function intervieweeFrom(texts: readonly string[]): string | undefined {
  const patterns = [
    new RegExp(
      String.raw`\b(?:spoke|talked|speaks|talks|sat down)\s+(?:with|to)\s+(?:[\p{Ll}-]+\s+){0,5}(${NAME})`,
      'u',
    ),
    new RegExp(String.raw`\binterview(?:ed|s)?\s+(?:with\s+)?(?:[\p{Ll}-]+\s+){0,5}(${NAME})`, 'u'),
    new RegExp(String.raw`\bQ\s*&\s*A(?:\s+with|:)\s+(${NAME})`, 'u'),
  ];
  for (const text of texts) {
    for (const re of patterns) {
      const name = cleanName(re.exec(text)?.[1]?.replace(/[,.;:]$/, '') ?? '');
      if (name && name.includes(' ')) return name;
    }
  }
  return undefined;
}

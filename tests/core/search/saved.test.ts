import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLibraryCached, CACHE_MIN_PASSAGES, startLibrary } from '../../../src/core/index.js';
import {
  createSearchIndex,
  loadSearchIndex,
  saveSearchIndex,
  searchPassages,
  type SearchIndex,
  type SearchOptions,
} from '../../../src/core/search/index.js';
import { realLibrary, tinyContent } from '../../helpers/content.js';

const QUERIES = [
  'pipeline',
  'negotiatons',
  'ammun',
  'gas pipeline ',
  '"not a ride"',
  'Jap European',
  'Eastern European',
  'to be or',
  'Trump Putin',
  'security guarant',
  'Zelenskyy dictator',
  'Riyadh talks excluded',
  'ukraine',
  'zzzzqqq',
  '',
];
const OPTIONS: SearchOptions[] = [
  { limit: 25 },
  { limit: 3, asYouType: false },
  { speaker: 'kulakevich' },
  { articleId: 'sumner-riyadh', fuzzy: false },
];

function answers(index: SearchIndex) {
  return QUERIES.flatMap((q) => OPTIONS.map((o) => searchPassages(index, q, o)));
}

describe('saveSearchIndex / loadSearchIndex', () => {
  it('restores an index that answers every query exactly as the one built', async () => {
    const { content, index } = await realLibrary();
    const passages = [...content.passages.values()];
    const saved = saveSearchIndex(index);
    const loaded = loadSearchIndex(saved, passages, undefined, content.articles);
    const fresh = answers(index);
    expect(fresh.some((hits) => hits.length > 0)).toBe(true);
    expect(answers(loaded)).toEqual(fresh);
    expect(loaded.documentFrequency).toEqual(index.documentFrequency);
    expect(loaded.passages).toEqual(index.passages);
  });

  it('round-trips corrections, an empty corpus and passages without words', () => {
    const content = tinyContent([
      {
        id: 'beta',
        body: ['[Q] Why did the talks fail?', '[A] Jap European leaders refused.', '2025'].join('\n\n'),
        extra: [
          'interviewer: Ivy Asker',
          'interviewee: Eli Answer',
          'corrections:',
          '  - from: Jap European',
          '    to: Eastern European',
        ].join('\n'),
      },
    ]);
    const passages = [...content.passages.values()];
    const index = createSearchIndex(passages, content.articles);
    const loaded = loadSearchIndex(saveSearchIndex(index), passages, undefined, content.articles);
    for (const q of ['Eastern', 'jap', 'jap european', 'talks fail', '2025', 'why'])
      expect(searchPassages(loaded, q)).toEqual(searchPassages(index, q));
    expect(searchPassages(loaded, 'eastern european')[0]?.passage.id).toBe('beta#2');
    expect(searchPassages(loaded, 'jap european')[0]?.copyWording).toEqual([
      { from: 'Jap European', shown: '[Eastern] European' },
    ]);

    const empty = createSearchIndex([]);
    expect(searchPassages(loadSearchIndex(saveSearchIndex(empty), []), 'anything')).toEqual([]);
  });

  it('refuses a saved index of other passages, or text that is not one', async () => {
    const { content, index } = await realLibrary();
    const passages = [...content.passages.values()];
    const saved = saveSearchIndex(index);
    expect(() => loadSearchIndex(saved, passages.slice(1))).toThrow(/other passages/);
    const changed = passages.map((p, i) => (i === 3 ? { ...p, text: `${p.text} More.` } : p));
    expect(() => loadSearchIndex(saved, changed)).toThrow(/other passages/);
    expect(() => loadSearchIndex('{}', passages)).toThrow(/not a saved search index/);
    expect(() => loadSearchIndex(saved.slice(0, saved.length / 2), passages)).toThrow(/truncated|match/);
  });
});

/**
 * The saved text with its document-id map rotated (each internal id now names the next passage),
 * everything else, the header included, left as it was.
 */
function rotateIdMap(saved: string): string {
  const head = saved.startsWith('{') ? '' : saved.slice(0, saved.indexOf('\n') + 1);
  const body = JSON.parse(saved.slice(head.length)) as { mini: { documentIds: Record<string, string> } };
  const ids = body.mini.documentIds;
  const keys = Object.keys(ids);
  const values = keys.map((k) => ids[k]);
  keys.forEach((k, i) => {
    ids[k] = values[(i + 1) % values.length] ?? '';
  });
  return head + JSON.stringify(body);
}

describe('a saved index altered on disk', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is refused by its checksum, though its passages are the same', async () => {
    const { content, index } = await realLibrary();
    const passages = [...content.passages.values()];
    const query = 'I need ammunition, not a ride';
    const right = searchPassages(index, query)[0]?.passage.id;
    expect(right).toBeDefined();
    const forged = rotateIdMap(saveSearchIndex(index));
    expect(() => loadSearchIndex(forged, passages)).toThrow(/checksum/);
    // What the checksum stops: the same bytes under a recomputed header load, and answer wrongly.
    const body = forged.slice(forged.indexOf('\n') + 1);
    const resealed = `${forged.slice(0, forged.indexOf('sha256:'))}sha256:${createHash('sha256').update(body).digest('hex')}\n${body}`;
    expect(searchPassages(loadSearchIndex(resealed, passages), query)[0]?.passage.id).not.toBe(right);
  });

  it('is rebuilt at start-up, answers right, is reported once, and is replaced by a good one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'index-altered-'));
    dirs.push(dir);
    const body = Array.from(
      { length: CACHE_MIN_PASSAGES },
      (_, i) => `Paragraph number ${i} about word${i}.`,
    );
    const content = tinyContent([{ id: 'big', body: body.join('\n\n') }]);
    const quiet = { info: () => undefined };
    startLibrary(content, dir, quiet).ready();
    const [file] = readdirSync(dir);
    const saved = path.join(dir, file ?? 'missing');
    writeFileSync(saved, rotateIdMap(readFileSync(saved, 'utf8')));

    const logged: { reason: string; message: string }[] = [];
    const started = startLibrary(content, dir, {
      info: ({ reason }, message) => logged.push({ reason, message }),
    });
    expect(logged).toEqual([
      {
        reason: expect.stringMatching(/checksum/) as string,
        message: expect.stringMatching(/built a fresh one/) as string,
      },
    ]);
    expect(searchPassages(started.library.index, 'word5 ')[0]?.passage.text).toBe(
      'Paragraph number 5 about word5.',
    );
    started.ready();
    expect(buildLibraryCached(content, dir).cache.loaded).toBe(true);
  });
});

/**
 * Reloads built off the main thread: the worker's core is the core the main thread would build,
 * it arrives in bounded parts, it works from dist/ as from the TypeScript sources, and a worker
 * that breaks down never costs the served content.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { startLiveLibrary } from '../../src/core/live.js';
import {
  libraryParts,
  LibraryAssembler,
  FREQUENCIES_PER_PART,
  PASSAGES_PER_PART,
  TERMS_PER_PART,
} from '../../src/core/parts.js';
import { offThreadBuilder, type LibraryBuilder } from '../../src/core/reload.js';
import { searchPassages } from '../../src/core/search/index.js';
import { realLibrary, tinyContent, TINY_TOPICS } from '../helpers/content.js';

const QUERIES = ['ammunition not a ride', 'minerals deal', 'disinformation', 'riyad', 'putin trump', 'zel'];

/** What a student would see of a core: every passage, every topic, and the answers to queries. */
function answers(core: Library) {
  return {
    articles: core.content.articles.map((a) => ({ ...a, passages: a.passages.map((p) => p.id) })),
    passages: [...core.content.passages.values()],
    topics: core.content.topics,
    byId: [...core.content.articleById.keys()],
    results: QUERIES.map((q) =>
      searchPassages(core.index, q, { asYouType: true }).map((h) => [h.passage.id, h.score, [...h.matched]]),
    ),
  };
}

const builders: LibraryBuilder[] = [];
afterAll(async () => {
  await Promise.all(builders.map((b) => b.close()));
});
function builder(...args: Parameters<typeof offThreadBuilder>): LibraryBuilder {
  const b = offThreadBuilder(...args);
  builders.push(b);
  return b;
}

describe('the core built in a worker', () => {
  it('is the core the main thread builds (TypeScript sources, as under tsx and vitest)', async () => {
    const built = await builder().build('content');
    if (!built.ok) throw new Error('the shipped content is invalid');
    expect(answers(built.library)).toEqual(answers(await realLibrary()));
  });

  it('works from the built dist/ too, as `npm start` runs it', async () => {
    // dist/ is built by the test run's global set-up.
    const dist = pathToFileURL(path.resolve('dist/src/core/reload.js')).href;
    const { offThreadBuilder: fromDist } = (await import(dist)) as typeof import('../../src/core/reload.js');
    const b = fromDist();
    builders.push(b);
    const built = await b.build('content');
    if (!built.ok) throw new Error('the shipped content is invalid');
    expect(answers(built.library)).toEqual(answers(await realLibrary()));
  });

  it('reports the problems of invalid content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reload-'));
    try {
      writeFileSync(path.join(dir, 'topics.yaml'), TINY_TOPICS);
      const built = await builder().build(dir);
      expect(built).toEqual({
        ok: false,
        problems: [{ file: 'articles', line: 1, message: 'no articles: add at least one .md file' }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the parts a core is sent in', () => {
  const body = Array.from({ length: 1200 }, (_, i) => `Paragraph ${i} on word${i} and gas.`).join('\n\n');
  const core = buildLibrary(
    tinyContent([
      { id: 'big', body },
      { id: 'small', body: 'Bread and gas.' },
    ]),
  );

  it('are each bounded, so none blocks the main thread for long', () => {
    const parts = [...libraryParts(core)];
    const sizes = (kind: string) =>
      parts.flatMap((p) => (p.kind === kind && 'items' in p ? [p.items.length] : []));
    expect(sizes('passages').length).toBeGreaterThan(1);
    expect(Math.max(...sizes('passages'))).toBeLessThanOrEqual(PASSAGES_PER_PART);
    expect(Math.max(...sizes('terms'))).toBeLessThanOrEqual(TERMS_PER_PART);
    expect(Math.max(...sizes('frequencies'))).toBeLessThanOrEqual(FREQUENCIES_PER_PART);
    expect(sizes('passages').reduce((a, b) => a + b)).toBe(core.content.passages.size);
  });

  it('put together, answer exactly as the core they came from', async () => {
    const assembler = new LibraryAssembler();
    // Through a structured clone, as messages between threads are.
    for (const part of libraryParts(core)) assembler.add(structuredClone(part));
    const rebuilt = await assembler.finish();
    expect(answers(rebuilt)).toEqual(answers(core));
    expect(searchPassages(rebuilt.index, 'word1199')[0]?.passage.id).toBe('big#1200');
  });
});

describe('a worker that breaks down', () => {
  const exits = { url: new URL('../fixtures/workers/exits.ts', import.meta.url), typescript: true };

  it('fails the build with the reason', async () => {
    await expect(builder(exits).build('crash')).rejects.toThrow('the reload worker stopped (exit code 3)');
  });

  it('never costs the served content: the last good content stays, and the failure is logged once', async () => {
    const loaded = await loadContent('content');
    if (!loaded.ok) throw new Error('the shipped content is invalid');
    const logged: string[] = [];
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'reload-cache-'));
    const live = startLiveLibrary({
      content: loaded.content,
      contentDir: 'crash',
      cacheDir,
      log: { info: (_, m) => logged.push(m), warn: (_, m) => logged.push(m) },
      builder: builder(exits),
    });
    try {
      const before = live.library();
      await live.reload();
      expect(live.library()).toBe(before);
      expect(logged).toEqual([
        'content reload failed, still serving the last good content: the reload worker stopped (exit code 3)',
      ]);
      expect(searchPassages(live.library().index, 'ammunition not a ride')[0]?.passage.id).toBe(
        'sumner-riyadh#39',
      );
    } finally {
      await live.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('is replaced by a new worker on the next reload', async () => {
    const b = builder(exits);
    await expect(b.build('crash')).rejects.toThrow('exit code 3');
    expect(await b.build('content')).toEqual({ ok: false, problems: [] });
  });
});

/**
 * Every save reaches the bot: each way an editor saves, repeated 10 times 300 ms apart, is served
 * within a second, every time. Real files in a temporary folder, the real watcher, the real reload
 * worker and the real `sed`.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { isEditorFile } from '../../src/content/watch.js';
import { startLiveLibrary, type LiveLibrary } from '../../src/core/live.js';
import { offThreadBuilder, type LibraryBuilder } from '../../src/core/reload.js';
import { articleFile, TINY_TOPICS } from '../helpers/content.js';

/** The requirement: the last save is served within this time. */
const SERVED_WITHIN_MS = 1000;
const SAVES = 10;
const SAVE_EVERY_MS = 300;

let root = '';
let dir = '';
let live: LiveLibrary;
const logged: { level: string; message: string }[] = [];
const log = {
  info: (_: object, message: string) => logged.push({ level: 'info', message }),
  warn: (_: object, message: string) => logged.push({ level: 'warn', message }),
};

const file = () => path.join(dir, 'articles', 'a.md');
const version = (n: number) => articleFile({ id: 'a', body: `Version ${n} of the text.` });

function writeContent(n: number): void {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  writeFileSync(file(), version(n));
  writeFileSync(path.join(dir, 'topics.yaml'), TINY_TOPICS);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `served()` holds, failing if it does not within {@link SERVED_WITHIN_MS}. */
async function servedWithin(served: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + SERVED_WITHIN_MS;
  while (!served()) {
    if (Date.now() > deadline) throw new Error(`not served within ${SERVED_WITHIN_MS} ms: ${what}`);
    await sleep(10);
  }
}

const servedText = () => live.library().content.passages.get('a#1')?.text;

/** Saves 10 times 300 ms apart, and checks each save is served within a second. */
async function saveRepeatedly(save: (n: number) => void, served?: (n: number) => boolean): Promise<void> {
  for (let n = 1; n <= SAVES; n++) {
    const saved = Date.now();
    save(n);
    await servedWithin(
      served ? () => served(n) : () => servedText() === `Version ${n} of the text.`,
      `save ${n}`,
    );
    await sleep(Math.max(0, saved + SAVE_EVERY_MS - Date.now()));
  }
}

// One reload worker for the file, started before any save is timed; a fresh folder for each test.
let builder: LibraryBuilder;
beforeAll(async () => {
  builder = offThreadBuilder();
  await builder.build('content');
});
afterAll(async () => {
  await builder.close();
});

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'watch-'));
  dir = path.join(root, 'content');
  writeContent(0);
  const loaded = await loadContent(dir);
  if (!loaded.ok) throw new Error('fixture content is invalid');
  const cacheDir = path.join(root, 'cache');
  live = startLiveLibrary({ content: loaded.content, contentDir: dir, cacheDir, log, builder });
  await live.watching;
});

afterEach(async () => {
  await live.close();
  rmSync(root, { recursive: true, force: true });
});

describe('every save reaches the bot', () => {
  it('an in-place write', async () => {
    await saveRepeatedly(
      (n) => {
        writeFileSync(file(), version(n + 100));
      },
      (n) => servedText() === `Version ${n + 100} of the text.`,
    );
  });

  it('a write to a temporary file renamed over the original (VS Code, JetBrains)', async () => {
    await saveRepeatedly((n) => {
      const temp = `${file()}.tmp-${n}`;
      writeFileSync(temp, version(n));
      renameSync(temp, file());
    });
  });

  it("vim's default save: the original renamed to a backup, written anew, the backup removed", async () => {
    await saveRepeatedly(
      (n) => {
        const probe = path.join(dir, 'articles', '4913');
        writeFileSync(probe, '');
        unlinkSync(probe);
        renameSync(file(), `${file()}~`);
        writeFileSync(file(), version(n + 200));
        unlinkSync(`${file()}~`);
      },
      (n) => servedText() === `Version ${n + 200} of the text.`,
    );
  });

  it('a delete, then a new file in its place', async () => {
    await saveRepeatedly(
      (n) => {
        unlinkSync(file());
        writeFileSync(file(), version(n + 300));
      },
      (n) => servedText() === `Version ${n + 300} of the text.`,
    );
  });

  it('sed -i (the real sed)', async () => {
    await saveRepeatedly((n) => {
      execFileSync('sed', ['-i', `s/Version ${n - 1} of/Version ${n} of/`, file()]);
    });
  });

  it('a new article file', async () => {
    await saveRepeatedly(
      (n) => {
        const article = articleFile({ id: `new-${n}`, body: `New ${n}.` });
        writeFileSync(path.join(dir, 'articles', `new-${n}.md`), article);
      },
      (n) => live.library().content.passages.get(`new-${n}#1`)?.text === `New ${n}.`,
    );
  });

  it('the whole content folder deleted and restored', async () => {
    await saveRepeatedly(
      (n) => {
        rmSync(dir, { recursive: true, force: true });
        writeContent(n + 400);
      },
      (n) => servedText() === `Version ${n + 400} of the text.`,
    );
    // and hot reload goes on in the restored folder
    await saveRepeatedly(
      (n) => {
        writeFileSync(file(), version(n + 500));
      },
      (n) => servedText() === `Version ${n + 500} of the text.`,
    );
  });
});

describe('editor files', () => {
  it('are recognised by name', () => {
    for (const name of ['.#a.md', '.a.md.swp', 'a.md.swx', 'a.md~', '4913', 'a.md___jb_tmp___'])
      expect(isEditorFile(name), name).toBe(true);
    for (const name of ['a.md', 'topics.yaml', '2025-budget.md', 'articles'])
      expect(isEditorFile(name), name).toBe(false);
  });

  it('do not trigger a reload: an Emacs lock file comes and goes unnoticed', async () => {
    const before = logged.length;
    const lock = path.join(dir, 'articles', '.#a.md');
    symlinkSync('user@host.1234:1700000000', lock); // dangling, as Emacs makes it
    await sleep(500);
    unlinkSync(lock);
    await sleep(500);
    expect(logged.slice(before)).toEqual([]);
  });
});

describe('a bad edit', () => {
  it('is logged once and the last good content keeps serving; the next good save is served', async () => {
    writeFileSync(file(), version(7));
    await servedWithin(() => servedText() === 'Version 7 of the text.', 'the good version');
    const before = logged.length;
    writeFileSync(file(), readFileSync(file(), 'utf8').replace('kind: opinion', 'kind: rumour'));
    await servedWithin(() => live.problems().length > 0, 'the problem');
    expect(live.problems()).toEqual([
      'articles/a.md:7: `kind` must be one of: opinion, interview, news, analysis, speech, editorial, letter, report, essay, primary-source, other',
    ]);
    expect(servedText()).toBe('Version 7 of the text.');
    expect(logged.slice(before)).toEqual([
      {
        level: 'warn',
        message:
          'content edit rejected, still serving the last good content:\narticles/a.md:7: `kind` must be one of: opinion, interview, news, analysis, speech, editorial, letter, report, essay, primary-source, other',
      },
    ]);
    writeFileSync(file(), version(8));
    await servedWithin(() => servedText() === 'Version 8 of the text.', 'the fixed version');
    expect(live.problems()).toEqual([]);
    expect(logged.at(-1)).toEqual({ level: 'info', message: 'content reloaded' });
  });
});

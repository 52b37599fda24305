/**
 * The preview as a teacher runs it: through npm, as the README documents, and through a pipe.
 * npm prints a header line on stdout before any script unless --silent; a reader that stops early
 * closes the pipe under the preview.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_HINT } from '../../src/cli/run.js';

/** The environment without npm's own variables (vitest itself may run under `npm test`). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
}

/** The README's JSON example: the line of a shell block that runs the preview with --json. */
function documentedJsonInvocation(): string | undefined {
  const readme = readFileSync('README.md', 'utf8');
  const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n'));
  return shellLines.find((line) => /^npm run .*\bcli\b.* --json\b/.test(line.trim()))?.trim();
}

describe('the JSON invocation the README documents', () => {
  it('prints only JSON on stdout and nothing on stderr', () => {
    const command = documentedJsonInvocation();
    expect(command, 'README shows how to get JSON from the preview').toBeDefined();
    const r = spawnSync('sh', ['-c', command ?? 'false'], { encoding: 'utf8', env: cleanEnv() });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const parsed = JSON.parse(r.stdout) as { query?: unknown; results?: unknown };
    expect(typeof parsed.query).toBe('string');
    expect(Array.isArray(parsed.results)).toBe(true);
  });

  it('says on stderr how to get JSON only when npm printed its header above it', () => {
    const r = spawnSync('npm', ['run', 'cli', '--', 'quote', 'ammunition', '--json'], {
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('> discussion-guide-bot@');
    expect(r.stderr.trim()).toBe(JSON_HINT);
  });
});

describe('a closed pipe', () => {
  it('`npm run cli -- quote … | head -3` ends quietly: exit 0, nothing on stderr', () => {
    const r = spawnSync('bash', ['-c', 'set -o pipefail; npm run cli -- quote "the" --limit 10 | head -3'], {
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(4); // three lines and the last newline
  });

  it('a pipe closed before the first line is written ends the preview with exit 0', async () => {
    const child = spawn(
      path.resolve('node_modules/.bin/tsx'),
      ['src/cli/main.ts', 'quote', 'the', '--limit', '10'],
      { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // The reader goes away at once: every write the preview makes meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

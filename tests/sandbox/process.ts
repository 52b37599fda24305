/**
 * Starts the sandbox exactly as `npm start` does on a fresh clone: the built entry point with no
 * DISCORD_TOKEN. The page's URL is read from what it prints, as a teacher would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENTRY } from '../e2e/harness.js';
import { TEST_CONTENT_DIR } from '../helpers/content.js';

export interface SandboxProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** A private copy of the content under test (content/ or TEST_CONTENT_DIR), safe to edit. */
  readonly contentDir: string;
  readonly output: () => string;
  readonly stop: () => Promise<number | null>;
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const contentDir = mkdtempSync(path.join(tmpdir(), 'sandbox-content-'));
  cpSync(TEST_CONTENT_DIR, contentDir, { recursive: true });
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // No DISCORD_TOKEN: sandbox mode. Port 0: any free port, so tests never collide.
      SANDBOX_PORT: '0',
      CONTENT_DIR: contentDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(kill);
    rmSync(contentDir, { recursive: true, force: true });
    return code;
  };

  const url = await new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
      else if (child.exitCode !== null) reject(new Error(`sandbox exited (${child.exitCode}):\n${out}`));
      else if (Date.now() - started > 20_000) reject(new Error(`sandbox did not print its URL:\n${out}`));
      else setTimeout(tick, 25);
    };
    tick();
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return { url, child, contentDir, output: () => out, stop };
}

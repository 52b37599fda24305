/**
 * Compares the bot's cost per interaction between builds, on a shared machine:
 *
 *   node --import tsx bench/ab.ts [--rounds 20] [--seconds 2] [--profile DIR] CODE[:CONTENT] ...
 *
 * Each arm is a built checkout (CODE, e.g. a `git worktree` after `npx tsc -p tsconfig.build.json`)
 * whose stand-in and `dist/src/main.js` are used, with the content, queries and topics of CONTENT
 * (CODE by default). Every arm's bot runs at once, idle between turns; the arms take turns sending
 * the sustained e2e mix (30 students back to back) for a few seconds each, in alternating order, so
 * whatever else the machine is doing falls on every arm alike. Each turn prints one JSON line; the
 * end prints, per arm, the median interactions per second and CPU µs per interaction of the bot and
 * of the stand-in, and the median over turns of each figure divided by the first arm's in the same
 * round. With --profile, each bot writes a V8 CPU profile (`node --cpu-prof`) under DIR.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { StandIn } from '../src/sandbox/standin/index.js';
import { dispatch, KINDS, ownCpuMs, processCpuMs, workload, type Workload } from './e2e.js';
import { median } from './stats.js';

interface Arm {
  readonly name: string;
  readonly standIn: StandIn;
  readonly pid: number | undefined;
  readonly work: Workload;
  readonly stop: () => Promise<void>;
}

interface Turn {
  readonly arm: string;
  readonly round: number;
  readonly perSecond: number;
  readonly botUs: number;
  readonly standInUs: number;
  readonly answered: number;
  readonly failed: number;
}

async function startArm(spec: string, profileDir: string | undefined): Promise<Arm> {
  const [code = '.', content = code] = spec.split(':').map((p) => path.resolve(p));
  const name = `${path.basename(code)}:${path.basename(content)}`;
  const standInModule = path.join(code, 'src/sandbox/standin/index.ts');
  const { startStandIn } = (await import(standInModule)) as typeof import('../src/sandbox/standin/index.js');
  const standIn = await startStandIn({ students: 30, heartbeatIntervalMs: 45_000 });
  const profile = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name.replace(':', '-'))}`]
    : [];
  const bot = spawn(process.execPath, [...profile, path.join(code, 'dist/src/main.js')], {
    cwd: code,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: standIn.token,
      DISCORD_API_BASE: standIn.url,
      DISCORD_GUILD_ID: standIn.guildId(),
      CONTENT_DIR: path.join(content, 'content'),
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  const collect = (d: Buffer) => (output += d.toString());
  bot.stdout.on('data', collect);
  bot.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    bot.once('exit', () => {
      resolve();
    });
  });
  const started = Date.now();
  while (!output.includes('Invite the bot')) {
    if (bot.exitCode !== null || Date.now() - started > 60_000)
      throw new Error(`${name} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = async () => {
    bot.kill('SIGTERM');
    await exited;
    await standIn.close();
  };
  return { name, standIn, pid: bot.pid, work: workload(content), stop };
}

/** 30 students send the mixed kinds back to back for `ms`; what was answered, and the time taken. */
async function sustain(arm: Arm, ms: number, offset: number) {
  let answered = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 30 }, async (_, s) => {
      for (let k = 0; performance.now() < t0 + ms; k++) {
        const i = offset + s * 100_000 + k;
        const handle = dispatch(
          arm.standIn,
          KINDS[i % KINDS.length] ?? 'quote',
          `student${s + 1}`,
          arm.work,
          i,
        );
        try {
          await handle.response(5000);
          answered++;
        } catch {
          failed++;
        }
      }
    }),
  );
  return { answered, failed, seconds: (performance.now() - t0) / 1000 };
}

async function turn(arm: Arm, round: number, ms: number): Promise<Turn> {
  const bot0 = processCpuMs(arm.pid) ?? Number.NaN;
  const own0 = ownCpuMs();
  const { answered, failed, seconds } = await sustain(arm, ms, (round + 1) * 1_000_000);
  const botMs = (processCpuMs(arm.pid) ?? Number.NaN) - bot0;
  const per = (cpuMs: number) => Math.round((cpuMs * 1000) / answered);
  return {
    arm: arm.name,
    round,
    perSecond: Math.round(answered / seconds),
    botUs: per(botMs),
    standInUs: per(ownCpuMs() - own0),
    answered,
    failed,
  };
}

function summary(turns: readonly Turn[], arms: readonly string[]): string {
  const first = arms[0];
  const lines = ['arm                 per s   ×first | bot µs  ×first | stand-in µs  ×first'];
  for (const arm of arms) {
    const own = turns.filter((t) => t.arm === arm);
    const ratio = (key: 'perSecond' | 'botUs' | 'standInUs') =>
      median(
        own.map(
          (t) => t[key] / (turns.find((f) => f.arm === first && f.round === t.round)?.[key] ?? Number.NaN),
        ),
      ).toFixed(3);
    const figure = (key: 'perSecond' | 'botUs' | 'standInUs') => String(median(own.map((t) => t[key])));
    lines.push(
      `${arm.padEnd(18)} ${figure('perSecond').padStart(6)} ${ratio('perSecond')} | ${figure('botUs').padStart(6)} ${ratio('botUs')} |` +
        ` ${figure('standInUs').padStart(11)} ${ratio('standInUs')}`,
    );
  }
  return lines.join('\n');
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '2' },
    profile: { type: 'string' },
  },
});
if (positionals.length === 0) {
  console.error(
    'Usage: node --import tsx bench/ab.ts [--rounds N] [--seconds S] [--profile DIR] CODE[:CONTENT] ...',
  );
  process.exit(2);
}
const arms: Arm[] = [];
try {
  for (const spec of positionals) arms.push(await startArm(spec, values.profile));
  for (const arm of arms) await sustain(arm, 6000, 0); // warm-up: JIT and discord.js caches
  const turns: Turn[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const arm of round % 2 === 0 ? arms : [...arms].reverse()) {
      const t = await turn(arm, round, Number(values.seconds) * 1000);
      turns.push(t);
      console.log(JSON.stringify(t));
    }
  }
  console.log(
    summary(
      turns,
      arms.map((a) => a.name),
    ),
  );
} finally {
  for (const arm of arms) await arm.stop();
}

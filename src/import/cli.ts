/**
 * `npm run content:add -- <file or URL> [--id <slug>] [--dry-run] [--content <dir>]`
 * Imports an article into the content folder and prints what it found. Exits 1 on failure, with
 * one short line, never a stack trace. `--dry-run` prints the article instead of writing it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '../content/paths.js';
import {
  DEFAULT_MAX_BYTES,
  ImportError,
  importArticle,
  writeImport,
  type ImportInput,
  type ImportResult,
} from './index.js';

const USAGE =
  'usage: npm run content:add -- <file or URL> [--id <slug>] [--dry-run] [--content <dir>] [--allow-private-network]';

interface Args {
  readonly target: string;
  readonly id?: string;
  readonly dryRun: boolean;
  readonly contentDir: string;
  readonly allowLoopback: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  let target: string | undefined;
  let id: string | undefined;
  let dryRun = false;
  let allowLoopback = false;
  let contentDir = DEFAULT_CONTENT_DIR;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--allow-private-network') allowLoopback = true;
    else if (arg === '--id' || arg === '--content') {
      const value = argv[++i];
      if (value === undefined) throw new ImportError(`${arg} needs a value. ${USAGE}`);
      if (arg === '--id') id = value;
      else contentDir = path.resolve(value);
    } else if (arg.startsWith('--')) throw new ImportError(`unknown option ${arg}. ${USAGE}`);
    else if (target === undefined) target = arg;
    else throw new ImportError(`give one file or URL. ${USAGE}`);
  }
  if (target === undefined) throw new ImportError(USAGE);
  return { target, ...(id !== undefined && { id }), dryRun, contentDir, allowLoopback };
}

async function inputOf(target: string): Promise<ImportInput> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return { kind: 'url', url: target };
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) throw new ImportError(`No such file: ${target}`);
  if (info.size > DEFAULT_MAX_BYTES) throw new ImportError(`${target} is over the 8 MB limit.`);
  return { kind: 'file', name: path.basename(target), bytes: new Uint8Array(await readFile(target)) };
}

/** The printed summary: what was found, what is missing, and what to check. */
export function summaryText(result: ImportResult): string {
  const s = result.summary;
  const lines = [
    `Title:      ${s.title ?? '(none)'}`,
    `Authors:    ${s.authors.length > 0 ? s.authors.join(', ') : '(none)'}`,
    `Date:       ${s.date ?? '(none)'}`,
    `Outlet:     ${s.outlet ?? '(none)'}`,
    `Kind:       ${s.kind}`,
    `Found:      ${s.paragraphs} paragraphs, ${s.headings} headings, ${s.captions} captions, ${s.quotes} quotes`,
    `Fields found:   ${s.fieldsFound.join(', ') || '(none)'}`,
    `Fields missing: ${s.fieldsMissing.join(', ') || '(none)'}`,
  ];
  if (s.uncertain.length > 0)
    lines.push('Check these (also comments in the article):', ...s.uncertain.map((u) => `  - ${u}`));
  if (result.problems.length > 0)
    lines.push(
      'Problems content:check will report:',
      ...result.problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`),
    );
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const result = await importArticle(await inputOf(args.target), {
      contentDir: args.contentDir,
      allowLoopback: args.allowLoopback,
      ...(args.id !== undefined && { id: args.id }),
    });
    if (args.dryRun) {
      console.log(result.markdown);
      console.log(`(dry run: nothing written; it would be ${result.articleFile} and ${result.sourceFile})\n`);
    } else {
      const written = await writeImport(result, args.contentDir);
      console.log(
        `Wrote ${written.map((f) => path.join(path.relative(process.cwd(), args.contentDir) || '.', f)).join(', ')}`,
      );
    }
    console.log(summaryText(result));
    return 0;
  } catch (error) {
    const message =
      error instanceof ImportError
        ? error.message
        : `content:add failed: ${String(error).split('\n')[0] ?? ''}`;
    console.error(message);
    return 1;
  }
}

// Run only as the entry point (tests import the functions).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLAIN } from '../../src/cli/format.js';
import { EXIT_OK, EXIT_USAGE, run, USAGE } from '../../src/cli/run.js';
import { scalar, suggestionsYaml } from '../../src/cli/topics-yaml.js';
import type { Library } from '../../src/core/index.js';
import type { TopicSuggestion } from '../../src/core/topic-suggest.js';
import {
  fixtureLibrary,
  ONE_TOPIC,
  STEEL_ARTICLES,
  UNRELATED_ARTICLES,
  writeContentDir,
} from '../helpers/topic-fixture.js';

function cli(library: Library, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, library, { out: (t) => out.push(t), err: (t) => err.push(t), style: PLAIN });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SUGGESTION: TopicSuggestion = {
  id: 'trump-putin',
  title: 'Trump and Putin: ally or adversary?',
  terms: ['greatest ally', '#hashtag', "Putin's 'natural' ally"],
  pinned: ['a#1', 'b#2'],
  addressedBy: [
    {
      articleId: 'a',
      passages: [1, 2, 3, 4, 5, 6].map((n) => ({ passageId: `a#${n}`, excerpt: `…words # ${n}: "x"…` })),
    },
    { articleId: 'b', passages: [{ passageId: 'b#2', excerpt: 'b words' }] },
  ],
  notAddressedBy: ['c'],
};

describe('suggestionsYaml', () => {
  it('quotes what YAML would misread, and keeps every value as written', () => {
    expect(scalar('steel imports')).toBe('steel imports');
    const parsed = parse(`topics:\n${suggestionsYaml([SUGGESTION], 3)}`) as { topics: unknown[] };
    expect(parsed.topics).toEqual([
      {
        id: 'trump-putin',
        title: 'Trump and Putin: ally or adversary?',
        terms: ['greatest ally', '#hashtag', "Putin's 'natural' ally"],
        pinned: ['a#1', 'b#2'],
        prompts: { understand: '', analyze: '', evaluate: '' },
      },
    ]);
  });

  it('lists the addressing passages as comments, with excerpts for the first four of each article', () => {
    const yaml = suggestionsYaml([SUGGESTION], 3);
    expect(yaml).toContain('#   a#1  …words # 1: "x"…');
    expect(yaml).toContain('#   a#4  …words # 4');
    expect(yaml).not.toContain('#   a#5  ');
    expect(yaml).toContain('#   and a#5, a#6');
    expect(yaml).toContain('#   b#2  b words');
    expect(yaml).toContain('# Not addressed by: c');
    expect(yaml).toMatch(/understand: '' {2}# write this question/);
  });
});

describe('suggest-topics (npm run content:topics)', () => {
  it('prints the suggestions as YAML to paste, and says the teacher writes the questions', async () => {
    const library = await fixtureLibrary([...STEEL_ARTICLES, ...UNRELATED_ARTICLES]);
    const r = cli(library, 'suggest-topics');
    expect(r.code, r.err).toBe(EXIT_OK);
    expect(r.out).toContain('write the three questions yourself');
    expect(r.out).toContain('# Not addressed by: sourdough, tomatoes, violin');
    const parsed = parse(`topics:\n${r.out}`) as { topics: { terms: string[] }[] };
    expect(parsed.topics).toHaveLength(1);
    expect(parsed.topics[0]?.terms).toContain('steel imports');
  });

  it('gives JSON with --json', async () => {
    const library = await fixtureLibrary([...STEEL_ARTICLES, ...UNRELATED_ARTICLES]);
    const r = cli(library, 'suggest-topics', '--json', '--max', '5');
    expect(r.code, r.err).toBe(EXIT_OK);
    const j = JSON.parse(r.out) as { suggestions: TopicSuggestion[] };
    expect(j.suggestions[0]?.addressedBy.map((a) => a.articleId).sort()).toEqual(['car-maker', 'mill-town']);
    expect(j.suggestions[0]?.notAddressedBy).toEqual(['sourdough', 'tomatoes', 'violin']);
    expect(cli(library, 'suggest-topics', '--min-articles', '3').out).toContain('No topic to suggest');
  });

  it('answers bad options with one line and exit 2', async () => {
    const library = await fixtureLibrary(UNRELATED_ARTICLES);
    for (const argv of [['--max', '0'], ['--max', 'lots'], ['--min-articles', '1'], ['steel']]) {
      const r = cli(library, 'suggest-topics', ...argv);
      expect(r.code, argv.join(' ')).toBe(EXIT_USAGE);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.out).toBe('');
    }
    expect(USAGE).toContain('suggest-topics [--max N] [--min-articles N]');
  });
});

describe('npm run content:topics', () => {
  it('reads the content folder the bot reads (CONTENT_DIR) and prints the YAML', () => {
    const dir = writeContentDir([...STEEL_ARTICLES, ...UNRELATED_ARTICLES], ONE_TOPIC);
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
      const r = spawnSync('npm', ['run', '--silent', 'content:topics', '--', '--max', '3'], {
        encoding: 'utf8',
        env: { ...env, CONTENT_DIR: dir },
      });
      expect(r.status, r.stderr).toBe(EXIT_OK);
      const parsed = parse(`topics:\n${r.stdout}`) as { topics: { terms: string[]; pinned: string[] }[] };
      expect(parsed.topics[0]?.terms).toContain('domestic mills');
      expect(parsed.topics[0]?.pinned.sort()).toEqual(['car-maker#1', 'mill-town#3']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

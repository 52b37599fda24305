/**
 * /quote's `speaker:` option end to end: the built bot on a small content folder of its own (a
 * reporter quoting a mayor and an engineer, and an interview with the mayor: tests/helpers/speakers.ts),
 * the real discord.js client, the local stand-in, over loopback.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFile, TINY_TOPICS } from '../helpers/content.js';
import { ENGINEER, MAYOR, SPEAKER_ARTICLES } from '../helpers/speakers.js';
import { buttonIds, startStack, type Stack } from './harness.js';
import { EPHEMERAL } from './util.js';

type Shown = {
  content?: string;
  embeds?: APIMessage['embeds'];
  flags?: number;
  components?: APIMessage['components'];
};

let dir = '';
let stack: Stack;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-speakers-'));
  await mkdir(path.join(dir, 'articles'));
  for (const a of SPEAKER_ARTICLES) await writeFile(path.join(dir, 'articles', `${a.id}.md`), articleFile(a));
  await writeFile(path.join(dir, 'topics.yaml'), TINY_TOPICS);
  stack = await startStack({ env: { CONTENT_DIR: dir } });
});
afterAll(async () => {
  await stack.stop();
  await rm(dir, { recursive: true, force: true });
});

async function quote(options: Record<string, string>) {
  const h = stack.standIn.slash({ user: 'student1', channel: 'discussion', name: 'quote', options });
  const r = await h.response();
  return { h, data: r.data as Shown };
}

function complete(focused: string, options: Record<string, string>) {
  return stack.standIn.autocomplete({ user: 'student1', name: 'quote', focused, options }).choices();
}

describe('/quote speaker:', () => {
  it('autocompletes the people in the articles with their passage counts, filtered by what is typed', async () => {
    expect(await complete('speaker', { speaker: '' })).toEqual([
      { name: 'Ann Author — 4 passages', value: 'Ann Author' },
      { name: `${MAYOR} — 3 passages, 1 quoted`, value: MAYOR },
      { name: 'Ivy Asker — 2 passages', value: 'Ivy Asker' },
      { name: `${ENGINEER} — 1 passage, quoted`, value: ENGINEER },
    ]);
    expect(await complete('speaker', { speaker: 'nun' })).toEqual([
      { name: `${MAYOR} — 3 passages, 1 quoted`, value: MAYOR },
    ]);
    // Within the article chosen.
    expect((await complete('speaker', { speaker: '', article: 'mayor-talk' })).map((c) => c.value)).toEqual([
      'Ivy Asker',
      MAYOR,
    ]);
  });

  it('autocompletes the query with only the speaker’s words', async () => {
    const choices = await complete('query', { query: '', speaker: ENGINEER });
    expect(choices).toEqual([{ name: `Author ¶3: ${ENGINEER}: “It is finished,”`, value: 'harbour#3' }]);
    const typed = await complete('query', { query: 'wall', speaker: MAYOR });
    expect(typed.map((c) => String(c.value).split(' ')[0]).sort()).toEqual([
      'harbour#2',
      'mayor-talk#2',
      'mayor-talk#4',
    ]);
  });

  it('shows a picked passage quoting the speaker, credited as quoted, and pages through their words', async () => {
    // As a student does it: speaker first, then a passage from the query's suggestions.
    const [picked] = await complete('query', { query: '', speaker: 'nunez' });
    expect(picked?.value).toBe('harbour#2');
    const { h, data } = await quote({ query: String(picked?.value), speaker: 'nunez' });
    expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toBe(`Match 1 of 3: words of ${MAYOR}`);
    const embed = data.embeds?.[0];
    // The paragraph stays the reporter's; the mayor's own words are credited to her.
    expect(embed?.author?.name).toBe(`Ann Author — quoting ${MAYOR}`);
    expect(embed?.fields?.[0]?.name).toBe(`${MAYOR}, as quoted by Ann Author`);
    expect(embed?.fields?.[0]?.value).toBe('“We will rebuild the harbour wall,”');
    const message = h.original() ?? (await h.waitForOriginal());
    const next = stack.standIn.button({ user: 'student1', message, customId: buttonIds(data)[1] ?? '' });
    const page2 = (await next.response()).data as Shown;
    expect(page2.content).toBe(`Match 2 of 3: words of ${MAYOR}`);
    expect(page2.embeds?.[0]?.author?.name).toBe(MAYOR);
    expect(page2.embeds?.[0]?.footer?.text).toMatch(/mayor-talk#2$/);
  });

  it('finds all of a person’s words by their name, theirs first when no speaker is chosen', async () => {
    const { data } = await quote({ query: 'reyes' });
    expect(data.content).toMatch(/^Match 1 of \d+ for “reyes”$/);
    expect(data.embeds?.[0]?.footer?.text).toMatch(/harbour#3$/);
    expect(data.embeds?.[0]?.fields?.[0]?.name).toBe(`${ENGINEER}, as quoted by Ann Author`);
    const all = await quote({ query: 'Núñez', speaker: 'Marta Núñez' });
    expect(all.data.content).toBe(`Match 1 of 3 for “Núñez”, words of ${MAYOR}`);
  });

  it('searches within the speaker’s words with a query', async () => {
    const { data } = await quote({ query: 'finished', speaker: ENGINEER });
    expect(data.content).toBe(`Match 1 of 1 for “finished”, words of ${ENGINEER}`);
    expect(data.embeds?.[0]?.fields?.[0]?.name).toBe(`${ENGINEER}, as quoted by Ann Author`);
  });

  it('answers an unknown speaker privately with the near names', async () => {
    const { data } = await quote({ query: 'wall', speaker: 'Nunes' });
    expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toBe(
      `No one called “Nunes” speaks or is quoted in the articles. Did you mean: ${MAYOR}? Pick a name from the list.`,
    );
    expect(data.embeds ?? []).toEqual([]);
  });
});

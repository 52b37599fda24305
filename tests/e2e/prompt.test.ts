/**
 * /prompt in a class of ten articles, through the real discord.js client in the bot process and the
 * stand-in over loopback: polls offer only the articles that address the topic, most relevant
 * first, and an article outside every curated topic gets a question from templates.yaml.
 */
import { describe, expect, it } from 'vitest';
import { MANY_ARTICLES, MANY_TOPIC } from '../helpers/many-articles.js';
import { manyLibraryStack } from './many-stack.js';
import { EPHEMERAL } from './util.js';

const run = manyLibraryStack();

const shortOf = (id: string) => run.many.library.content.articleById.get(id)?.short ?? id;
const inAnyTopic = () => new Set([...run.many.addressing.values()].flat());

async function prompt(options: Record<string, string | boolean>) {
  const h = run.stack.standIn.slash({ user: 'teacher', channel: 'general', name: 'prompt', options });
  const done = await h.waitForOriginal((m) => m.content.length > 0);
  return done;
}

const postWithFooter = (footer: string) =>
  run.stack.standIn.channelMessages('general').findLast((m) => m.embeds[0]?.footer?.text === footer);

describe('/prompt in a class of ten articles', () => {
  it('polls only the articles that address the topic, most relevant first, plus "Not sure yet"', async () => {
    const done = await prompt({ topic: MANY_TOPIC, level: 'analyze', poll: true });
    expect(done.content).toMatch(/^Posted: /);
    expect(done.content).not.toMatch(/No poll/);
    const post = postWithFooter(`Prompt ${MANY_TOPIC}:analyze`);
    expect(post?.poll?.answers.map((a) => a.poll_media.text)).toEqual([
      ...run.many.energyByPassages.map(shortOf),
      'Not sure yet',
    ]);
    expect(post?.embeds.slice(1).map((e) => e.author?.name)).toEqual(run.many.energyByPassages.map(shortOf));
    const none = (run.many.notAddressing.get(MANY_TOPIC) ?? []).map(shortOf);
    expect(post?.embeds[0]?.description).toContain(`Not addressed by: ${none.join(', ')}`);
  });

  it('gives an article outside every topic a template question, with no poll and a note why', async () => {
    const outside = MANY_ARTICLES.find((a) => !inAnyTopic().has(a.id));
    if (!outside) throw new Error('no outside article');
    const done = await prompt({ article: outside.id, level: 'understand', poll: true });
    expect((done.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(done.content).toMatch(/^Posted: /);
    expect(done.content).toContain(`No poll: only ${shortOf(outside.id)} addresses this`);
    // Either of the two understand templates (lines 3 and 4 of TEST_TEMPLATES), whichever the
    // rotation picked: both are unused, and ties are broken at random.
    const title = run.many.library.content.articleById.get(outside.id)?.title ?? '';
    const questions: Readonly<Record<string, string>> = {
      '1.1': `What does ${outside.author} say about “${title}”?`,
      '2.1': `What is the point of “${title}” (${shortOf(outside.id)})?`,
    };
    const prefix = `Prompt article:${outside.id}:understand:`;
    const post = run.stack.standIn
      .channelMessages('general')
      .findLast((m) => m.embeds[0]?.footer?.text.startsWith(prefix) === true);
    const question = questions[post?.embeds[0]?.footer?.text.slice(prefix.length) ?? ''];
    expect(question, post?.embeds[0]?.footer?.text).toBeDefined();
    expect(post?.embeds[0]?.title).toBe(`${shortOf(outside.id)}: ${title}`);
    expect(post?.embeds[0]?.description).toContain(question);
    expect(post?.embeds.slice(1).map((e) => e.author?.name)).toEqual([shortOf(outside.id)]);
    expect(post?.poll).toBeUndefined();
  });

  it('with article: on an article in a curated topic, posts one of that topic’s questions', async () => {
    const id = 'diaz-gardens';
    expect(run.many.addressing.get('school-meals')).toContain(id);
    await prompt({ article: id, level: 'evaluate' });
    expect(postWithFooter('Prompt school-meals:evaluate')).toBeDefined();
  });

  it('answers an unknown article privately, in one short line', async () => {
    const done = await prompt({ article: '*nope* <@1>' });
    expect((done.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(done.content).toBe(
      `Unknown article “\\*nope\\* \\<@1\\>”. Articles: ${MANY_ARTICLES.map((a) => a.id).join(', ')}.`,
    );
  });

  it('autocompletes the article option', async () => {
    const choices = await run.stack.standIn
      .autocomplete({ user: 'teacher', name: 'prompt', focused: 'article', options: { article: 'had' } })
      .choices();
    expect(choices.map((c) => c.value)).toEqual(['haddad-library']);
  });
});

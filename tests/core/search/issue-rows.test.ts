/**
 * Issue 14's table, one test per row: what a student types, and what the search must do with it.
 * Each row is checked on small articles of its own (tinyContent), and where the issue names a
 * passage of a shipped article, on that article too while it ships (hasArticle).
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../../src/core/compare.js';
import { buildLibrary } from '../../../src/core/index.js';
import { findQuote } from '../../../src/core/quote.js';
import { createSearchIndex, matchedWords, searchPassages } from '../../../src/core/search/index.js';
import { compareAnswer } from '../../../src/render/compare.js';
import { quoteChoices } from '../../../src/render/quote.js';
import { hasArticle, realLibrary, tinyContent, type TinyArticle } from '../../helpers/content.js';

/** A library of tiny articles, and the ids its searches find, best first. */
function tiny(articles: TinyArticle[], topics?: string) {
  const content = tinyContent(articles, topics);
  const library = buildLibrary(content);
  const ids = (query: string, options: { asYouType?: boolean } = {}) =>
    searchPassages(library.index, query, { limit: 25, ...options }).map((h) => h.passage.id);
  /** What /quote shows first once the query is sent. */
  const sent = (query: string) => {
    const r = findQuote(library, { query });
    return r.found ? r.hit.passage.id : 'nothing';
  };
  return { content, library, ids, sent };
}

const SENT = { asYouType: false };

describe('issue 14, row by row', () => {
  it('`amuni` or `zelinsk`, while typing: a misspelled beginning finds the words it starts', () => {
    const { ids } = tiny([
      {
        id: 'a',
        body: [
          'Within hours, the United States offered Zelenskyy transportation out of Ukraine.',
          '"I need ammunition, not a ride."',
          'Russia lost at Kherson.',
        ].join('\n\n'),
      },
    ]);
    expect(ids('amuni')[0]).toBe('a#2');
    expect(ids('zelinsk')[0]).toBe('a#1');
    expect(ids('need amuni')[0]).toBe('a#2');
  });

  it('`Ruboi`; `Kyiv airprot`: a swap of two letters is one edit', () => {
    const { ids } = tiny([
      {
        id: 'a',
        body: [
          'Secretary of State Marco Rubio met Sergey Lavrov.',
          'They lost at Kyiv.',
          'Within hours, Russia had occupied the airport outside Kyiv.',
        ].join('\n\n'),
      },
    ]);
    expect(ids('Ruboi', SENT)[0]).toBe('a#1');
    expect(ids('Kyiv airprot', SENT)[0]).toBe('a#3');
    expect(ids('Kyiv airprot')[0]).toBe('a#3');
  });

  it('`nordstream`: joined words are split, and hyphenated forms joined', () => {
    const { ids } = tiny([
      {
        id: 'a',
        body: [
          'Trump issued sanctions on a ship building the Nord Stream 2 pipeline.',
          'Lukashenko, a co-aggressor in the war in Ukraine, is close with Russia.',
          'Russia is an illegal aggressor.',
          'Musk converts resources into CyberTrucks.',
        ].join('\n\n'),
      },
    ]);
    expect(ids('nordstream', SENT)[0]).toBe('a#1');
    expect(ids('coaggressor', SENT)[0]).toBe('a#2');
    expect(ids('co aggressor', SENT)[0]).toBe('a#2');
    expect(ids('Cyber Trucks', SENT)[0]).toBe('a#4');
  });

  it('`invasion of Crimea`: word families meet (invasion/invaded, detention/detain, terrorist/terrorism)', async () => {
    const { library, ids } = tiny([
      {
        id: 'a',
        body: [
          'Even after Russia invaded Crimea in 2014, the sanctions were largely symbolic.',
          'Crimea is a peninsula.',
          'Evan Gershkovich is wrongfully detained by Russia.',
          'We expect the continued safe detention of these individuals.',
          'We work with partners in the war against terror.',
          'Hundreds of terrorism suspects have been prosecuted.',
          'This is a time of heightened terrorist threat.',
        ].join('\n\n'),
      },
    ]);
    const [crimea] = searchPassages(library.index, 'invasion of Crimea', SENT);
    expect(crimea?.passage.id).toBe('a#1');
    expect(matchedWords(crimea?.passage.text ?? '', crimea?.matched ?? [])).toContain('invaded');
    for (const q of ['detain', 'detention'])
      expect(ids(q, SENT), q).toEqual(expect.arrayContaining(['a#3', 'a#4']));
    for (const q of ['terror', 'terrorist', 'terrorism'])
      expect(ids(q, SENT), q).toEqual(expect.arrayContaining(['a#5', 'a#6', 'a#7']));
    if (hasArticle('kulakevich-qa')) {
      const [real] = searchPassages((await realLibrary()).index, 'invasion of Crimea', SENT);
      expect(real?.passage.id).toBe('kulakevich-qa#25');
      expect(matchedWords(real?.passage.text ?? '', real?.matched ?? [])).toContain('invaded');
    }
  });

  it('a sent query ending in an inflected word: the same top result as with a full stop after it', () => {
    const { sent } = tiny([
      {
        id: 'a',
        body: [
          'For several weeks we have worked with our partners in the war against terror.',
          'Hundreds of terrorism suspects were prosecuted, and terrorism offenses charged.',
          'Trump invades, Musk exploits, and the government buys the end product.',
          'Try to imagine Trump or Musk saying those words.',
        ].join('\n\n'),
      },
    ]);
    for (const [query, right] of [
      ['war against terrorism', 'a#1'],
      ['Musk exploiting', 'a#3'],
    ] as const) {
      expect(sent(`${query}.`), `${query}.`).toBe(right);
      expect(sent(query), query).toBe(right);
    }
  });

  it('`zelensky leave the country`: WordNet synonyms find a paraphrase, below the literal match', () => {
    const paraphrase = 'The president will depart the nation tomorrow.';
    const literal = 'Nobody should leave the country now.';
    const other = 'The weather was fine.';
    // Only the paraphrase says it: the synonyms find it.
    const alone = tiny([{ id: 'a', body: [paraphrase, other].join('\n\n') }]);
    expect(alone.ids('leave the country', SENT)).toEqual(['a#1']);
    // Beside the words themselves, the literal match comes first.
    const both = tiny([{ id: 'a', body: [paraphrase, literal, other].join('\n\n') }]);
    const found = both.ids('leave the country', SENT);
    expect(found[0]).toBe('a#2');
    expect(found).not.toContain('a#3');
  });

  // Beyond a dictionary: the passage says "offered him transportation out of Ukraine", and WordNet
  // links none of "leave", "country" to those words, so the search does not reach it first (it is
  // 5th). `it.fails` turns red the day this starts to pass: then make it a plain `it`.
  it.fails('`zelensky leave the country` on the real article: the ride-out passage first', async () => {
    expect(hasArticle('sumner-riyadh')).toBe(true);
    const hits = searchPassages((await realLibrary()).index, 'zelensky leave the country', SENT);
    expect(hits[0]?.passage.id).toBe('sumner-riyadh#39');
  });

  it('`Kulakevich transactional`: her answer first, not the editors’ introduction; autocomplete shows who speaks', async () => {
    const { content, library, ids } = tiny([
      {
        id: 'qa',
        extra: 'interviewer: Amy Lieberman\ninterviewee: Tatsiana Kulakevich',
        body: [
          '[editors] Amy Lieberman spoke with Tatsiana Kulakevich about how transactional the new administration is.',
          '[Q] What does the U.S. gain from a relationship with Russia?',
          '[A] Trump is a transactional politician.',
        ].join('\n\n'),
      },
    ]);
    expect(ids('Kulakevich transactional', SENT)[0]).toBe('qa#3');
    const question = searchPassages(library.index, 'gain from a relationship', { limit: 1 });
    const [choice] = quoteChoices(content, question, 'gain from a relationship');
    expect(question[0]?.passage.id).toBe('qa#2');
    expect(choice?.name).toContain('Lieberman');
    if (hasArticle('kulakevich-qa')) {
      // Her two answers that say "transactional" (¶18, ¶27), never the editors' ¶5 or ¶6 that name her.
      const found = searchPassages((await realLibrary()).index, 'Kulakevich transactional', SENT).map(
        (h) => h.passage.id,
      );
      expect(['kulakevich-qa#18', 'kulakevich-qa#27']).toContain(found[0]);
      const answers = Math.max(found.indexOf('kulakevich-qa#18'), found.indexOf('kulakevich-qa#27'));
      for (const editors of ['kulakevich-qa#5', 'kulakevich-qa#6']) {
        const at = found.indexOf(editors);
        expect(at === -1 || at > answers, `${editors} at ${at}`).toBe(true);
      }
    }
  });

  it('`/compare equality`: a passage is found only by words the reader sees, and bold marks them', () => {
    const { content, library, ids } = tiny(
      [
        {
          id: 'a',
          extra: "corrections:\n  - from: 'seem like equally'\n    to: 'appear similarly'",
          body: 'Trump does not seem like equally inclined towards Ukraine.',
        },
        { id: 'b', body: 'Bread is baked daily.' },
      ],
      'topics:\n  - id: bread\n    title: Bread\n    terms: [bread]\n    prompts: { understand: u, analyze: a, evaluate: e }\n',
    );
    expect(ids('equality', SENT)).not.toContain('a#1');
    const c = compare(content, library.index, 'equality');
    expect(c?.addressing.map((p) => p.article.id) ?? []).not.toContain('a');
    const [hit] = searchPassages(library.index, 'similarly inclined', SENT);
    expect(hit?.passage.id).toBe('a#1');
    expect(matchedWords(hit?.passage.display ?? '', hit?.matched ?? [])).toEqual(['similarly', 'inclined']);
  });

  it('`/quote <img src=x onerror=alert(1)>`: no passage for a word behind a correction', () => {
    const { ids, library } = tiny([
      {
        id: 'a',
        extra: "corrections:\n  - from: 'which alerts'\n    to: 'which signals'",
        body: 'The U.S. has not removed any sanctions, which alerts its commitment to a tough stance.',
      },
    ]);
    const query = '<img src=x onerror=alert(1)>';
    expect(ids(query)).not.toContain('a#1');
    expect(ids(query, SENT)).not.toContain('a#1');
    expect(findQuote(library, { query }).found).toBe(false);
    expect(ids('signals', SENT)).toContain('a#1');
  });

  it('a topic with one word that no article uses: the word is ignored, and the answer names it', () => {
    const { content, library } = tiny([
      { id: 'a', body: 'The gas pipeline to Germany was a threat.\n\nEurope paid for natural gas.' },
      { id: 'b', body: 'Bread is baked daily.' },
    ]);
    const c = compare(content, library.index, 'gas pipeline outlawed');
    expect(c?.addressing.map((p) => p.article.id)).toEqual(['a']);
    if (!c) return;
    expect(JSON.stringify(compareAnswer(c, 'gas pipeline outlawed'))).toMatch(/no article uses\W+outlawed/i);
  });

  it('a two-word term such as `national security`: its words must be close together', () => {
    const { content } = tiny([
      {
        id: 'far',
        body: 'The Security Act passed in May after a long debate in the chamber. Many nationals left the country that year.',
      },
      { id: 'near', body: 'The department has no higher priority than protecting national security.' },
    ]);
    const index = createSearchIndex(content.passages.values());
    const c = compare(content, index, 'national security');
    expect(c?.addressing.map((p) => p.article.id)).toEqual(['near']);
    expect(c?.notAddressing.map((p) => p.article.id)).toEqual(['far']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Article, Content, Passage } from '../../src/content/types.js';
import { cite } from '../../src/core/cite.js';
import { hasArticle, realLibrary } from '../helpers/content.js';

/** An article with only what citations use; `overrides` replaces fields, `undefined` removes them. */
function article(overrides: Partial<Record<keyof Article, unknown>> = {}): Article {
  const base = {
    id: 'a',
    title: 'Talks are only exploratory',
    authors: ['Tatsiana Kulakevich'],
    outlet: 'The Conversation U.S.',
    date: '2025-02-19',
    url: 'https://example.org/talks',
    kind: 'interview',
    perspective: 'P',
    summary: 'S',
    corrections: [],
    short: 'Kulakevich (The Conversation U.S.)',
    file: 'articles/a.md',
    passages: [],
  };
  const fields = Object.entries({ ...base, ...overrides }).filter(([, v]) => v !== undefined);
  return Object.fromEntries(fields) as unknown as Article;
}

const passage = (paragraph: number): Passage => ({
  id: `a#${paragraph}`,
  articleId: 'a',
  paragraph,
  text: 'T',
  display: 'T',
  corrected: 'T',
  speaker: { name: 'Tatsiana Kulakevich', role: 'interviewee' },
  quotes: [],
  line: 20,
});

const apa = (a: Article, p?: Passage) => cite(a, 'apa', p);
const mla = (a: Article, p?: Passage) => cite(a, 'mla', p);
/** MLA capitalizes titles in title case; the code keeps a title as stored, so MLA fixtures store it so. */
const mlaArticle = (overrides: Partial<Record<keyof Article, unknown>> = {}): Article =>
  article({ title: 'Talks Are Only Exploratory', ...overrides });

describe('cite', () => {
  describe('APA 7', () => {
    it('cites one author with a full date, title and URL', () => {
      const c = apa(article());
      expect(c.style).toBe('apa');
      expect(c.reference).toBe(
        'Kulakevich, T. (2025, February 19). Talks are only exploratory. The Conversation U.S. https://example.org/talks',
      );
      expect(c.inText).toBe('(Kulakevich, 2025)');
    });

    it('italicizes the title in the Markdown form', () => {
      const c = apa(article());
      // Where the closing period goes relative to the asterisks is left open (see report).
      expect(c.markdown).toMatch(
        /^Kulakevich, T\. \(2025, February 19\)\. \*Talks are only exploratory\.?\*/,
      );
      expect(c.markdown.replace(/\*/g, '')).toBe(c.reference);
    });

    it('joins two authors with "&"', () => {
      const c = apa(article({ authors: ['Tatsiana Kulakevich', 'Amy Lieberman'] }));
      expect(c.reference.startsWith('Kulakevich, T., & Lieberman, A. (2025, February 19).')).toBe(true);
      expect(c.inText).toBe('(Kulakevich & Lieberman, 2025)');
    });

    it('lists all of three authors, and "et al." in text', () => {
      const c = apa(article({ authors: ['Ann Writer', 'Bob Reporter', 'Cy Editor'] }));
      expect(c.reference.startsWith('Writer, A., Reporter, B., & Editor, C. (2025, February 19).')).toBe(
        true,
      );
      expect(c.inText).toBe('(Writer et al., 2025)');
    });

    it('gives initials of every given name, hyphenated ones included', () => {
      const c = apa(article({ authors: ['Jean-Paul Mark Sartre'] }));
      expect(c.reference.startsWith('Sartre, J.-P. M. (2025, February 19).')).toBe(true);
    });

    it('writes a year and month, a year, or n.d.', () => {
      expect(apa(article({ date: '2025-02' })).reference).toContain(' (2025, February). ');
      expect(apa(article({ date: '2025' })).reference).toContain(' (2025). ');
      const undated = apa(article({ date: undefined }));
      expect(undated.reference).toContain('Kulakevich, T. (n.d.). Talks');
      expect(undated.inText).toBe('(Kulakevich, n.d.)');
    });

    it('puts the description in square brackets when the title is unknown', () => {
      const c = apa(
        article({ title: undefined, description: 'Opinion column on the talks', url: undefined }),
      );
      expect(c.reference).toBe(
        'Kulakevich, T. (2025, February 19). [Opinion column on the talks]. The Conversation U.S.',
      );
      expect(c.markdown).toBe(c.reference);
    });

    it('does not double a title’s own end punctuation', () => {
      expect(apa(article({ title: 'Is this unprecedented?' })).reference).toContain(
        ' Is this unprecedented? The',
      );
    });

    it('adds the paragraph of a passage in text', () => {
      expect(apa(article(), passage(7)).inText).toBe('(Kulakevich, 2025, para. 7)');
      expect(apa(article({ date: undefined }), passage(2)).inText).toBe('(Kulakevich, n.d., para. 2)');
    });
  });

  describe('MLA 9', () => {
    it('cites one author with a full date, title and URL without https://', () => {
      expect(mla(mlaArticle())).toEqual({
        style: 'mla',
        reference:
          'Kulakevich, Tatsiana. “Talks Are Only Exploratory.” The Conversation U.S., 19 Feb. 2025, example.org/talks.',
        markdown:
          'Kulakevich, Tatsiana. “Talks Are Only Exploratory.” *The Conversation U.S.*, 19 Feb. 2025, example.org/talks.',
        inText: '(Kulakevich)',
      });
    });

    it('drops http:// too', () => {
      expect(mla(mlaArticle({ url: 'http://example.org/x' })).reference).toContain(', example.org/x.');
    });

    it('names the second of two authors in normal order', () => {
      const c = mla(mlaArticle({ authors: ['Tatsiana Kulakevich', 'Amy Lieberman'] }));
      expect(c.reference.startsWith('Kulakevich, Tatsiana, and Amy Lieberman. “')).toBe(true);
      expect(c.inText).toBe('(Kulakevich and Lieberman)');
    });

    it('uses "et al." for three authors', () => {
      const c = mla(mlaArticle({ authors: ['Ann Writer', 'Bob Reporter', 'Cy Editor'] }));
      expect(c.reference.startsWith('Writer, Ann, et al. “')).toBe(true);
      expect(c.inText).toBe('(Writer et al.)');
    });

    it('abbreviates months as MLA does and omits an unknown date', () => {
      expect(mla(mlaArticle({ date: '2025-09' })).reference).toContain('U.S., Sept. 2025, ');
      expect(mla(mlaArticle({ date: '2025-06-03' })).reference).toContain('U.S., 3 June 2025, ');
      expect(mla(mlaArticle({ date: '2025' })).reference).toContain('U.S., 2025, ');
      expect(mla(mlaArticle({ date: undefined })).reference).toBe(
        'Kulakevich, Tatsiana. “Talks Are Only Exploratory.” The Conversation U.S., example.org/talks.',
      );
    });

    it('uses the plain description when the title is unknown, and ends without a URL', () => {
      const c = mla(
        mlaArticle({ title: undefined, description: 'Opinion column on the talks', url: undefined }),
      );
      expect(c.reference).toBe(
        'Kulakevich, Tatsiana. Opinion column on the talks. The Conversation U.S., 19 Feb. 2025.',
      );
      expect(c.markdown).toBe(
        'Kulakevich, Tatsiana. Opinion column on the talks. *The Conversation U.S.*, 19 Feb. 2025.',
      );
    });

    it('adds the paragraph of a passage in text', () => {
      expect(mla(mlaArticle(), passage(7)).inText).toBe('(Kulakevich, par. 7)');
    });
  });

  describe('organisations and unsigned work', () => {
    const wire = { authors: ['Reuters'], organizations: ['Reuters'], outlet: 'Reuters', date: '2005' };

    it('APA: an organisation that is also the outlet is the author, by its full name, once', () => {
      const c = apa(article({ ...wire, title: 'Talks resume' }));
      expect(c.reference).toBe('Reuters. (2005). Talks resume. https://example.org/talks');
      expect(c.markdown).toBe('Reuters. (2005). *Talks resume*. https://example.org/talks');
      expect(c.inText).toBe('(Reuters, 2005)');
    });

    it('APA: an organisation other than the outlet keeps the site name, and is never split into initials', () => {
      const c = apa(
        article({ authors: ['World Health Organization'], organizations: ['World Health Organization'] }),
      );
      expect(c.reference).toBe(
        'World Health Organization. (2025, February 19). Talks are only exploratory. The Conversation U.S. https://example.org/talks',
      );
      expect(c.inText).toBe('(World Health Organization, 2025)');
      const mixed = apa(article({ authors: ['Ann Lee', 'Reuters'], organizations: ['Reuters'] }), passage(2));
      expect(mixed.reference.startsWith('Lee, A., & Reuters. (2025, February 19).')).toBe(true);
      expect(mixed.inText).toBe('(Lee & Reuters, 2025, para. 2)');
    });

    it('APA: with no author, the title takes the author’s place and its first words cite it', () => {
      const c = apa(
        article({ authors: [], outlet: 'Reuters', title: 'Talks resume in Geneva after a pause' }),
      );
      expect(c.reference).toBe(
        'Talks resume in Geneva after a pause. (2025, February 19). Reuters. https://example.org/talks',
      );
      expect(c.markdown).toBe(
        '*Talks resume in Geneva after a pause*. (2025, February 19). Reuters. https://example.org/talks',
      );
      expect(apa(article({ authors: [] }), passage(4)).inText).toBe(
        '(Talks are only exploratory, 2025, para. 4)',
      );
      const described = apa(
        article({ authors: [], title: undefined, description: 'Wire report on the talks', url: undefined }),
      );
      expect(described.reference).toBe(
        '[Wire report on the talks]. (2025, February 19). The Conversation U.S.',
      );
      expect(described.inText).toBe('([Wire report on the], 2025)');
    });

    it('APA and MLA: no outlet, no URL, nothing dangling', () => {
      const bare = { authors: [], outlet: undefined, url: undefined, date: undefined, title: 'A letter' };
      expect(apa(article(bare)).reference).toBe('A letter. (n.d.).');
      expect(mla(mlaArticle(bare)).reference).toBe('“A letter.”');
      expect(mla(mlaArticle(bare)).markdown).toBe('“A letter.”');
      expect(apa(article({ outlet: undefined })).reference).toBe(
        'Kulakevich, T. (2025, February 19). Talks are only exploratory. https://example.org/talks',
      );
      expect(mla(mlaArticle({ outlet: undefined })).markdown).toBe(
        'Kulakevich, Tatsiana. “Talks Are Only Exploratory.” 19 Feb. 2025, example.org/talks.',
      );
    });

    it('MLA: with no author, or an organisation that is also the outlet, the title comes first', () => {
      const unsigned = mla(mlaArticle({ authors: [], outlet: 'Reuters' }), passage(3));
      expect(unsigned.reference).toBe(
        '“Talks Are Only Exploratory.” Reuters, 19 Feb. 2025, example.org/talks.',
      );
      expect(unsigned.markdown).toBe(
        '“Talks Are Only Exploratory.” *Reuters*, 19 Feb. 2025, example.org/talks.',
      );
      expect(unsigned.inText).toBe('(“Talks Are Only Exploratory,” par. 3)');
      const own = mla(mlaArticle({ ...wire }));
      expect(own.reference).toBe('“Talks Are Only Exploratory.” Reuters, 2005, example.org/talks.');
      expect(own.inText).toBe('(“Talks Are Only Exploratory”)');
      const described = mla(
        mlaArticle({ authors: [], title: undefined, description: 'Wire report on the talks' }),
      );
      expect(described.reference.startsWith('Wire report on the talks. The Conversation U.S.,')).toBe(true);
      expect(described.inText).toBe('(Wire report on the)');
    });

    it('MLA: an organisation other than the outlet is the author, not inverted', () => {
      const c = mla(
        mlaArticle({ authors: ['World Health Organization'], organizations: ['World Health Organization'] }),
      );
      expect(
        c.reference.startsWith('World Health Organization. “Talks Are Only Exploratory.” The Conversation'),
      ).toBe(true);
      expect(c.inText).toBe('(World Health Organization)');
    });
  });

  describe('the repository articles', () => {
    const load = async (): Promise<Content> => (await realLibrary()).content;
    const get = (content: Content, id: string): Article => {
      const a = content.articleById.get(id);
      if (!a) throw new Error(`no article ${id}`);
      return a;
    };

    it.skipIf(!hasArticle('sumner-riyadh'))(
      'cites sumner-riyadh (no title, no URL) in APA and MLA',
      async () => {
        const a = get(await load(), 'sumner-riyadh');
        expect(cite(a, 'apa', a.passages[2])).toEqual({
          style: 'apa',
          reference:
            'Sumner, M. (2025, February). [Opinion column on the U.S.–Russia talks in Riyadh]. Daily Kos.',
          markdown:
            'Sumner, M. (2025, February). [Opinion column on the U.S.–Russia talks in Riyadh]. Daily Kos.',
          inText: '(Sumner, 2025, para. 3)',
        });
        expect(cite(a, 'mla', a.passages[2])).toEqual({
          style: 'mla',
          reference: 'Sumner, Mark. Opinion column on the U.S.–Russia talks in Riyadh. Daily Kos, Feb. 2025.',
          markdown:
            'Sumner, Mark. Opinion column on the U.S.–Russia talks in Riyadh. *Daily Kos*, Feb. 2025.',
          inText: '(Sumner, par. 3)',
        });
      },
    );

    // The byline (whether the interviewer is credited) and the title are the content's to decide:
    // they are read from the article; how two authors are joined is tested on fixtures above.
    it.skipIf(!hasArticle('kulakevich-qa'))(
      'cites kulakevich-qa in APA (sentence-case title, as stored)',
      async () => {
        const a = get(await load(), 'kulakevich-qa');
        const c = cite(a, 'apa');
        expect(c.reference).toMatch(/^Kulakevich, T\.(,? & [^(]+)? \(2025, February\)\. /);
        expect(c.reference.endsWith(`${a.title ?? '?'}. The Conversation U.S. ${a.url ?? '?'}`)).toBe(true);
        expect(a.url).toMatch(/^https:\/\/theconversation\.com\//);
        expect(c.markdown).toContain(`*${a.title ?? '?'}`);
        expect(c.inText).toMatch(/^\(Kulakevich( & [\p{L}-]+)?, 2025\)$/u);
      },
    );

    it.skipIf(!hasArticle('kulakevich-qa'))('cites kulakevich-qa in MLA', async () => {
      const a = get(await load(), 'kulakevich-qa');
      const c = cite(a, 'mla', a.passages[7]);
      const urlPlain = (a.url ?? '?').replace('https://', '');
      // MLA 9 wants the title in title case ("Trump's Move to Closer Ties …"); the code keeps the
      // stored sentence case. That is reported, not asserted: only the rest is checked exactly here.
      const head = /^Kulakevich, Tatsiana(, and [^.]+)?\. “/.exec(c.reference)?.[0] ?? '';
      const tail = `.” The Conversation U.S., Feb. 2025, ${urlPlain}.`;
      expect(head).not.toBe('');
      expect(c.reference.endsWith(tail)).toBe(true);
      expect(c.reference.slice(head.length, -tail.length).toLowerCase()).toBe((a.title ?? '?').toLowerCase());
      expect(c.markdown.endsWith(`.” *The Conversation U.S.*, Feb. 2025, ${urlPlain}.`)).toBe(true);
      expect(c.inText).toMatch(/^\(Kulakevich( and [\p{L}-]+)?, par\. 8\)$/u);
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { DraftBlock } from '../../src/import/draft.js';
import { findQuotes, intervieweeFrom, markInterview, questionCount } from '../../src/import/speakers.js';

const paragraphs = (...texts: string[]): DraftBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));

describe('findQuotes', () => {
  it('finds “…,” said Name, “…,” Name said, Name said: “…”, and a role between', () => {
    const uncertain: string[] = [];
    const quotes = findQuotes(
      paragraphs(
        '“We will win,” said Jane Roe after the vote.',
        '“It is late,” John Smith said on Monday.',
        'Ana Ruiz said: “This is a mistake.” Nobody answered.',
        '“No deal,” the union leader, Mick Dale, told reporters.',
        '"Straight quotes too," said Bob Lee.',
      ),
      uncertain,
    );
    expect(quotes).toEqual([
      { speaker: 'Jane Roe', text: '“We will win,”' },
      { speaker: 'John Smith', text: '“It is late,”' },
      { speaker: 'Ana Ruiz', text: '“This is a mistake.”' },
      { speaker: 'Mick Dale', text: '“No deal,”' },
      { speaker: 'Bob Lee', text: '"Straight quotes too,"' },
    ]);
    expect(uncertain).toEqual([]);
  });

  it('takes a quote right after an attributed one as the same person speaking on, and says so', () => {
    const uncertain: string[] = [];
    const quotes = findQuotes(
      paragraphs(
        '"We had nowhere to study," said council member Rosa Lind. "This helps families." "It is cheap."',
        '“It is late,” John Smith said, “and we are tired.”',
        // Someone else speaks next, clearly or not: never taken as the first speaker's.
        '“Yes,” said Jane Roe. “No,” said Bob Lee.',
        '“Yes,” said Jane Roe. “Maybe,” said a spokesperson.',
        '“Yes,” said Jane Roe. “Later,” according to the mayor.',
        // Words between the attribution and the next quote: not a continuation.
        '“Yes,” said Jane Roe. Critics called it “a disaster.”',
      ),
      uncertain,
    );
    expect(quotes).toEqual([
      { speaker: 'Rosa Lind', text: '"We had nowhere to study,"' },
      { speaker: 'Rosa Lind', text: '"This helps families."' },
      { speaker: 'Rosa Lind', text: '"It is cheap."' },
      { speaker: 'John Smith', text: '“It is late,”' },
      { speaker: 'John Smith', text: '“and we are tired.”' },
      { speaker: 'Jane Roe', text: '“Yes,”' },
      { speaker: 'Bob Lee', text: '“No,”' },
    ]);
    expect(uncertain).toContain(
      'quote "This helps families." is taken as Rosa Lind\'s, continuing the quote before it: check',
    );
    // John Smith's second part is attributed by its own pattern (Name said, “…”): nothing to check.
    expect(uncertain).toHaveLength(2);
  });

  it('leaves out quotes attributed to a pronoun or no one, and drops titles', () => {
    const quotes = findQuotes(
      paragraphs(
        '“Maybe,” he said.',
        '“Never,” said He.',
        'She called it “a disaster”.',
        '“Go,” said Mayor Ingrid Solberg.',
      ),
      [],
    );
    expect(quotes).toEqual([{ speaker: 'Ingrid Solberg', text: '“Go,”' }]);
  });

  it('finds a speaker after a role in lower case (“…,” said council member Tom Becker)', () => {
    const quotes = findQuotes(
      paragraphs(
        'Opponents disagreed. “People are already choosing,” said council member Tom Becker, who voted no.',
        '“Not yet,” said the mayor.',
      ),
      [],
    );
    expect(quotes).toEqual([{ speaker: 'Tom Becker', text: '“People are already choosing,”' }]);
  });

  it('resolves a surname to the full name used in the article, and marks an unresolved one uncertain', () => {
    const uncertain: string[] = [];
    const quotes = findQuotes(
      paragraphs('Peter Lund runs the port.', '“Busy day,” said Lund.', '“Quiet day,” said Okafor.'),
      uncertain,
    );
    expect(quotes).toEqual([
      { speaker: 'Peter Lund', text: '“Busy day,”' },
      { speaker: 'Okafor', text: '“Quiet day,”' },
    ]);
    expect(uncertain).toEqual(['quote “Quiet day,” is attributed to "Okafor" only: check the full name']);
  });

  it('gives texts that are in their paragraph exactly', () => {
    const text = '“A,” said Al Bo, and then: “B and C,” Cy Do added.';
    for (const q of findQuotes(paragraphs(text), [])) expect(text).toContain(q.text);
  });
});

describe('interviews', () => {
  it('counts bold questions and Q: markers, not bold statements', () => {
    const blocks: DraftBlock[] = [
      { kind: 'paragraph', text: 'Why now?', bold: true },
      { kind: 'paragraph', text: 'Because.' },
      { kind: 'paragraph', text: 'Q: And then?' },
      { kind: 'paragraph', text: 'A: Then we wait.' },
      { kind: 'paragraph', text: 'A bold statement.', bold: true },
      { kind: 'paragraph', text: 'Is this a question? Not bold.' },
    ];
    expect(questionCount(blocks)).toBe(2);
    expect(markInterview(blocks).map((b) => `${b.voice ?? '-'} ${b.text}`)).toEqual([
      'Q Why now?',
      'A Because.',
      'Q And then?',
      'A Then we wait.',
      '- A bold statement.',
      '- Is this a question? Not bold.',
    ]);
  });

  it('finds the person interviewed in the opening, skipping their description', () => {
    expect(intervieweeFrom(['Our editor spoke with soil scientist Hanna Virtanen about farming.'])).toBe(
      'Hanna Virtanen',
    );
    expect(intervieweeFrom(['The Conversation talked to Dr. Ana Ruiz, a historian.'])).toBe('Ana Ruiz');
    expect(intervieweeFrom(['An interview with Tatsiana Kulakevich.'])).toBe('Tatsiana Kulakevich');
    expect(intervieweeFrom(['Nothing here names anyone.'])).toBeUndefined();
  });
});

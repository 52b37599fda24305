import { describe, expect, it } from 'vitest';
import type { Draft, DraftBlock, DraftMeta } from '../../src/import/draft.js';
import { decideFields } from '../../src/import/fields.js';

const para = (text: string, bold = false): DraftBlock => ({ kind: 'paragraph', text, ...(bold && { bold }) });

function decide(meta: Partial<DraftMeta>, blocks: DraftBlock[]) {
  const draft: Draft = { meta: { authors: [], ...meta }, blocks, uncertain: [] };
  return { ...decideFields(draft, 'x', 'sources/x.html', 'x'), uncertain: draft.uncertain };
}

describe('decideFields', () => {
  it('leaves the title heading, the byline and a date line at the top out of the text, and nothing else', () => {
    const { blocks } = decide({ title: 'Big news', authors: ['Ann Lee'], byline: 'By Ann Lee' }, [
      { kind: 'heading', text: 'Big news' },
      para('By Ann Lee'),
      para('Updated March 3, 2025, 10:04'),
      para('In 2024 it rained.'),
      para('By the river, Ann Lee waited.'),
    ]);
    expect(blocks.map((b) => b.text)).toEqual(['In 2024 it rained.', 'By the river, Ann Lee waited.']);
  });

  it('reads the date from a date line at the top when the metadata gives none, and says so', () => {
    const { fields, uncertain } = decide({ title: 'Big news', authors: ['Ann Lee'] }, [
      { kind: 'heading', text: 'Big news' },
      para('By Ann Lee'),
      para('March 3, 2025'),
      para('The council met on April 9, 2025.'),
    ]);
    expect(fields.date).toBe('2025-03-03');
    expect(uncertain).toContain(
      'the date 2025-03-03 was read from the line "March 3, 2025" at the top: check that it is when the article was published',
    );
    // The page's own metadata wins, and a date in the text is never taken.
    expect(
      decide({ title: 'T', date: '2025-01-02' }, [para('March 3, 2025'), para('Text.')]).fields.date,
    ).toBe('2025-01-02');
    expect(
      decide({ title: 'T' }, [para('Text.'), para('More.'), para('March 3, 2025')]).fields.date,
    ).toBeUndefined();
  });

  it('prefers the publication line to an "Updated" one', () => {
    const { fields } = decide({ title: 'T' }, [
      para('Updated March 5, 2025'),
      para('Published March 3, 2025'),
      para('Text.'),
    ]);
    expect(fields.date).toBe('2025-03-03');
  });

  it('strips the outlet the page names from the end of its title', () => {
    expect(decide({ title: 'Big news | The Paper', outlet: 'The Paper' }, [para('Text.')]).fields.title).toBe(
      'Big news',
    );
    expect(decide({ title: 'Big news | Other', outlet: 'The Paper' }, [para('Text.')]).fields.title).toBe(
      'Big news | Other',
    );
  });

  it('gives a description and says so when there is no title', () => {
    const { fields, uncertain } = decide({}, [para('Text.')]);
    expect(fields.title).toBeUndefined();
    expect(fields.description).toBe('Untitled text imported from "x"');
    expect(uncertain).toContain(
      'the original gives no title: a `description` stands in; add a `title` if it has one',
    );
  });

  it('sets no voices when the byline names the person interviewed, and says what to add', () => {
    const { fields, voices, uncertain } = decide({ title: 'T', authors: ['Ana Ruiz'] }, [
      para('We spoke with historian Ana Ruiz about maps.'),
      para('Why maps?', true),
      para('Because.'),
      para('Which maps?', true),
      para('Old ones.'),
    ]);
    expect(fields.kind).toBe('interview');
    expect(voices).toBe(false);
    expect(fields.interviewer).toBeUndefined();
    expect(uncertain.join('\n')).toContain('add `interviewer:` and `interviewee:`');
  });

  it('keeps a kind the page states, and marks a guess', () => {
    expect(decide({ title: 'T', kind: 'analysis' }, [para('Text.')]).fields).toMatchObject({
      kind: 'analysis',
    });
    expect(decide({ title: 'T', kind: 'analysis' }, [para('Text.')]).fields.kindGuess).toBeUndefined();
    expect(decide({ title: 'T' }, [para('Text.')]).fields.kindGuess).toMatch(/^a guess/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  articleDone,
  articlePreview,
  listField,
  PREVIEW_PASSAGE_CHARS,
  removeConfirmation,
  type ImportPreview,
} from '../../src/render/article-preview.js';
import { editOptions, updateOptions } from '../../src/bot/payload-options.js';
import { decodeId } from '../../src/render/custom-id.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { embedLength } from '../../src/render/payload.js';
import { tinyContent } from '../helpers/content.js';

function preview(
  overrides: Partial<ImportPreview['summary']> = {},
  problems: ImportPreview['problems'] = [],
) {
  const summary: ImportPreview['summary'] = {
    title: 'Town keeps its *brass* band',
    authors: ['Petra Lindqvist', 'Ola @everyone Berg'],
    date: '2024-03-05',
    outlet: 'The Valley Courier',
    kind: 'news',
    paragraphs: 12,
    captions: 1,
    headings: 2,
    quotes: 3,
    fieldsFound: ['title', 'authors', 'date', 'outlet'],
    fieldsMissing: ['url', 'summary'],
    uncertain: ['the byline "By the Desk" was read as an author'],
    firstPassages: ['First paragraph with **stars**.', 'Second paragraph.', 'Third paragraph.', 'Fourth.'],
    ...overrides,
  };
  return { articleId: 'town-band', articleFile: 'articles/town-band.md', summary, problems };
}

function buttons(p: ReturnType<typeof articlePreview>) {
  return (p.components ?? []).flatMap((r) => r.components) as {
    custom_id: string;
    label: string;
    disabled?: boolean;
  }[];
}

describe('articlePreview', () => {
  it('is private and shows title, authors, date, counts and the first three passages, escaped', () => {
    const p = articlePreview(preview(), 'abc123XY');
    expect(p.ephemeral).toBe(true);
    expect(p.allowed_mentions).toEqual({ parse: [] });
    const embed = p.embeds?.[0];
    expect(embed?.title).toBe('Town keeps its *brass* band');
    const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Authors).toBe('Petra Lindqvist, Ola @\u200Beveryone Berg');
    expect(fields.Date).toMatch(/2024/);
    expect(fields.Text).toBe('12 paragraphs, 2 headings, 1 caption, 3 quotes found');
    expect(fields['Not found in the source']).toBe('url, summary');
    expect(fields['Uncertain (check these)']).toContain('By the Desk');
    expect(embed?.description).toContain('First paragraph with \\*\\*stars\\*\\*.');
    expect(embed?.description).toContain('Third paragraph.');
    expect(embed?.description).not.toContain('Fourth.');
    expect(embed?.footer?.text).toContain('town-band');
  });
  it('has Publish and Cancel carrying the pending id', () => {
    const [publish, cancel] = buttons(articlePreview(preview(), 'abc123XY'));
    expect(publish?.label).toBe('Publish');
    expect(publish?.disabled).toBe(false);
    expect(decodeId(publish?.custom_id ?? '')).toEqual({
      command: 'article',
      action: 'publish',
      fields: ['abc123XY'],
    });
    expect(decodeId(cancel?.custom_id ?? '')).toEqual({
      command: 'article',
      action: 'cancel',
      fields: ['abc123XY'],
    });
  });
  it('lists problems as file:line and turns Publish off when there are any, or no paragraphs', () => {
    const withProblems = articlePreview(
      preview({}, [{ file: 'articles/town-band.md', line: 4, message: 'date must be a real date' }]),
      'id',
    );
    const fields = withProblems.embeds?.[0]?.fields ?? [];
    expect(fields.find((f) => f.name.startsWith('Problems'))?.value).toBe(
      '• articles/town-band.md:4: date must be a real date',
    );
    expect(buttons(withProblems)[0]?.disabled).toBe(true);
    const empty = articlePreview(preview({ paragraphs: 0, firstPassages: [] }), 'id');
    expect(buttons(empty)[0]?.disabled).toBe(true);
    expect(empty.embeds?.[0]?.description).toBe('*No paragraphs were found.*');
  });
  it('says what was not found rather than inventing it', () => {
    const p = articlePreview(
      preview({ title: undefined, authors: [], date: undefined, outlet: undefined }),
      'id',
    );
    const fields = Object.fromEntries((p.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(p.embeds?.[0]?.title).toBe('No title found');
    expect(fields.Authors).toBe('none found');
    expect(fields.Date).toBe('not found');
    expect(fields.Outlet).toBeUndefined();
  });
  it('fits Discord’s limits with huge passages and long lists, and says how many were left out', () => {
    const long = 'word '.repeat(2000);
    const p = articlePreview(
      preview({
        title: 'T'.repeat(400),
        firstPassages: [long, long, long],
        uncertain: Array.from({ length: 40 }, (_, i) => `uncertain item ${i} ${'x'.repeat(100)}`),
      }),
      'id',
    );
    const embed = p.embeds?.[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const part of embed?.description?.split('\n\n') ?? []) {
      expect(part.length).toBeLessThanOrEqual(PREVIEW_PASSAGE_CHARS + 4);
    }
    const uncertain = embed?.fields?.find((f) => f.name.startsWith('Uncertain'))?.value ?? '';
    expect(uncertain).toMatch(/…and 32 more$/);
  });
  it('only links an http(s) URL', () => {
    expect(articlePreview(preview({ url: 'https://example.org/a' }), 'id').embeds?.[0]?.url).toBe(
      'https://example.org/a',
    );
    expect(articlePreview(preview({ url: 'javascript:alert(1)' }), 'id').embeds?.[0]?.url).toBeUndefined();
  });
});

describe('listField', () => {
  it('keeps within a field value and counts what it leaves out', () => {
    const lines = Array.from({ length: 30 }, () => 'y'.repeat(290));
    const field = listField('Items', lines);
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    const shown = field.value.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(field.value.endsWith(`…and ${30 - shown} more`)).toBe(true);
  });
});

describe('removeConfirmation and articleDone', () => {
  it('names the article and carries Remove and Keep', () => {
    const content = tinyContent([{ id: 'alpha', body: 'One paragraph.\n\nTwo paragraphs.' }]);
    const article = content.articleById.get('alpha');
    if (!article) throw new Error('no fixture article');
    const p = removeConfirmation(article, 'pid12345');
    expect(p.ephemeral).toBe(true);
    expect(p.content).toMatch(/^Remove \*\*.+\*\* from the articles\?/);
    const ids = (p.components ?? [])
      .flatMap((r) => r.components)
      .map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual(['article|remove|pid12345', 'article|keep|pid12345']);
    expect(p.embeds?.[0]?.fields?.find((f) => f.name === 'Paragraphs')?.value).toBe(
      String(article.passages.length),
    );
  });
  it('replaces a preview with a line and no buttons', () => {
    const done = articleDone('Done.');
    expect(done).toMatchObject({ ephemeral: true, content: 'Done.' });
    expect(updateOptions(done)).toMatchObject({ content: 'Done.', embeds: [], components: [] });
    expect(editOptions(done)).toMatchObject({ content: 'Done.', embeds: [], components: [] });
  });
});

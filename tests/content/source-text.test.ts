import { describe, expect, it } from 'vitest';
import {
  blockText,
  collapseSpace,
  decodePage,
  parseDocument,
  sourceFormat,
  sourceText,
} from '../../src/content/source-text.js';
import { docx } from '../import/helpers.js';

const pageText = (html: string): string => collapseSpace(blockText(parseDocument(html)));

describe('blockText', () => {
  it('separates blocks and line breaks, joins inline elements, decodes entities, skips scripts and styles', () => {
    const html =
      '<html><head><title>Not text</title><style>p{}</style></head><body>' +
      '<p>One<b>two</b> three<br>four</p><div>five</div><ul><li>six</li><li>seven</li></ul>' +
      '<script>eight()</script><p>nine &amp; ten&nbsp;eleven</p></body></html>';
    expect(
      blockText(parseDocument(html))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(['Onetwo three', 'four', 'five', 'six', 'seven', 'nine & ten\u00a0eleven']);
    expect(pageText(html)).toBe('Onetwo three four five six seven nine & ten eleven');
  });

  it('leaves out form controls, as the importer does, so a share button inside a paragraph does not split it', () => {
    expect(
      pageText('<p>Words <button>Share</button>go on <select><option>A</option></select>here.</p>'),
    ).toBe('Words go on here.');
  });
});

describe('decodePage', () => {
  it('follows the page’s declared charset, then the server’s, then UTF-8, then Windows-1252', () => {
    const cafe1252 = Uint8Array.from([...Buffer.from('<p>caf'), 0xe9, ...Buffer.from('</p>')]);
    const declared = Uint8Array.from([...Buffer.from('<meta charset="iso-8859-1"><p>caf'), 0xe9]);
    expect(decodePage(declared)).toContain('café');
    expect(decodePage(cafe1252)).toBe('<p>café</p>');
    expect(decodePage(new TextEncoder().encode('<p>café</p>'))).toBe('<p>café</p>');
    expect(decodePage(cafe1252, 'windows-1252')).toBe('<p>café</p>');
    expect(decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });
});

describe('sourceText', () => {
  it('reads each format by its extension', async () => {
    expect(sourceFormat('sources/a.HTM')).toBe('html');
    expect(sourceFormat('sources/a.txt')).toBe('text');
    expect(await sourceText('a.txt', new TextEncoder().encode('\uFEFFplain'))).toBe('plain');
    expect(
      collapseSpace(await sourceText('a.md', new TextEncoder().encode('# H\n\n*em* [link](http://x)'))),
    ).toBe('H em link');
    const word = docx([{ text: 'Heading', style: 'Heading1' }, { text: 'Body & more.' }]);
    expect(collapseSpace(await sourceText('a.docx', word))).toBe('Heading Body & more.');
    await expect(sourceText('a.pdf', new Uint8Array())).rejects.toThrow(/PDF is not supported/);
  });
});

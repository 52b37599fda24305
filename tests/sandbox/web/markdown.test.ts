/**
 * The page's Discord-markdown parser (src/sandbox/web/markdown.js), in Node: it is pure and
 * returns a tree, which the page turns into elements. The cases are Discord's own markdown
 * (support.discord.com, "Markdown Text 101"), and text from a message never becomes markup.
 */
import { describe, expect, it } from 'vitest';
import { safeUrl, type Inline } from '../../../src/sandbox/web/inline.js';
import { parseInline, parseMarkdown, type Block } from '../../../src/sandbox/web/markdown.js';

const text = (t: string): Inline => ({ type: 'text', text: t });
const style = (s: 'strong' | 'em' | 'u' | 's' | 'spoiler', ...children: Inline[]): Inline => ({
  type: 'style',
  style: s,
  children,
});
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children, trailingBreak: false });

/** Every node of a tree, depth first. */
function nodes(tree: readonly (Block | Inline)[]): (Block | Inline)[] {
  return tree.flatMap((node) => {
    const inner =
      'children' in node ? nodes(node.children) : node.type === 'list' ? nodes(node.items.flat()) : [];
    return [node, ...inner];
  });
}

describe('inline markdown', () => {
  it('reads bold, italics with * and _, underline, strikethrough and spoilers', () => {
    expect(parseInline('**bold**')).toEqual([style('strong', text('bold'))]);
    expect(parseInline('*it* and _it_')).toEqual([
      style('em', text('it')),
      text(' and '),
      style('em', text('it')),
    ]);
    expect(parseInline('__under__')).toEqual([style('u', text('under'))]);
    expect(parseInline('~~gone~~')).toEqual([style('s', text('gone'))]);
    expect(parseInline('||secret||')).toEqual([style('spoiler', text('secret'))]);
  });

  it('nests emphasis: ***a*** is bold and italic, __*b*__ underlined italics', () => {
    expect(parseInline('***a***')).toEqual([style('strong', style('em', text('a')))]);
    expect(parseInline('__*b*__')).toEqual([style('u', style('em', text('b')))]);
    expect(parseInline('**bold *and italic***')).toEqual([
      style('strong', text('bold '), style('em', text('and italic'))),
    ]);
  });

  it('leaves snake_case, a lone * and unclosed markers as text', () => {
    expect(parseInline('snake_case_name')).toEqual([text('snake_case_name')]);
    expect(parseInline('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
    expect(parseInline('**open')).toEqual([text('**open')]);
  });

  it('shows inline code as is, with no formatting inside', () => {
    expect(parseInline('run `**not bold**` now')).toEqual([
      text('run '),
      { type: 'code', code: '**not bold**' },
      text(' now'),
    ]);
    expect(parseInline('``a ` b``')).toEqual([{ type: 'code', code: 'a ` b' }]);
    expect(parseInline('`unclosed')).toEqual([text('`unclosed')]);
  });

  it('takes a backslash as an escape: \\*not italic\\* stays literal', () => {
    expect(parseInline('\\*not italic\\*')).toEqual([text('*not italic*')]);
    expect(parseInline('\\_\\_no\\_\\_ \\`x\\`')).toEqual([text('__no__ `x`')]);
    expect(parseInline('a\\b')).toEqual([text('a\\b')]); // only punctuation is escaped
  });

  it('reads user, role and channel mentions', () => {
    expect(parseInline('hi <@123> <@!456> <@&789> in <#42>')).toEqual([
      text('hi '),
      { type: 'mention', kind: 'user', id: '123' },
      text(' '),
      { type: 'mention', kind: 'user', id: '456' },
      text(' '),
      { type: 'mention', kind: 'role', id: '789' },
      text(' in '),
      { type: 'mention', kind: 'channel', id: '42' },
    ]);
    expect(parseInline('<@abc>')).toEqual([text('<@abc>')]);
  });

  it('reads timestamps <t:…> with a style (f when none), and leaves impossible ones as text', () => {
    expect(parseInline('<t:1700000000:R>')).toEqual([
      { type: 'timestamp', date: new Date(1_700_000_000_000), style: 'R' },
    ]);
    expect(parseInline('<t:0>')).toEqual([{ type: 'timestamp', date: new Date(0), style: 'f' }]);
    expect(parseInline('<t:9999999999999>')).toEqual([text('<t:9999999999999>')]);
    expect(parseInline('<t:1:X>')).toEqual([text('<t:1:X>')]);
  });

  it('shows custom emoji by name and keeps unicode emoji as text', () => {
    expect(parseInline('<:wave:123> <a:dance:456> 👋')).toEqual([
      { type: 'emoji', name: 'wave' },
      text(' '),
      { type: 'emoji', name: 'dance' },
      text(' 👋'),
    ]);
  });

  it('makes [masked](https://…) links, with markdown in the text but no link inside', () => {
    expect(parseInline('[the **article**](https://example.com/a)')).toEqual([
      {
        type: 'link',
        href: 'https://example.com/a',
        children: [text('the '), style('strong', text('article'))],
      },
    ]);
    expect(parseInline('[https://a.example](https://b.example/)')).toEqual([
      { type: 'link', href: 'https://b.example/', children: [text('https://a.example')] },
    ]);
  });

  it('links only http and https: other schemes stay text', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x']) {
      const tree = parseInline(`[click](${bad}) <${bad}> ${bad}`);
      expect(
        nodes(tree).filter((n) => n.type === 'link'),
        bad,
      ).toEqual([]);
    }
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://example.com')).toBe('https://example.com/');
  });

  it('links bare and <bracketed> URLs, leaving trailing punctuation out', () => {
    expect(parseInline('see https://example.com/a.')).toEqual([
      text('see '),
      {
        type: 'link',
        href: 'https://example.com/a',
        raw: 'https://example.com/a',
        children: [text('https://example.com/a')],
      },
      text('.'),
    ]);
    expect(parseInline('<https://example.com/b>')).toEqual([
      {
        type: 'link',
        href: 'https://example.com/b',
        raw: 'https://example.com/b',
        children: [text('https://example.com/b')],
      },
    ]);
  });

  it('makes no links where links are off (inside a link, a title)', () => {
    expect(parseInline('[a](https://x.example) https://y.example', { links: false })).toEqual([
      text('[a](https://x.example) https://y.example'),
    ]);
  });
});

describe('block markdown', () => {
  it('shows code blocks as is, language line dropped, no formatting inside', () => {
    expect(parseMarkdown('before\n```js\nconst a = "**b**"; // <@1>\n```\nafter')).toEqual([
      para(text('before')),
      { type: 'codeblock', code: 'const a = "**b**"; // <@1>' },
      para(text('after')),
    ]);
    expect(parseMarkdown('```\n# not a heading\n> not a quote\n```')).toEqual([
      { type: 'codeblock', code: '# not a heading\n> not a quote' },
    ]);
  });

  it('quotes lines with > and everything after >>>', () => {
    expect(parseMarkdown('> one\n> two\nthree')).toEqual([
      { type: 'quote', children: [para(text('one\ntwo'))] },
      para(text('three')),
    ]);
    expect(parseMarkdown('intro\n>>> all\nof\nthis')).toEqual([
      para(text('intro')),
      { type: 'quote', children: [para(text('all\nof\nthis'))] },
    ]);
    expect(parseMarkdown('>no space')).toEqual([para(text('>no space'))]);
  });

  it('reads headings #, ## and ###, and subtext -#; #### and #word are text', () => {
    expect(parseMarkdown('# One\n## Two\n### Three')).toEqual([
      { type: 'heading', level: 1, children: [text('One')] },
      { type: 'heading', level: 2, children: [text('Two')] },
      { type: 'heading', level: 3, children: [text('Three')] },
    ]);
    expect(parseMarkdown('-# small **print**')).toEqual([
      { type: 'subtext', children: [text('small '), style('strong', text('print'))] },
    ]);
    expect(parseMarkdown('#### four\n#hashtag')).toEqual([para(text('#### four\n#hashtag'))]);
  });

  it('reads bulleted and numbered lists, keeping a numbered list’s start', () => {
    expect(parseMarkdown('- a\n* *b*')).toEqual([
      { type: 'list', ordered: false, start: 1, items: [[text('a')], [style('em', text('b'))]] },
    ]);
    expect(parseMarkdown('3. c\n4. d')).toEqual([
      { type: 'list', ordered: true, start: 3, items: [[text('c')], [text('d')]] },
    ]);
  });

  it('keeps line breaks and a trailing empty line inside a paragraph', () => {
    expect(parseMarkdown('a\n\nb')).toEqual([para(text('a\n\nb'))]);
    expect(parseMarkdown('a\n\n```x```')).toEqual([
      // The blank line before the block still shows: a line break, then an empty line.
      { type: 'paragraph', children: [text('a\n')], trailingBreak: true },
      { type: 'codeblock', code: 'x' },
    ]);
  });
});

describe('text from a message never becomes markup', () => {
  const attacks = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '**<b onmouseover=alert(1)>x</b>**',
    '> <iframe src="javascript:alert(1)">',
    '[<img src=x onerror=alert(1)>](https://example.com)',
    '`<svg onload=alert(1)>`',
  ];

  it.each(attacks)('%s stays text', (attack) => {
    const tree = nodes(parseMarkdown(attack));
    const kinds = new Set(tree.map((n) => n.type));
    for (const kind of kinds) {
      expect(['paragraph', 'quote', 'style', 'text', 'code', 'link']).toContain(kind);
    }
    // The tag is still there to read, as text (or code): nothing was dropped or interpreted.
    const shown = tree.map((n) => (n.type === 'text' ? n.text : n.type === 'code' ? n.code : '')).join('');
    expect(shown).toContain(attack.match(/<[a-z]+/)?.[0]);
    // A link only ever points at http(s).
    for (const n of tree) if (n.type === 'link') expect(n.href).toMatch(/^https?:\/\//);
  });

  it('has no node that carries HTML: only text, code, names and ids', () => {
    const tree = nodes(parseMarkdown('<img src=x onerror=alert(1)>'));
    expect(tree).toEqual([para(text('<img src=x onerror=alert(1)>')), text('<img src=x onerror=alert(1)>')]);
  });
});

import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { helpAnswer } from '../../src/render/help.js';

describe('helpAnswer', () => {
  const help = helpAnswer();
  const text = help.embeds?.[0]?.description ?? '';

  it('is private, never pings, and titled', () => {
    expect(help.ephemeral).toBe(true);
    expect(help.allowed_mentions).toEqual({ parse: [] });
    expect(help.embeds?.[0]?.title).toBe('Discussion guide');
  });
  it('mentions every other registered command by /name', () => {
    const names = commands.map((c) => c.data.name).filter((n) => n !== 'help');
    expect(names).toEqual(['quote', 'compare', 'prompt', 'summary', 'articles', 'article']);
    for (const name of names) expect(text, name).toContain(`**/${name}**`);
  });
  it('marks the teachers-only commands as such', () => {
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(`**/${name}**`)) ?? '';
    expect(line('prompt')).toContain('*teachers:*');
    expect(line('summary')).toContain('*teachers, inside a discussion thread:*');
    expect(line('article')).toContain('*teachers:*');
    expect(line('quote')).not.toContain('teachers');
  });
  it('lists /prompt’s options, and says where questions for articles outside every topic come from', () => {
    const line = text.split('\n').find((l) => l.startsWith('**/prompt**')) ?? '';
    for (const option of ['topic', 'article', 'level', 'thread', 'poll']) expect(line).toContain(option);
    expect(line).toContain('content/templates.yaml');
  });
});

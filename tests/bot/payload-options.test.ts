import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { editOptions, messageOptions, replyOptions } from '../../src/bot/payload-options.js';
import { finalize } from '../../src/render/payload.js';

describe('payload options with files', () => {
  const bytes = new TextEncoder().encode('name,answers\r\n');
  const p = finalize({
    ephemeral: true,
    content: 'Summary',
    files: [{ name: 'answers.csv', bytes, description: 'One row per student' }],
  });

  it('hands each file to discord.js as a Buffer with its name and description', () => {
    for (const options of [replyOptions(p), editOptions(p), messageOptions(p)]) {
      expect(options.files).toHaveLength(1);
      const [file] = options.files ?? [];
      expect(file).toMatchObject({ name: 'answers.csv', description: 'One row per student' });
      const attachment = (file as { attachment: unknown }).attachment;
      expect(Buffer.isBuffer(attachment)).toBe(true);
      expect((attachment as Buffer).toString('utf8')).toBe('name,answers\r\n');
    }
    expect(replyOptions(p).flags).toBe(MessageFlags.Ephemeral);
  });
  it('sends no files key when the payload has none', () => {
    expect('files' in replyOptions(finalize({ ephemeral: false, content: 'x' }))).toBe(false);
  });
});

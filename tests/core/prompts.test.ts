import { describe, expect, it } from 'vitest';
import { allPrompts, isPromptLevel, pickPrompt, promptById, usedPromptIds } from '../../src/core/prompts.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { tinyContent, TINY_TOPICS } from '../helpers/content.js';

const content = tinyContent([{ id: 'alpha', body: 'The gas pipeline and the bread.' }], TINY_TOPICS);
const index = createSearchIndex(content.passages.values());

/** A deterministic random sequence. */
function seq(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('isPromptLevel', () => {
  it('accepts the three Bloom levels only', () => {
    expect(['understand', 'analyze', 'evaluate'].every(isPromptLevel)).toBe(true);
    expect(isPromptLevel('remember')).toBe(false);
  });
});

describe('promptById', () => {
  it('finds a prompt by topic and level', () => {
    expect(promptById(content, 'gas:analyze')?.text).toBe('How do they differ on gas?');
    expect(promptById(content, 'gas:create')).toBeUndefined();
  });
});

describe('pickPrompt', () => {
  it('picks by topic and level, with the topic’s evidence', () => {
    const r = pickPrompt(content, index, { topicId: 'gas', level: 'evaluate' });
    expect(r.ok && r.pick.prompt.id).toBe('gas:evaluate');
    expect(r.ok && r.pick.evidence.topic?.id).toBe('gas');
    expect(r.ok && r.pick.evidence.perspectives[0]?.passages[0]?.passage.id).toBe('alpha#1');
  });
  it('rejects an unknown topic with a message listing the topics', () => {
    expect(pickPrompt(content, index, { topicId: 'nope' })).toEqual({
      ok: false,
      error: 'Unknown topic "nope". Topics: gas, bread.',
    });
  });
  it('never repeats until every prompt has been used, then starts over', () => {
    const used: string[] = [];
    const random = seq(0.99, 0, 0.5, 0.3, 0.7, 0.1);
    const total = allPrompts(content).length;
    for (let i = 0; i < total; i++) {
      const r = pickPrompt(content, index, { used, random });
      if (!r.ok) throw new Error(r.error);
      expect(used).not.toContain(r.pick.prompt.id);
      expect(r.pick.restarted).toBe(false);
      used.push(r.pick.prompt.id);
    }
    expect(new Set(used).size).toBe(total);
    const again = pickPrompt(content, index, { used, random });
    expect(again.ok && again.pick.restarted).toBe(true);
  });
  it('rotates within a level', () => {
    const r = pickPrompt(content, index, { level: 'analyze', used: ['gas:analyze'], random: seq(0) });
    expect(r.ok && r.pick.prompt.id).toBe('bread:analyze');
  });
});

describe('usedPromptIds', () => {
  it('reads the prompt ids from prompt footers and ignores every other embed and message', () => {
    expect(
      usedPromptIds([
        { embeds: [{ footer: { text: 'Prompt riyadh-talks:analyze' } }, { footer: { text: 'x#1 · x#2' } }] },
        { embeds: [] },
        { embeds: [{ footer: null }, {}] },
        {
          embeds: [{ footer: { text: 'Prompted by a teacher' } }, { footer: { text: 'id: sumner-riyadh' } }],
        },
        { embeds: [{ footer: { text: 'Prompt china-triangle:evaluate ' } }] },
      ]),
    ).toEqual(['riyadh-talks:analyze', 'china-triangle:evaluate']);
  });
});

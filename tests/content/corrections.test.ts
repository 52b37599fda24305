import { describe, expect, it } from 'vitest';
import { applyCorrections, bracketChanges } from '../../src/content/corrections.js';
import type { Correction } from '../../src/content/types.js';

const fix = (from: string, to: string, line = 1): Correction => ({ from, to, line });

describe('bracketChanges', () => {
  it('brackets only the words that changed', () => {
    expect(
      bracketChanges(
        'Jap European politics and worldwide relations',
        'Eastern European politics and international relations',
      ),
    ).toBe('[Eastern] European politics and [international] relations');
  });

  it('brackets a run of changed words once', () => {
    expect(bracketChanges('Individuals shouldn’t panic', 'People should not panic')).toBe(
      '[People should not] panic',
    );
  });

  it('leaves an unchanged phrase without brackets', () => {
    expect(bracketChanges('the same words', 'the same words')).toBe('the same words');
  });

  it('brackets a phrase that changed entirely', () => {
    expect(bracketChanges('land seize', 'territory grab')).toBe('[territory grab]');
  });

  it('keeps commas and other punctuation outside the brackets', () => {
    expect(
      bracketChanges(
        'Traditionally, because the Chilly Battle, there was',
        'Historically, since the Cold War, there has been',
      ),
    ).toBe('[Historically], [since] the [Cold War], there [has been]');
    expect(bracketChanges('arms management; area!', 'arms control; space!')).toBe('arms [control]; [space]!');
  });

  it('brackets inserted words', () => {
    expect(bracketChanges('the war', 'the long war')).toBe('the [long] war');
  });

  it('still leaves a visible bracket for a pure deletion in the middle', () => {
    // "learn" is dropped: the word before the gap is bracketed so the edit is not silent.
    expect(bracketChanges('on learn how to end', 'on how to end')).toBe('[on] how to end');
  });

  it('still leaves a visible bracket for a pure deletion at the start or end', () => {
    expect(bracketChanges('learn how to end', 'how to end')).toBe('[how] to end');
    expect(bracketChanges('how to end now', 'how to end')).toBe('how to [end]');
  });

  it('keeps the spacing of the intended wording', () => {
    expect(bracketChanges('a  b', 'a  c')).toBe('a  [c]');
  });

  it('property: removing the brackets gives back the intended wording exactly', () => {
    // A tiny deterministic generator (fast-check is not a dependency): a linear congruential generator.
    let seed = 20250219;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vocabulary = [
      'the',
      'war',
      'battle,',
      'U.S.',
      '“pals”',
      'end.',
      ';',
      'Russia',
      'a',
      'not',
      'talks!',
    ];
    const wordList = (): string => {
      const n = Math.floor(random() * 8);
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(vocabulary[Math.floor(random() * vocabulary.length)] ?? 'x');
      return out.join(random() < 0.8 ? ' ' : '  ');
    };
    let bracketed = 0;
    for (let run = 0; run < 2000; run++) {
      const from = wordList();
      const to = wordList();
      const shown = bracketChanges(from, to);
      expect(shown.replace(/[[\]]/g, ''), JSON.stringify({ from, to, shown })).toBe(to);
      // Brackets are balanced, never nested and never empty.
      expect(shown, JSON.stringify({ from, to })).toMatch(/^(?:[^[\]]|\[[^[\]]+\])*$/);
      if (shown.includes('[')) bracketed++;
    }
    // The generator really produced changes (the property is not vacuous).
    expect(bracketed).toBeGreaterThan(1000);
  });
});

describe('applyCorrections', () => {
  it('corrects every occurrence, keeping the rest of the source byte for byte', () => {
    const text = 'the gasoline pipeline\u00a0and  the “gasoline pipeline”.';
    const c = fix('gasoline pipeline', 'gas pipeline');
    const result = applyCorrections(text, [c]);
    expect(result.display).toBe('the [gas] pipeline\u00a0and  the “[gas] pipeline”.');
    expect(result.corrected).toBe('the gas pipeline\u00a0and  the “gas pipeline”.');
    expect(result.applied).toEqual([c]);
    expect(result.overlaps).toEqual([]);
  });

  it('applies several corrections in text order', () => {
    const a = fix('Jap European', 'Eastern European', 3);
    const b = fix('The Dialog U.S.', 'The Conversation U.S.', 4);
    const result = applyCorrections('An editor at The Dialog U.S. and a scholar of Jap European politics.', [
      a,
      b,
    ]);
    expect(result.display).toBe(
      'An editor at The [Conversation] U.S. and a scholar of [Eastern] European politics.',
    );
    expect(result.corrected).toBe(
      'An editor at The Conversation U.S. and a scholar of Eastern European politics.',
    );
    expect(result.applied).toEqual([b, a]);
  });

  it('returns the text unchanged when no correction applies', () => {
    const text = 'Nothing garbled here.';
    const result = applyCorrections(text, [fix('Chilly Battle', 'Cold War')]);
    expect(result).toEqual({ display: text, corrected: text, applied: [], overlaps: [] });
  });

  it('is case-sensitive and matches the garbled text exactly', () => {
    const result = applyCorrections('chilly battle', [fix('Chilly Battle', 'Cold War')]);
    expect(result.display).toBe('chilly battle');
  });

  it('reports overlapping corrections and keeps the earlier one', () => {
    const first = fix('Chilly Battle', 'Cold War', 7);
    const second = fix('Battle, there was', 'War, there has been', 9);
    const result = applyCorrections('since the Chilly Battle, there was a triangle', [first, second]);
    expect(result.overlaps).toEqual([{ a: first, b: second }]);
    expect(result.display).toBe('since the [Cold War], there was a triangle');
    expect(result.corrected).toBe('since the Cold War, there was a triangle');
    expect(result.applied).toEqual([first]);
  });

  it('prefers the longer of two corrections starting at the same place', () => {
    const short = fix('land', 'territory', 2);
    const long = fix('land seize', 'land grab', 3);
    const result = applyCorrections('a land seize', [short, long]);
    expect(result.display).toBe('a land [grab]');
    expect(result.overlaps).toEqual([{ a: long, b: short }]);
  });

  it('skips a correction with an empty garbled text', () => {
    const result = applyCorrections('text', [fix('', 'anything')]);
    expect(result.display).toBe('text');
    expect(result.applied).toEqual([]);
  });
});

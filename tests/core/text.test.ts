import { describe, expect, it } from 'vitest';
import {
  foldTypography,
  indexTerms,
  normalizeWord,
  phraseForm,
  STOP_WORDS,
  textTerms,
  words,
} from '../../src/core/text.js';

describe('foldTypography', () => {
  it('folds curly quotes, dashes and invisible characters', () => {
    expect(foldTypography('“Trump’s”—\u200Bdeal')).toBe('"Trump\'s"-deal');
  });
});

describe('words', () => {
  it('keeps offsets, inner apostrophes and dotted abbreviations', () => {
    const text = 'The U.S. doesn’t care.';
    const ws = words(text);
    expect(ws.map((w) => w.word)).toEqual(['The', 'U.S.', 'doesn’t', 'care']);
    for (const w of ws) expect(text.slice(w.start, w.end)).toBe(w.word);
  });
});

describe('normalizeWord', () => {
  it('maps the country to one token and drops the pronoun', () => {
    expect(normalizeWord('U.S.')).toBe('usa');
    expect(normalizeWord('US')).toBe('usa');
    expect(normalizeWord('us')).toBeNull();
  });
  it('drops possessives and stop words but keeps negations', () => {
    expect(normalizeWord('Trump’s')).toBe('trump');
    expect(normalizeWord('the')).toBeNull();
    expect(normalizeWord('not')).toBe('not');
    expect(STOP_WORDS.has('never')).toBe(false);
  });
});

describe('indexTerms', () => {
  it('indexes the stem and the unstemmed word', () => {
    expect(indexTerms('negotiations')).toEqual(['negoti', 'negotiations']);
    expect(indexTerms('Kyiv')).toEqual(['kyiv']);
    expect(indexTerms('2019')).toEqual(['2019']);
    expect(indexTerms('and')).toEqual([]);
  });
  it('gives inflected forms a common stem', () => {
    expect(textTerms('sanctions sanctioned')).toContain('sanction');
    expect(indexTerms('sanctioned')[0]).toBe(indexTerms('sanctions')[0]);
  });
});

describe('phraseForm', () => {
  it('ignores case, punctuation and quote style', () => {
    expect(phraseForm('“The fight is here,” said')).toBe(' the fight is here said ');
    expect(phraseForm('Trump’s')).toBe(phraseForm("TRUMP'S"));
  });
});

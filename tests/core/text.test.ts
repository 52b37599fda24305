import { describe, expect, it } from 'vitest';
import {
  foldTypography,
  indexTerms,
  normalizeWord,
  phraseForm,
  STOP_WORDS,
  textTerms,
  wordList,
  words,
} from '../../src/core/text.js';

/** Texts where the ASCII shortcuts (wordList, phraseForm, foldTypography) must agree with the general path. */
const MIXED_TEXTS = [
  '',
  '  ...  ',
  "The U.S. and e.g. x.y.z. said don`t; O'Neil's 'quoted' 2024-25 a.b",
  'rock’n’roll İstanbul Straße ÉCOLE ß ﬁne ２０２４ Київ',
  'zero\u200bwidth soft\u00adhyphen — dash',
];

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

  it('reads a backtick as an apostrophe, drops the dots of an abbreviation, and is two spaces for no words', () => {
    expect(phraseForm("Don`t tell the U.S. it's O.K.")).toBe(' dont tell the us its ok ');
    expect(phraseForm(' -- ')).toBe('  ');
  });

  it('is what the words of the folded text give, lower-cased, with or without non-ASCII letters', () => {
    for (const text of MIXED_TEXTS) {
      const general = words(foldTypography(text)).map((w) => w.word.toLowerCase().replace(/['.]/g, ''));
      expect(phraseForm(text)).toBe(` ${general.join(' ')} `);
      expect(phraseForm(`${text} é`)).toBe(` ${[...general, 'é'].join(' ')} `);
    }
  });
});

describe('wordList', () => {
  it('is the words as written, without offsets, for ASCII and other text alike', () => {
    for (const text of MIXED_TEXTS) expect(wordList(text)).toEqual(words(text).map((w) => w.word));
    expect(wordList("U.S. don`t O'Neil's 2024")).toEqual(['U.S.', 'don', 't', "O'Neil's", '2024']);
  });
});

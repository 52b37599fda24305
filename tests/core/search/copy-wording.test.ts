import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { copyPhrasesIn, copyPhrasesOf } from '../../../src/core/search/copy-wording.js';
import { tinyContent } from '../../helpers/content.js';
import { GARBLED } from '../../helpers/copy-wording.js';

const content = tinyContent([GARBLED]);
const index = createSearchIndex(content.passages.values(), content.articles);

describe('copyPhrasesOf / copyPhrasesIn', () => {
  it('lists each correction with the passages where it applies', () => {
    expect(copyPhrasesOf(content.passages.values(), content.articles)).toEqual([
      expect.objectContaining({ from: 'which alerts', shown: 'which [signals]', passageIds: ['garbled#1'] }),
      expect.objectContaining({ from: 'equally', shown: '[appear similarly]', passageIds: ['garbled#2'] }),
      expect.objectContaining({ from: 'gasoline', shown: '[gas]', passageIds: ['garbled#5'] }),
    ]);
    expect(copyPhrasesOf(content.passages.values(), [])).toEqual([]);
  });
  it('finds a phrase only whole, in any case and typography', () => {
    expect(copyPhrasesIn(index, 'WHICH  Alerts!').map((c) => c.from)).toEqual(['which alerts']);
    expect(copyPhrasesIn(index, 'which alert')).toEqual([]);
    expect(copyPhrasesIn(index, 'equality')).toEqual([]);
    expect(copyPhrasesIn(index, '')).toEqual([]);
  });
});

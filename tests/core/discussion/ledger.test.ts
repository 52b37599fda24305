import { describe, expect, it } from 'vitest';
import { modeCode, modeFromCode, tidyDraft, type AnswerRecord } from '../../../src/core/discussion/answer.js';
import {
  compareIds,
  decodeEntry,
  encodeEntry,
  readLedger,
  standing,
} from '../../../src/core/discussion/ledger.js';
import {
  assignPseudonyms,
  pseudonymNumber,
  PSEUDONYM_RANGE,
} from '../../../src/core/discussion/pseudonym.js';

const record: AnswerRecord = {
  promptMessageId: '1280074737254400001',
  userId: '1280074737262788608',
  userName: 'Alex',
  draft: {
    answer: 'It is ```json\n{"v":1}\n``` and "quotes" \\ <@1>',
    evidence: 'river floods',
    reasoning: 'Line one\nline two',
  },
  passageId: 'baker-winter#10',
  sideArticleId: 'baker-winter',
  postedAt: '2026-11-29T18:00:00.000Z',
  pseudonym: 'Student 7',
};

describe('the ledger codec', () => {
  it('round-trips an answer, even one holding code fences and quotes', () => {
    expect(decodeEntry(encodeEntry({ kind: 'answer', record }))).toEqual({ kind: 'answer', record });
    const withdrawn = { ...record, withdrawn: true, cardMessageId: '1280074737254400009' };
    expect(decodeEntry(encodeEntry({ kind: 'answer', record: withdrawn }))).toEqual({
      kind: 'answer',
      record: withdrawn,
    });
  });

  it('round-trips a header', () => {
    const header = {
      promptMessageId: '12',
      channelId: '34',
      mode: { postFirst: true, anonymous: true },
      revealed: false,
    };
    expect(decodeEntry(encodeEntry({ kind: 'header', header }))).toEqual({ kind: 'header', header });
  });

  it('reads anything else as nothing: no fence, bad JSON, wrong version, missing or wrong fields', () => {
    const wrap = (o: unknown) => '```json\n' + JSON.stringify(o) + '\n```';
    const good = JSON.parse(encodeEntry({ kind: 'answer', record }).slice(8, -4)) as Record<string, unknown>;
    expect(decodeEntry(undefined)).toBeUndefined();
    expect(decodeEntry('hello')).toBeUndefined();
    expect(decodeEntry('```json\n{not json\n```')).toBeUndefined();
    expect(decodeEntry(wrap({ ...good, v: 2 }))).toBeUndefined();
    expect(decodeEntry(wrap({ ...good, kind: 'other' }))).toBeUndefined();
    expect(decodeEntry(wrap({ ...good, userId: 'alex' }))).toBeUndefined();
    expect(decodeEntry(wrap({ ...good, draft: { answer: '  ' } }))).toBeUndefined();
    expect(decodeEntry(wrap({ ...good, postedAt: 'yesterday' }))).toBeUndefined();
    expect(decodeEntry(wrap([good]))).toBeUndefined();
    // Optional fields of the wrong type are dropped, not trusted.
    const odd = decodeEntry(wrap({ ...good, passageId: 5, cardMessageId: 'x', withdrawn: 'yes' }));
    expect(odd?.kind === 'answer' && odd.record).toMatchObject({ userId: record.userId });
    expect(
      odd?.kind === 'answer' && [odd.record.passageId, odd.record.cardMessageId, odd.record.withdrawn],
    ).toEqual([undefined, undefined, undefined]);
  });

  it('reads a ledger in id order, skipping foreign messages, with the first header', () => {
    const a = { ...record, draft: { ...record.draft, answer: 'A' } };
    const b = { ...record, draft: { ...record.draft, answer: 'B' }, withdrawn: true };
    const header = {
      promptMessageId: '12',
      channelId: '34',
      mode: { postFirst: false, anonymous: false },
      revealed: false,
    };
    const ledger = readLedger([
      { id: '100', text: encodeEntry({ kind: 'answer', record: b }) },
      { id: '99', text: encodeEntry({ kind: 'answer', record: a }) },
      { id: '9', text: encodeEntry({ kind: 'header', header }) },
      { id: '101', text: 'a note from a teacher' },
    ]);
    expect(ledger.header?.messageId).toBe('9');
    expect(ledger.answers.map((x) => x.record.draft.answer)).toEqual(['A', 'B']);
    expect(standing(ledger).map((x) => x.messageId)).toEqual(['99']);
    expect(compareIds('99', '100')).toBeLessThan(0);
  });
});

describe('pseudonyms', () => {
  it('are stable within a prompt, differ between prompts, and depend on the secret', () => {
    const users = Array.from({ length: 20 }, (_, n) => String(1280074737262788608n + BigInt(n)));
    const on = (secret: string, prompt: string) => users.map((u) => pseudonymNumber(secret, prompt, u));
    expect(on('s1', '111')).toEqual(on('s1', '111'));
    expect(on('s1', '111')).not.toEqual(on('s1', '222'));
    expect(on('s1', '111')).not.toEqual(on('s2', '111'));
    for (const n of on('s1', '111')) expect(n >= 1 && n <= PSEUDONYM_RANGE).toBe(true);
  });

  it('resolve collisions by the ledger’s order: the earlier writer keeps the number', () => {
    const users = Array.from({ length: 150 }, (_, n) => ({ userId: String(1000 + n) }));
    const names = assignPseudonyms('secret', '111', users);
    expect(new Set(names.values()).size).toBe(150);
    // The first writer always gets their own number; a repeat writer keeps theirs.
    expect(names.get('1000')).toBe(`Student ${pseudonymNumber('secret', '111', '1000')}`);
    const again = assignPseudonyms('secret', '111', [...users, { userId: '1000' }]);
    expect(again).toEqual(names);
    // Adding a later writer never moves an earlier one.
    const fewer = assignPseudonyms('secret', '111', users.slice(0, 40));
    for (const [u, name] of fewer) expect(names.get(u)).toBe(name);
  });
});

describe('modes and drafts', () => {
  it('codes every mode in one character and back; anything else is open', () => {
    for (const postFirst of [false, true])
      for (const anonymous of [false, true])
        expect(modeFromCode(modeCode({ postFirst, anonymous }))).toEqual({ postFirst, anonymous });
    expect(modeFromCode('9')).toEqual({ postFirst: false, anonymous: false });
  });

  it('tidies a draft: trimmed, control characters but line breaks dropped, within limits', () => {
    expect(tidyDraft({ answer: '  a\u0000b\nc\t ', evidence: 'x'.repeat(300), reasoning: '' })).toEqual({
      answer: 'ab\nc',
      evidence: 'x'.repeat(200),
      reasoning: '',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { evidenceOf, summarizeAnswers } from '../../../src/core/discussion/summary.js';
import { ANN, BOB, CAT, answer, classAnswers, content } from '../../helpers/answers.js';

describe('evidenceOf', () => {
  it('tells resolved, unmatched, missing and no evidence apart', () => {
    expect(evidenceOf(answer(ANN, 'Ann', { evidence: ' First ', passageId: 'alpha#1' }), content)).toEqual({
      status: 'resolved',
      typed: 'First',
      passageId: 'alpha#1',
      articleId: 'alpha',
    });
    expect(evidenceOf(answer(ANN, 'Ann', { evidence: 'zzz' }), content)).toEqual({
      status: 'unmatched',
      typed: 'zzz',
    });
    expect(evidenceOf(answer(ANN, 'Ann', { passageId: 'gamma#1' }), content)).toEqual({
      status: 'missing',
      typed: '',
      passageId: 'gamma#1',
    });
    expect(evidenceOf(answer(ANN, 'Ann', { evidence: '  ' }), content)).toEqual({
      status: 'none',
      typed: '',
    });
  });
});

describe('summarizeAnswers', () => {
  const s = summarizeAnswers(classAnswers(), content);

  it('lists every student by name, withdrawn answers counted apart', () => {
    expect(s.students.map((st) => [st.userName, st.answers.length, st.withdrawn])).toEqual([
      ['Ann', 3, 0],
      ['Bob', 3, 0],
      ['Cat', 0, 1],
    ]);
    expect(s.totalAnswers).toBe(6);
    expect(s.totalWithdrawn).toBe(1);
  });
  it('counts evidence given and evidence that resolved to a passage the content has', () => {
    const [ann, bob, cat] = s.students;
    expect([ann?.withEvidence, ann?.resolvedEvidence, ann?.articlesCited]).toEqual([3, 3, ['alpha']]);
    expect([bob?.withEvidence, bob?.resolvedEvidence, bob?.articlesCited]).toEqual([3, 1, ['beta']]);
    expect(bob?.answers.map((a) => a.evidence.status)).toEqual(['resolved', 'missing', 'unmatched']);
    expect([cat?.withEvidence, cat?.resolvedEvidence, cat?.articlesCited]).toEqual([0, 0, []]);
  });
  it('counts evidence and sides per article, most evidence first', () => {
    expect(s.articles).toEqual([
      { articleId: 'alpha', evidence: 3, sides: 2, known: true },
      { articleId: 'beta', evidence: 1, sides: 1, known: true },
    ]);
    expect(s.noSide).toBe(3);
  });
  it('lists the passages cited most, with how many students cited each', () => {
    expect(s.mostCited).toEqual([
      { passageId: 'alpha#1', articleId: 'alpha', count: 2, students: 1 },
      { passageId: 'alpha#2', articleId: 'alpha', count: 1, students: 1 },
      { passageId: 'beta#1', articleId: 'beta', count: 1, students: 1 },
    ]);
    expect(summarizeAnswers(classAnswers(), content, 1).mostCited.map((p) => p.passageId)).toEqual([
      'alpha#1',
    ]);
  });
  it('leaves a withdrawn answer’s evidence and side out of the counts', () => {
    const only = summarizeAnswers(
      [answer(ANN, 'Ann', { passageId: 'alpha#1', sideArticleId: 'alpha', withdrawn: true })],
      content,
    );
    expect(only.articles).toEqual([]);
    expect(only.mostCited).toEqual([]);
    expect(only.students[0]?.withdrawn).toBe(1);
  });
  it('keeps each pseudonym once, and the name of the latest answer', () => {
    const out = summarizeAnswers(
      [
        answer(ANN, 'Ann B.', { pseudonym: 'Student 3', postedAt: '2026-11-29T10:00:00.000Z' }),
        answer(ANN, 'Ann', { pseudonym: 'Student 3', postedAt: '2026-11-29T09:00:00.000Z' }),
        answer(ANN, 'Ann B.', {
          pseudonym: 'Student 8',
          promptMessageId: '6',
          postedAt: '2026-11-29T11:00:00.000Z',
        }),
      ],
      content,
    );
    expect(out.students).toHaveLength(1);
    expect(out.students[0]?.userName).toBe('Ann B.');
    expect(out.students[0]?.pseudonyms).toEqual(['Student 3', 'Student 8']);
    expect(out.students[0]?.answers.map((a) => a.postedAt.slice(11, 13))).toEqual(['09', '10', '11']);
  });
  it('names a side the content no longer has as unknown, after the known ones', () => {
    const out = summarizeAnswers(
      [answer(BOB, 'Bob', { sideArticleId: 'gone' }), answer(CAT, 'Cat', { sideArticleId: 'beta' })],
      content,
    );
    expect(out.articles).toEqual([
      { articleId: 'beta', evidence: 0, sides: 1, known: true },
      { articleId: 'gone', evidence: 0, sides: 1, known: false },
    ]);
  });
  it('is empty for no answers', () => {
    expect(summarizeAnswers([], content)).toEqual({
      students: [],
      articles: [],
      mostCited: [],
      totalAnswers: 0,
      totalWithdrawn: 0,
      noSide: 0,
    });
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tidyDraft } from '../../src/core/discussion/answer.js';
import { resolveEvidence } from '../../src/core/discussion/evidence.js';
import { cardPayload, countLine, ledgerAnswerLine } from '../../src/render/answer-card.js';
import { previewPayload, readPreview, respondModal, type PreviewInput } from '../../src/render/answer.js';
import { escapeAll, unescapeAll } from '../../src/render/markdown.js';
import { manyLibrary, type ManyLibrary } from '../helpers/many-library.js';
import { expectWithinDiscordLimits, mentionsIn } from '../helpers/payload.js';
import { anyText } from '../helpers/text.js';

let many: ManyLibrary;
beforeAll(async () => {
  many = await manyLibrary();
});
afterAll(() => {
  many.remove();
});

const place = { ledgerId: '1280074737254400001', mode: '3', promptMessageId: '1280074737254400002' };
const FLOODS = ['baker-winter', 'garcia-farms'];

function input(draft: { answer: string; evidence: string; reasoning: string }): PreviewInput {
  const core = many.library;
  const evidence = resolveEvidence(core, draft.evidence, FLOODS);
  const first = evidence.kind === 'found' ? evidence.hits[0] : undefined;
  const article = first && core.content.articleById.get(first.passage.articleId);
  return {
    place,
    state: { draft, ...(first && { passageId: first.passage.id }), sideArticleId: 'garcia-farms' },
    evidence,
    ...(first && article && { chosen: { article, passage: first.passage, matched: first.matched } }),
    sides: FLOODS.flatMap((id) => core.content.articleById.get(id) ?? []),
    articleShort: (id) => core.content.articleById.get(id)?.short ?? id,
  };
}

describe('escapeAll', () => {
  it('gives back exactly what it escaped, and leaves no markdown or mention live', () => {
    fc.assert(
      fc.property(anyText(200), (text) => {
        expect(unescapeAll(escapeAll(text))).toBe(text);
        expect(escapeAll(text)).not.toMatch(/(?<!\\)[*_`~|<>[\]]/);
      }),
    );
  });
});

describe('the preview keeps the draft in itself', () => {
  it('reads back every draft exactly, within Discord’s limits, whatever was typed', () => {
    fc.assert(
      fc.property(anyText(1000), anyText(200), anyText(500), (answer, evidence, reasoning) => {
        const draft = tidyDraft({ answer, evidence, reasoning });
        fc.pre(draft.answer !== '');
        const payload = previewPayload(input(draft));
        expectWithinDiscordLimits(payload);
        expect(mentionsIn(payload)).toEqual([]);
        expect(readPreview(payload.embeds ?? [])?.draft).toEqual(draft);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the chosen passage and side, and reads a worst-case draft back even with a long passage', () => {
    const draft = {
      answer: '*'.repeat(1000),
      evidence: 'river floods lower streets',
      reasoning: '<'.repeat(500),
    };
    const payload = previewPayload(input(draft));
    expectWithinDiscordLimits(payload);
    const state = readPreview(payload.embeds ?? []);
    expect(state?.draft).toEqual(draft);
    expect(FLOODS).toContain(state?.passageId?.split('#')[0]);
    expect(state?.sideArticleId).toBe('garcia-farms');
    expect(readPreview([{ title: 'something else', description: 'x' }])).toBeUndefined();
  });

  it('says when the evidence matched nothing, attaching no passage and offering no matches', () => {
    const payload = previewPayload(input({ answer: 'a', evidence: 'school meals pupils', reasoning: '' }));
    expect(JSON.stringify(payload)).toContain('No passage of this prompt’s articles matches');
    expect(JSON.stringify(payload.components)).not.toContain('prompt|pick|');
  });

  it('the modal is prefilled when editing, with Discord’s field limits', () => {
    const modal = respondModal(
      place,
      { answer: 1000, evidence: 200, reasoning: 500 },
      { answer: 'A', evidence: 'E', reasoning: 'R' },
    );
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(JSON.stringify(modal)).toContain('"value":"A"');
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
  });
});

describe('cards and ledger lines', () => {
  it('a card escapes the answer, names only its byline, and pings no one', () => {
    const record = {
      promptMessageId: place.promptMessageId,
      userId: '1280074737262788608',
      userName: 'Alex',
      draft: { answer: '@everyone <@1> **bold**', evidence: 'nothing like it', reasoning: '' },
      postedAt: '2026-11-29T18:00:00.000Z',
    };
    const card = cardPayload({
      record,
      byline: 'Student 4',
      ledgerId: place.ledgerId,
      ledgerMessageId: '99',
    });
    expectWithinDiscordLimits(card);
    expect(mentionsIn(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).not.toContain('Alex');
    expect(text).not.toContain(record.userId);
    expect(text).toContain('matched no passage');
    expect(ledgerAnswerLine(record, 'Student 4')).toContain(`<@${record.userId}>`);
    expect(countLine(1, false)).toContain('1 answer in');
    expect(countLine(3, true)).toContain('3 answers revealed');
  });
});

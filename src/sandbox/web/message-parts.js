// @ts-check
/**
 * The parts of a message below its text: embeds, buttons, select menus (select-menu.js) and polls
 * (voting and clicking included).
 */
import { clearError, post, refresh, showError } from './api.js';
import { append, h, icon } from './dom.js';
import { safeUrl } from './inline.js';
import { link, renderInline, renderMarkdown, sandboxTarget } from './markdown-dom.js';
import { renderSelect } from './select-menu.js';
import { channelHref, store } from './state.js';
import { longishTime } from './time.js';

/** @typedef {import('./types.js').Message} Message */
/** @typedef {import('./types.js').Embed} Embed */
/** @typedef {import('./types.js').Button} Button */
/** @typedef {NonNullable<Embed['fields']>} Fields */

/** @type {Record<number, string>} */
const BUTTON_STYLE = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

/** @param {Embed} e */
export function renderEmbed(e) {
  const el = h('div', { class: 'embed', 'data-testid': 'embed' });
  if (typeof e.color === 'number') {
    el.style.setProperty('--embed-color', `#${(e.color & 0xffffff).toString(16).padStart(6, '0')}`);
  }
  const titleUrl = e.url && safeUrl(e.url);
  const authorUrl = e.author?.url && safeUrl(e.author.url);
  append(el, [
    e.author?.name
      ? h('div', { class: 'embed-author' }, authorUrl ? link(authorUrl, e.author.name) : e.author.name)
      : null,
    e.title
      ? h(
          'div',
          { class: 'embed-title' },
          titleUrl
            ? link(titleUrl, renderInline(e.title, { links: false }))
            : renderInline(e.title, { links: false }),
        )
      : null,
    e.description ? h('div', { class: 'embed-description markdown' }, renderMarkdown(e.description)) : null,
    e.fields?.length ? renderFields(e.fields) : null,
    e.footer?.text || e.timestamp
      ? h(
          'div',
          { class: 'embed-footer' },
          e.footer?.text ?? '',
          e.footer?.text && e.timestamp ? ' • ' : '',
          e.timestamp ? longishTime(e.timestamp) : '',
        )
      : null,
  ]);
  return el;
}

/**
 * Fields on a 12-column grid: up to three inline fields share a row, others take a whole row.
 * @param {Fields} fields
 */
function renderFields(fields) {
  const grid = h('div', { class: 'embed-fields' });
  /** @type {HTMLElement[]} */
  let row = [];
  const flush = () => {
    const span = 12 / row.length;
    row.forEach((el, k) => {
      el.style.gridColumn = `${1 + k * span} / ${1 + (k + 1) * span}`;
    });
    row = [];
  };
  for (const field of fields) {
    const el = h(
      'div',
      { class: 'embed-field' },
      h('div', { class: 'embed-field-name' }, renderInline(field.name, { links: false })),
      h('div', { class: 'embed-field-value markdown' }, renderMarkdown(field.value)),
    );
    grid.append(el);
    if (field.inline) {
      row.push(el);
      if (row.length === 3) flush();
    } else {
      if (row.length) flush();
      el.style.gridColumn = '1 / 13';
    }
  }
  if (row.length) flush();
  return grid;
}

// Buttons

/** @param {Message} m */
export function renderComponents(m) {
  const rows = (m.components ?? []).filter((r) => r.type === 1);
  if (rows.length === 0) return null;
  return h(
    'div',
    { class: 'components' },
    rows.map((r) =>
      h(
        'div',
        { class: 'action-row' },
        r.components.map((c) =>
          c.type === 2
            ? renderButton(m, /** @type {Button} */ (c))
            : c.type === 3
              ? renderSelect(m, c)
              : null,
        ),
      ),
    ),
  );
}

/**
 * @param {Message} m
 * @param {Button} c
 */
function renderButton(m, c) {
  const label = c.label ?? '';
  const style = BUTTON_STYLE[c.style] ?? 'secondary';
  const content = [c.emoji?.name ? h('span', { class: 'button-emoji' }, c.emoji.name) : null, label];
  const testid = `button-${label || c.emoji?.name || ''}`;
  if (c.style === 5) {
    const url = safeUrl(c.url);
    const inside = sandboxTarget(url);
    const href = inside ? channelHref(inside.channelId, inside.messageId) : url;
    return h(
      'a',
      {
        class: `button ${style}${c.disabled || !href ? ' disabled' : ''}`,
        href: c.disabled ? null : href,
        target: inside ? null : '_blank',
        rel: inside ? null : 'noopener noreferrer',
        'data-testid': testid,
        'aria-disabled': c.disabled ? 'true' : null,
      },
      content,
      inside ? null : icon('external', 14),
    );
  }
  const button = h(
    'button',
    { type: 'button', class: `button ${style}`, disabled: !!c.disabled, 'data-testid': testid },
    content,
  );
  button.addEventListener('click', () => void clickButton(m, c, button));
  return button;
}

/**
 * @param {Message} m
 * @param {import('discord-api-types/v10').APIButtonComponentWithCustomId} c
 * @param {HTMLButtonElement} button
 */
async function clickButton(m, c, button) {
  button.disabled = true;
  button.classList.add('pending');
  clearError();
  const result = await post('/api/button', {
    user: store.user,
    channel: store.channel,
    messageId: m.id,
    customId: c.custom_id,
  });
  button.disabled = !!c.disabled;
  button.classList.remove('pending');
  if (!result.ok) showError(result.error);
  else void refresh();
}

// Polls

/**
 * @param {Message} m
 * @param {NonNullable<Message['poll']>} poll
 */
export function renderPoll(m, poll) {
  const counts = new Map((poll.results?.answer_counts ?? []).map((a) => [a.id, a]));
  const total = [...counts.values()].reduce((n, a) => n + a.count, 0);
  const expired = poll.expiry && Date.parse(poll.expiry) < Date.now();
  const closed = poll.results?.is_finalized || expired;
  return h(
    'div',
    { class: 'poll', 'data-testid': 'poll' },
    h('div', { class: 'poll-question' }, poll.question.text ?? ''),
    h(
      'div',
      { class: 'poll-hint' },
      poll.allow_multiselect ? 'Select one or more answers' : 'Select one answer',
    ),
    h(
      'div',
      { class: 'poll-answers' },
      poll.answers.map((a) => {
        const result = counts.get(a.answer_id);
        const count = result?.count ?? 0;
        const mine = result?.me_voted === true;
        const percent = total > 0 ? Math.round((count / total) * 100) : 0;
        const answer = h(
          'button',
          {
            type: 'button',
            class: `poll-answer${mine ? ' voted' : ''}`,
            'data-testid': 'poll-answer',
            'data-answer-id': a.answer_id,
            'aria-pressed': mine ? 'true' : 'false',
            disabled: !!closed,
          },
          h('span', { class: 'poll-bar', 'aria-hidden': 'true' }),
          h(
            'span',
            { class: 'poll-text' },
            a.poll_media.emoji?.name ? `${a.poll_media.emoji.name} ` : '',
            a.poll_media.text ?? '',
          ),
          h('span', { class: 'poll-count' }, `${count} ${count === 1 ? 'vote' : 'votes'} · ${percent}%`),
          h('span', { class: 'poll-check', 'aria-hidden': 'true' }, mine ? icon('check', 14) : null),
        );
        answer.style.setProperty('--poll-percent', `${percent}%`);
        answer.addEventListener('click', () => void vote(m, a.answer_id));
        return answer;
      }),
    ),
    h(
      'div',
      { class: 'poll-footer' },
      `${total} ${total === 1 ? 'vote' : 'votes'}`,
      closed ? ' · Poll closed' : poll.expiry ? ` · ${pollTimeLeft(poll.expiry)}` : '',
    ),
  );
}

/** @param {string} expiry */
function pollTimeLeft(expiry) {
  const hours = Math.max(0, Math.round((Date.parse(expiry) - Date.now()) / 3600000));
  return hours >= 1 ? `${hours}h left` : 'less than an hour left';
}

/**
 * @param {Message} m
 * @param {number} answerId
 */
async function vote(m, answerId) {
  clearError();
  const result = await post('/api/vote', { user: store.user, messageId: m.id, answerId });
  if (!result.ok) {
    showError(result.error);
    return;
  }
  void refresh();
}

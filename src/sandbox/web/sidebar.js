// @ts-check
/** The sidebar (channels and threads, who is acting), the channel header and the content problems. */
import { $, h, icon } from './dom.js';
import { channelById, channelHref, isThread, shown, store } from './state.js';

/** @typedef {import('./types.js').Channel} Channel */
/** @typedef {import('./types.js').User} User */

let sidebarKey = '';

export function renderSidebar() {
  const { guild, channels, users } = shown();
  $('guild-name').textContent = guild.name;

  const key = JSON.stringify([channels, store.channel]);
  if (key !== sidebarKey) {
    sidebarKey = key;
    const list = $('channel-list');
    const tops = channels.filter((c) => !isThread(c));
    const threads = channels.filter(isThread);
    const known = new Set(tops.map((c) => c.id));
    const items = [];
    for (const channel of tops) {
      items.push(channelEntry(channel));
      for (const thread of threads.filter((t) => t.parentId === channel.id)) items.push(channelEntry(thread));
    }
    // Threads whose parent is not listed still get an entry.
    for (const thread of threads.filter((t) => !known.has(t.parentId ?? '')))
      items.push(channelEntry(thread));
    list.replaceChildren(
      h('div', { class: 'channel-category', id: 'channels-heading' }, 'Text channels'),
      h('ul', { class: 'channels', 'aria-labelledby': 'channels-heading' }, items),
    );
  }
  renderUserSelect(users);
}

/** @param {Channel} channel */
function channelEntry(channel) {
  const selected = channel.id === store.channel;
  const thread = isThread(channel);
  return h(
    'li',
    { class: thread ? 'thread-item' : null },
    h(
      'a',
      {
        class: `channel${thread ? ' thread' : ''}${selected ? ' selected' : ''}`,
        href: channelHref(channel.id),
        'data-testid': `channel-${channel.name}`,
        'data-channel-id': channel.id,
        'aria-current': selected ? 'page' : null,
        title: channel.name,
      },
      thread ? icon('thread', 18) : icon('hash', 20),
      h('span', { class: 'channel-name' }, channel.name),
      // A private thread (type 12): only its members and teachers see it listed.
      channel.type === 12
        ? h(
            'span',
            { class: 'channel-private', title: 'Private thread', 'data-testid': 'private-thread' },
            icon('lock', 14),
          )
        : null,
    ),
  );
}

let usersKey = '';

/** @param {User[]} users */
function renderUserSelect(users) {
  const select = $('user-select', HTMLSelectElement);
  const key = JSON.stringify(users);
  if (key !== usersKey) {
    usersKey = key;
    select.replaceChildren(
      ...users.map((u) => h('option', { value: u.key }, u.teacher ? `${u.name} (teacher)` : u.name)),
    );
  }
  select.value = store.user;
}

export function renderHeader() {
  const channel = channelById(store.channel);
  const parent = channel?.parentId ? channelById(channel.parentId) : undefined;
  const name = channel?.name ?? '';
  $('channel-icon').replaceChildren(isThread(channel) ? icon('thread', 22) : icon('hash', 24));
  $('channel-title').textContent = name;
  $('channel-parent').textContent = parent ? `in #${parent.name}` : '';
  document.title = `${isThread(channel) ? '' : '#'}${name} · ${shown().guild.name} · Sandbox`;
}

export function renderProblems() {
  const problems = shown().problems;
  const el = $('problems');
  el.hidden = problems.length === 0;
  if (problems.length === 0) {
    el.replaceChildren();
    return;
  }
  el.replaceChildren(
    h(
      'div',
      { class: 'problems-title' },
      icon('warning', 18),
      h(
        'strong',
        {},
        `The content has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}.`,
      ),
      ' The bot keeps serving the last good content until it is fixed (save the file again).',
    ),
    h(
      'ul',
      { class: 'problems-list' },
      problems.map((p) => h('li', {}, h('code', {}, p))),
    ),
  );
}

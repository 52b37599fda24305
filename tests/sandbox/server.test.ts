/**
 * The sandbox as `npm start` runs it without a token: what it prints, the page's files, and the
 * local API the page uses, driven over loopback against the real bot and the stand-in.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realLibrary } from '../helpers/content.js';
import { startSandboxProcess, type SandboxProcess } from './process.js';

/** A passage of the content under test and its longest word, to search for. */
async function somePassage(): Promise<{ id: string; word: string; articleId: string }> {
  const { content } = await realLibrary();
  const [p] = content.passages.values();
  if (!p) throw new Error('no passage');
  const words = p.text.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length);
  return { id: p.id, word: words[0] ?? '', articleId: p.articleId };
}

interface Poll {
  answers: { answer_id: number; poll_media: { text?: string } }[];
  results?: { answer_counts: { id: number; count: number; me_voted: boolean }[] };
}
interface Message {
  id: string;
  content: string;
  flags?: number;
  author: { id: string };
  embeds: { title?: string; description?: string }[];
  poll?: Poll;
}
interface State {
  users: { key: string; id: string; teacher: boolean }[];
  channels: { id: string; name: string }[];
  commands: { name: string; teacherOnly: boolean }[];
  messages: Message[];
  older: boolean;
  problems: string[];
}

/**
 * One HTTP request over loopback with exactly these headers (fetch would set its own Host and Origin),
 * as a browser on another site, or a DNS-rebinding page, would send it.
 */
function raw(
  method: string,
  route: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const { port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: route, headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls an async condition every 25 ms. */
async function waitUntil(probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let sandbox: SandboxProcess;
beforeAll(async () => {
  sandbox = await startSandboxProcess();
});
afterAll(async () => {
  expect(await sandbox.stop()).toBe(0);
});

async function state(user: string, channel = 'general'): Promise<State> {
  const res = await fetch(`${sandbox.url}/api/state?user=${user}&channel=${channel}`);
  expect(res.status).toBe(200);
  return (await res.json()) as State;
}

async function post(
  route: string,
  body: unknown,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const res = await fetch(`${sandbox.url}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, data: (await res.json()) as Record<string, unknown> };
}

/** Waits for a message in the channel, as the user sees it, that was not there before. */
async function newMessage(
  user: string,
  before: State,
  match: (m: Message) => boolean,
  channel = 'general',
): Promise<Message> {
  const seen = new Set(before.messages.map((m) => m.id));
  let found: Message | undefined;
  await waitUntil(async () => {
    found = (await state(user, channel)).messages.find((m) => !seen.has(m.id) && match(m));
    return found !== undefined;
  }, 10_000);
  if (!found) throw new Error('no message');
  return found;
}

describe('npm start without a token', () => {
  it('says it is in sandbox mode, prints the URL, and how to connect to real Discord', () => {
    const out = sandbox.output();
    expect(out).toContain('Sandbox mode');
    expect(out).toMatch(/Open http:\/\/127\.0\.0\.1:\d+ /);
    expect(out).toContain('DISCORD_TOKEN');
    expect(out).not.toMatch(/error|stack/i);
  });

  it('serves the page and its files, and nothing outside its folder', async () => {
    const page = await fetch(`${sandbox.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('data-testid="composer"');
    for (const file of ['app.js', 'style.css']) {
      expect((await fetch(`${sandbox.url}/${file}`)).status).toBe(200);
    }
    expect((await fetch(`${sandbox.url}/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/nope.js`)).status).toBe(404);
  });
});

describe('the local API', () => {
  it('lists the class: a teacher, students and channels', async () => {
    const s = await state('student1');
    expect(s.users.find((u) => u.key === 'teacher')?.teacher).toBe(true);
    expect(s.users.find((u) => u.key === 'student1')?.teacher).toBe(false);
    expect(s.channels.map((c) => c.name)).toEqual(expect.arrayContaining(['general']));
    expect(s.problems).toEqual([]);
  });

  it('answers autocomplete with the bot’s own suggestions', async () => {
    const { id, word } = await somePassage();
    const { status, data } = await post('autocomplete', {
      user: 'student1',
      channel: 'general',
      name: 'quote',
      focused: 'query',
      options: { query: word },
    });
    expect(status).toBe(200);
    const choices = data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain(`${id} ${word}`);
    expect(choices.find((c) => c.value.startsWith(`${id} `))?.name).toContain(word);
  });

  it('runs /quote privately: only the student who asked sees the answer', async () => {
    const { id, word } = await somePassage();
    const before = await state('student1');
    const { status } = await post('command', {
      user: 'student1',
      channel: 'general',
      name: 'quote',
      options: { query: `${id} ${word}` },
    });
    expect(status).toBe(200);
    const reply = await newMessage('student1', before, (m) => m.content.includes(`“${word}”`));
    expect(reply.flags ?? 0).toBe(64);
    expect(JSON.stringify(reply.embeds)).toContain(word);
    expect(JSON.stringify(reply.embeds)).toContain(id);
    expect((await state('student2')).messages.some((m) => m.id === reply.id)).toBe(false);
  });

  it('refuses teacher-only commands to students with a clear message', async () => {
    const { status, data } = await post('command', {
      user: 'student1',
      channel: 'general',
      name: 'prompt',
      options: {},
    });
    expect(status).toBe(403);
    expect(data.error).toMatch(/for teachers/);
  });

  it('shows each user their own poll vote', async () => {
    const before = await state('teacher');
    const { status } = await post('command', {
      user: 'teacher',
      channel: 'general',
      name: 'prompt',
      options: { poll: true },
    });
    expect(status).toBe(200);
    const poll = await newMessage('teacher', before, (m) => m.poll !== undefined);
    const answer = poll.poll?.answers[0]?.answer_id;
    expect(answer).toBeDefined();
    expect((await post('vote', { user: 'student1', messageId: poll.id, answerId: answer })).status).toBe(200);

    const countsFor = async (user: string) =>
      (await state(user)).messages.find((m) => m.id === poll.id)?.poll?.results?.answer_counts ?? [];
    await waitUntil(async () => (await countsFor('student1')).length > 0);
    expect(await countsFor('student1')).toEqual([{ id: answer, count: 1, me_voted: true }]);
    expect(await countsFor('student2')).toEqual([{ id: answer, count: 1, me_voted: false }]);
  });

  it('posts plain messages', async () => {
    const before = await state('student2');
    expect(
      (await post('say', { user: 'student2', channel: 'general', content: 'I agree with ¶3.' })).status,
    ).toBe(200);
    const said = await newMessage('student2', before, (m) => m.content === 'I agree with ¶3.');
    expect(said.author.id).toBe((await state('student2')).users.find((u) => u.key === 'student2')?.id);
  });

  it('answers bad requests with a short message, not a stack trace', async () => {
    const cases: [string, unknown, number, RegExp][] = [
      ['command', '{not json', 400, /JSON object/],
      ['command', { channel: 'general', name: 'quote' }, 400, /Missing user/],
      ['command', { user: 'student1', channel: 'general', name: 'nope' }, 404, /no \/nope command/],
      ['command', { user: 'student1', channel: 'general', name: 'quote', options: {} }, 400, /Fill in query/],
      ['button', { user: 'student1', messageId: '1', customId: 'x' }, 400, /./],
      ['nothing', { user: 'student1' }, 404, /Not found/],
    ];
    for (const [route, body, status, error] of cases) {
      const res = await post(route, body);
      expect(res.status, route).toBe(status);
      expect(String(res.data.error), route).toMatch(error);
      expect(String(res.data.error)).not.toMatch(/\bat .*\.[jt]s:\d+/);
    }
  });
});

describe('answering only its own page', () => {
  const port = () => new URL(sandbox.url).port;
  const own = () => ({ host: `127.0.0.1:${port()}` });
  const say = (content: string) => JSON.stringify({ user: 'teacher', channel: 'general', content });

  it('refuses a POST from another site, even one a plain HTML form can send (text/plain)', async () => {
    const attacks: Record<string, string>[] = [
      // What Chromium sends for a form or fetch on another site posting text/plain.
      { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      { origin: 'http://evil.example', 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
      // Another port on this computer is another origin.
      { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
    ];
    for (const [n, headers] of attacks.entries()) {
      const res = await raw('POST', '/api/say', { ...own(), ...headers }, say(`attack ${n}`));
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(res.body)).toEqual({ error: 'The sandbox answers only its own page.' });
    }
    // Without an Origin (an old browser's form), text/plain is still refused: the API takes only JSON.
    const form = await raw(
      'POST',
      '/api/say',
      { ...own(), 'content-type': 'text/plain' },
      say('attack form'),
    );
    expect(form.status).toBe(415);
    expect((await state('teacher')).messages.some((m) => m.content.startsWith('attack'))).toBe(false);

    // The page itself (same origin, JSON) is answered.
    const ok = await raw(
      'POST',
      '/api/say',
      {
        ...own(),
        origin: sandbox.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
      },
      say('from the page'),
    );
    expect(ok.status).toBe(200);
  });

  it('refuses a Host that is not loopback with its port (DNS rebinding) with 421', async () => {
    for (const host of [`evil.example:${port()}`, 'evil.example', '127.0.0.1:1', `127.0.0.2:${port()}`]) {
      for (const route of ['/api/state?user=teacher', '/', '/app.js']) {
        const res = await raw('GET', route, { host });
        expect(res.status, `${host} ${route}`).toBe(421);
        expect(res.body).not.toContain('"messages"');
      }
    }
    // No Host at all: Node's HTTP parser refuses HTTP/1.1 without one before the sandbox sees it.
    expect((await raw('GET', '/api/state?user=teacher', {})).status).toBe(400);
    for (const host of [
      `127.0.0.1:${port()}`,
      `localhost:${port()}`,
      `[::1]:${port()}`,
      `LOCALHOST:${port()}`,
    ]) {
      expect((await raw('GET', '/api/state?user=teacher', { host })).status, host).toBe(200);
    }
  });

  it('lets another site link to the page, but not read the API or load its files', async () => {
    const read = await raw('GET', '/api/state?user=teacher', { ...own(), origin: 'http://evil.example' });
    expect(read.status).toBe(403);
    const script = await raw('GET', '/app.js', {
      ...own(),
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'no-cors',
    });
    expect(script.status).toBe(403);
    const link = await raw('GET', '/', {
      ...own(),
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
    });
    expect(link.status).toBe(200);
  });
});

describe('the sandbox as Discord has it', () => {
  it('refuses a message over 2000 characters as Discord does, and posts nothing cut short', async () => {
    const long = 'a'.repeat(3000);
    const { status, data } = await post('say', { user: 'student1', channel: 'general', content: long });
    expect(status).toBe(400);
    expect(data.error).toBe(
      'Discord would refuse this: Invalid Form Body (50035): content: Must be 2000 or fewer in length.',
    );
    const seen = (await state('student1')).messages;
    expect(seen.some((m) => m.content.startsWith('aaaa'))).toBe(false);
    expect(
      (await post('say', { user: 'student1', channel: 'general', content: 'b'.repeat(2000) })).status,
    ).toBe(200);
  });

  it('lists only the commands a member may use: teacher-only ones are hidden from students', async () => {
    const teacher = (await state('teacher')).commands;
    const student = (await state('student1')).commands;
    const teacherOnly = teacher.filter((c) => c.teacherOnly).map((c) => c.name);
    expect(teacherOnly.length).toBeGreaterThan(0);
    expect(student.map((c) => c.name)).toEqual(teacher.filter((c) => !c.teacherOnly).map((c) => c.name));
    expect(student.every((c) => !c.teacherOnly)).toBe(true);
  });

  it('lists each subcommand as a command of its own, and sends a picked file as an attachment', async () => {
    const names = (await state('teacher')).commands.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['article add', 'article remove']));
    expect(names).not.toContain('article');
    const title = 'Sandbox upload of a short notice';
    const text = `${title}\n\nThe school library will open an hour later on Mondays from next week.\n`;
    const file = {
      filename: 'notice.txt',
      contentType: 'text/plain',
      base64: Buffer.from(text).toString('base64'),
    };
    const sent = await post('command', {
      user: 'teacher',
      channel: 'general',
      name: 'article add',
      options: { file },
    });
    expect(sent.status).toBe(200);
    await waitUntil(
      async () => (await state('teacher')).messages.some((m) => m.embeds.some((e) => e.title === title)),
      10_000,
    );
    const preview = (await state('teacher')).messages.find((m) => m.embeds.some((e) => e.title === title));
    expect((preview?.flags ?? 0) & 64).toBe(64);
    // Only the teacher sees the private preview.
    expect((await state('student1')).messages.some((m) => m.id === preview?.id)).toBe(false);
    expect(
      (await post('command', { user: 'teacher', channel: 'general', name: 'article nope' })).status,
    ).toBe(404);
    const tooBig = await post('command', {
      user: 'teacher',
      channel: 'general',
      name: 'article add',
      options: { file: { ...file, base64: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64') } },
    });
    expect(tooBig.status).toBe(400);
    expect(String(tooBig.data.error)).toMatch(/10 MB/);
  });

  it('sends a bounded window of the newest messages, however long the history is', async () => {
    const channel = 'discussion';
    const total = 140;
    for (let n = 1; n <= total; n++) {
      expect((await post('say', { user: 'student2', channel, content: `note ${n}` })).status).toBe(200);
    }
    const firstWindow = await state('student2', channel);
    expect(firstWindow.messages.map((m) => m.content)).toEqual(
      Array.from({ length: 50 }, (_, k) => `note ${total - 49 + k}`),
    );
    expect(firstWindow.older).toBe(true);

    const more = (await (
      await fetch(`${sandbox.url}/api/state?user=student2&channel=${channel}&limit=100`)
    ).json()) as State;
    expect(more.messages).toHaveLength(100);
    expect(more.messages.at(-1)?.content).toBe(`note ${total}`);
    const all = (await (
      await fetch(`${sandbox.url}/api/state?user=student2&channel=${channel}&limit=100000`)
    ).json()) as State;
    expect(all.messages).toHaveLength(total);
    expect(all.older).toBe(false);

    // Another 100 messages later, an answer is no bigger: it does not grow with the history.
    const size = async () =>
      (await (await fetch(`${sandbox.url}/api/state?user=student2&channel=${channel}`)).text()).length;
    const before = await size();
    for (let n = total + 1; n <= total + 100; n++) {
      await post('say', { user: 'student2', channel, content: `note ${n}` });
    }
    expect(await size()).toBeLessThanOrEqual(before + 50);

    // However many the page asks for, one answer holds at most 500 messages.
    for (let n = total + 101; n <= 520; n++) {
      await post('say', { user: 'student2', channel, content: `note ${n}` });
    }
    const capped = (await (
      await fetch(`${sandbox.url}/api/state?user=student2&channel=${channel}&limit=100000`)
    ).json()) as State;
    expect(capped.messages).toHaveLength(500);
    expect(capped.messages.at(-1)?.content).toBe('note 520');
    expect(capped.older).toBe(true);
  });
});

describe('live content', () => {
  it('picks up an edit, shows a bad edit as file:line on the page, and keeps serving', async () => {
    const { articleId } = await somePassage();
    const file = path.join(sandbox.contentDir, 'articles', `${articleId}.md`);
    const original = readFileSync(file, 'utf8');
    const suggest = async (query: string) =>
      (
        await post('autocomplete', {
          user: 'student1',
          channel: 'general',
          name: 'quote',
          focused: 'query',
          options: { query },
        })
      ).data.choices as { value: string }[];

    appendFileSync(file, '\nA sentence about zebrafinches added by the teacher.\n');
    await waitUntil(async () => (await suggest('zebrafinches')).length > 0, 10_000);

    writeFileSync(file, original.replace(/^kind: .*$/m, 'kind: poem'));
    await waitUntil(async () => (await state('student1')).problems.length > 0, 10_000);
    const [problem] = (await state('student1')).problems;
    expect(problem).toMatch(new RegExp(`^articles/${articleId}\\.md:\\d+: .*kind`));
    // The last good content is still served.
    expect((await suggest('zebrafinches')).length).toBeGreaterThan(0);

    writeFileSync(file, original);
    await waitUntil(async () => (await state('student1')).problems.length === 0, 10_000);
    expect(await suggest('zebrafinches')).toEqual([]);
  });
});

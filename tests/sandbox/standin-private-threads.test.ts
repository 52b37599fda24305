/**
 * Private threads in the stand-in: who sees them (members added to the thread, and members who may
 * manage threads), the thread-member routes discord.js calls, and reads refused to everyone else.
 */
import { ButtonStyle, ChannelType, ComponentType, DiscordAPIError, type TextChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { StandInError } from '../../src/sandbox/standin/index.js';
import { useConnectedClient } from './connected-client.js';

const connect = useConnectedClient();

async function privateThread() {
  const { standIn: s, client: c } = await connect();
  const channel = (await c.channels.fetch(s.channelId('discussion'))) as TextChannel;
  const thread = await channel.threads.create({ name: 'teachers', type: ChannelType.PrivateThread });
  return { standIn: s, client: c, thread };
}

describe('private threads', () => {
  it('are seen by the bot, the teacher (Manage Threads) and added members only', async () => {
    const { standIn: s, thread } = await privateThread();
    expect(s.world.channels.get(thread.id)?.type).toBe(ChannelType.PrivateThread);
    expect(s.canView('teacher', thread.id)).toBe(true);
    expect(s.canView('bot', thread.id)).toBe(true);
    expect(s.canView('student1', thread.id)).toBe(false);
    expect(s.canView('student1', 'discussion')).toBe(true);

    await thread.members.add(s.userId('student2'));
    expect(s.canView('student2', thread.id)).toBe(true);
    expect(s.canView('student1', thread.id)).toBe(false);
    const listed = await thread.members.fetch();
    expect([...listed.keys()].sort()).toEqual([s.userId('bot'), s.userId('student2')].sort());

    await thread.members.remove(s.userId('student2'));
    expect(s.canView('student2', thread.id)).toBe(false);
  });

  it("does not show a private thread's messages to a student who may not see it", async () => {
    const { standIn: s, thread } = await privateThread();
    const sent = await thread.send({
      content: 'Who wrote what: Student 7 is Alex.',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: 'x', label: 'X' },
          ],
        },
      ],
    });
    const teacherView = s.channelWindow({ user: 'teacher', channel: thread.id, limit: 10 });
    expect(teacherView.messages.map((m) => m.content)).toEqual(['Who wrote what: Student 7 is Alex.']);
    expect(() => s.channelWindow({ user: 'student1', channel: thread.id, limit: 10 })).toThrow(StandInError);
    expect(() => s.say({ user: 'student1', channel: thread.id, content: 'hi' })).toThrow(/cannot see/);
    expect(() => s.button({ user: 'student1', message: sent.id, customId: 'x' })).toThrow(/cannot see/);
    expect(() => s.slash({ user: 'student1', channel: thread.id, name: 'quote' })).toThrow(/cannot see/);
  });

  it('answers the thread-member routes as Discord does for unknown members and non-threads', async () => {
    const { standIn: s, client: c, thread } = await privateThread();
    const strangerId = '123456789012345678';
    await expect(thread.members.add(strangerId)).rejects.toMatchObject({ code: 10007 });
    await expect(thread.members.fetch({ member: s.userId('student1') })).rejects.toBeInstanceOf(
      DiscordAPIError,
    );
    const general = (await c.channels.fetch(s.channelId('general'))) as TextChannel;
    await expect(
      c.rest.put(`/channels/${general.id}/thread-members/${s.userId('student1')}`),
    ).rejects.toMatchObject({ code: 50024 });
    const puts = s.requests.filter((r) => r.route === 'PUT /channels/:channel/thread-members/:user');
    expect(puts.map((r) => r.status)).toEqual([404, 400]);
  });
});

import { once } from 'node:events';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  TextInputBuilder,
  TextInputStyle,
  ThreadAutoArchiveDuration,
  type ClientOptions,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  StandInError,
  startStandIn,
  type StandIn,
  type StandInOptions,
} from '../../src/sandbox/standin/index.js';

const clients: Client[] = [];
const standIns: StandIn[] = [];

afterEach(async () => {
  // Clients are only ever destroyed after 'clientReady' (destroying between IDENTIFY and READY can hang).
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await Promise.all(standIns.splice(0).map((standIn) => standIn.close()));
});

async function start(options: StandInOptions = {}): Promise<StandIn> {
  const standIn = await startStandIn(options);
  standIns.push(standIn);
  return standIn;
}

/** A real discord.js client pointed at the stand-in, resolved once 'clientReady' fired. */
async function connect(standIn: StandIn, extra: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standIn.url },
    waitGuildTimeout: 200,
    ...extra,
  });
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;
  clients.push(client);
  return client;
}

/** Runs `handler` on the next interaction and resolves with its result (or rejects with its error). */
function onNextInteraction<T>(client: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

function apiError(error: unknown): DiscordAPIError {
  if (error instanceof DiscordAPIError) return error;
  throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
}

async function textChannel(client: Client, standIn: StandIn, name: string): Promise<TextChannel> {
  const channel = await client.channels.fetch(standIn.channelId(name));
  if (!channel || !channel.isTextBased() || channel.isDMBased() || channel.isThread())
    throw new Error('no channel');
  return channel as TextChannel;
}

describe('gateway', () => {
  it('gets a real client to ready with the guild, roles, members and channels cached, all on loopback', async () => {
    const standIn = await start();
    const debug: string[] = [];
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: standIn.url },
      waitGuildTimeout: 200,
    });
    client.on(Events.Debug, (message) => debug.push(message));
    const ready = once(client, Events.ClientReady);
    await client.login(standIn.token);
    await ready;
    clients.push(client);

    const guild = client.guilds.cache.get(standIn.guildId());
    expect(guild?.name).toBe('Class 7B');
    expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual(['discussion', 'general']);
    expect(guild?.roles.everyone.id).toBe(guild?.id);
    expect(
      guild?.roles.cache.find((role) => role.name === 'Teacher')?.permissions.has('ManageMessages'),
    ).toBe(true);
    expect(guild?.members.me?.joinedTimestamp).toBeTypeOf('number');
    expect(guild?.members.cache.size).toBe(4);
    expect(client.user?.id).toBe(standIn.userId('bot'));
    expect(BigInt(standIn.guildId()) >> 22n).toBeGreaterThan(0n);

    expect(standIn.sessions).toMatchObject([{ shard: 0, identifies: 1, resumes: 0, connected: true }]);
    const gatewayBot = standIn.requests.find((request) => request.path === '/gateway/bot');
    expect(gatewayBot).toMatchObject({ method: 'GET', authorization: true, status: 200 });
    expect(JSON.stringify(gatewayBot?.headers)).not.toContain(standIn.token);
    expect(
      debug.some((message) => message.includes(`Connecting to ws://127.0.0.1:${standIn.port}/gateway`)),
    ).toBe(true);
    expect(debug.filter((message) => /discord\.(com|gg)|discordapp/.test(message))).toEqual([]);
    expect(standIn.requests.every((request) => request.rawPath.startsWith('/api/v10/'))).toBe(true);
  });

  it('seats as many students as asked, each a member with the Student role', async () => {
    const standIn = await start({ students: 30 });
    const client = await connect(standIn);
    const guild = client.guilds.cache.get(standIn.guildId());
    expect(guild?.members.cache.size).toBe(32); // bot, teacher and 30 students
    const last = guild?.members.cache.get(standIn.userId('student30'));
    expect(last?.roles.cache.map((role) => role.name)).toContain('Student');
    expect(() => standIn.userId('student31')).toThrow(StandInError);
    // The third has a name of her own, never one that looks like an anonymous card's "Student 3".
    expect(guild?.members.cache.get(standIn.userId('student3'))?.user.globalName).toBe('Priya');
    expect(last?.user.username).toBe('student.30');
    const handle = standIn.slash({ user: 'student30', name: 'anything' });
    expect(handle.payload).toMatchObject({ member: { user: { id: standIn.userId('student30') } } });
  });

  it('resumes after close code 4000 and replays the dispatch it missed exactly once', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const seen: string[] = [];
    client.on(Events.InteractionCreate, (interaction) => seen.push(interaction.id));
    const resumed = once(client, Events.ShardResume);

    expect(standIn.closeGateway(4000)).toBe(1);
    const handle = standIn.slash({ user: 'student1', name: 'ping' }); // buffered while the socket is down
    await resumed;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(seen).toEqual([handle.id]);
    expect(standIn.sessions).toMatchObject([{ identifies: 1, resumes: 1, connected: true }]);
    expect(standIn.events.some((event) => event.direction === 'close' && event.code === 4000)).toBe(true);
  });

  it('resumes after an abrupt drop (1006)', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const resumed = once(client, Events.ShardResume);
    expect(standIn.dropGateway()).toBe(1);
    await resumed;
    expect(standIn.sessions).toMatchObject([{ identifies: 1, resumes: 1 }]);
    const answered = onNextInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('still here');
    });
    const handle = standIn.slash({ user: 'teacher', name: 'ping' });
    await answered;
    expect((await handle.response()).data?.content).toBe('still here');
  });

  it('resumes when heartbeat ACKs are withheld (zombie connection)', async () => {
    const standIn = await start({ heartbeatIntervalMs: 150 });
    const client = await connect(standIn);
    standIn.withholdHeartbeatAcks(true);
    await once(client, Events.ShardReconnecting);
    standIn.withholdHeartbeatAcks(false);
    await once(client, Events.ShardResume);
    expect(standIn.sessions[0]?.identifies).toBe(1);
    expect(standIn.sessions[0]?.resumes).toBeGreaterThanOrEqual(1);
  });

  it('ends the session when the client closes normally: later dispatches fail fast', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    await client.destroy();
    clients.splice(clients.indexOf(client), 1);
    await vi.waitFor(() => {
      expect(() => standIn.slash({ user: 'student1', name: 'ping' })).toThrow(
        /no gateway session owns guild/,
      );
    });
    expect(standIn.events.at(-1)).toMatchObject({ direction: 'close', code: 1000 });
  });

  it('splits guilds over two shards by (guild_id >> 22) % 2 and answers an interaction on each', async () => {
    const standIn = await start({ guilds: 2, shards: 2, maxConcurrency: 2 });
    const client = await connect(standIn, { shards: 'auto' });
    await standIn.waitForReady(2);

    const [first, second] = [standIn.guildId(0), standIn.guildId(1)];
    expect(client.guilds.cache.get(first)?.shardId).toBe(Number((BigInt(first) >> 22n) % 2n));
    expect(client.guilds.cache.get(second)?.shardId).toBe(Number((BigInt(second) >> 22n) % 2n));
    expect(
      new Set([client.guilds.cache.get(first)?.shardId, client.guilds.cache.get(second)?.shardId]),
    ).toEqual(new Set([0, 1]));
    expect(standIn.sessions.map((session) => [session.shard, session.identifies])).toEqual([
      [0, 1],
      [1, 1],
    ]);

    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand())
        void interaction.reply(`shard ${interaction.guild?.shardId ?? -1}`);
    });
    const handles = [0, 1].map((guild) => standIn.slash({ user: 'teacher', guild, name: 'ping' }));
    const contents = await Promise.all(
      handles.map(async (handle) => (await handle.response()).data?.content),
    );
    expect(contents.sort()).toEqual(['shard 0', 'shard 1']);
    for (const [index, handle] of handles.entries()) {
      const sent = standIn.events.find(
        (event) => event.t === 'INTERACTION_CREATE' && (event.d as { id: string }).id === handle.id,
      );
      expect(sent?.shard).toBe(Number((BigInt(standIn.guildId(index)) >> 22n) % 2n));
    }
  });
});

describe('interaction responses', () => {
  it('reply(): the callback lands, with no Authorization, and interaction.channel is cached', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const answered = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply({
        content: `found: ${interaction.options.getString('query', true)}`,
        allowedMentions: { parse: [] },
      });
      return {
        channel: interaction.channel?.id,
        hide: interaction.options.getBoolean('hide'),
        limit: interaction.options.getInteger('limit'),
      };
    });
    const handle = standIn.slash({
      user: 'student1',
      channel: 'discussion',
      name: 'quote',
      options: { query: 'natural gas', hide: false, limit: 3 },
    });
    expect(await answered).toEqual({ channel: standIn.channelId('discussion'), hide: false, limit: 3 });

    const callback = await handle.response();
    expect(callback.type).toBe(4);
    expect(callback.data?.content).toBe('found: natural gas');
    const original = handle.original();
    expect(original).toMatchObject({
      content: 'found: natural gas',
      channel_id: standIn.channelId('discussion'),
      webhook_id: standIn.world.applicationId,
      interaction_metadata: { id: handle.id, type: 2, user: { id: standIn.userId('student1') } },
      mentions: [],
    });
    const request = standIn.requests.find((r) => r.route === 'POST /interactions/:id/:token/callback');
    expect(request).toMatchObject({ authorization: false, status: 204, query: { with_response: 'false' } });
    expect(standIn.channelMessages('discussion')[0]?.id).toBe(original?.id);
  });

  it('deferReply() + editReply() + followUp(): ephemeral stays with its user, @original is decoded', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const answered = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply('three passages found');
      await interaction.followUp({ content: 'and one more', flags: MessageFlags.Ephemeral });
    });
    const handle = standIn.slash({ user: 'student2', name: 'quote', options: { query: 'pipeline' } });
    await answered;

    expect((await handle.response()).type).toBe(5);
    const original = await handle.waitForOriginal((message) => message.content === 'three passages found');
    expect(original.flags).toBe(MessageFlags.Ephemeral); // loading flag gone, ephemeral kept
    expect(handle.followUps().map((message) => message.content)).toEqual(['and one more']);
    expect(standIn.channelMessages('general')).toEqual([]); // ephemeral messages are not in history

    const edit = standIn.requests.find((request) => request.method === 'PATCH');
    expect(edit?.path).toBe(`/webhooks/${standIn.world.applicationId}/${handle.token}/messages/@original`);
    expect(edit?.rawPath).toContain('%40original');
    const followUp = standIn.requests.find((request) => request.route === 'POST /webhooks/:app/:token');
    expect(followUp).toMatchObject({ query: { wait: 'true' }, status: 200, authorization: false });
  });

  it('reply({ withResponse: true }) gets the message back; a follow-up fills a pending deferred reply', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const withResponse = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      return response.resource?.message?.id;
    });
    const first = standIn.slash({ user: 'student1', name: 'quote' });
    expect(await withResponse).toBe(first.original()?.id);
    expect(standIn.requests.at(-1)).toMatchObject({ query: { with_response: 'true' }, status: 200 });

    const filled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.deferReply();
      return (await interaction.followUp('filled the thinking message')).id;
    });
    const second = standIn.slash({ user: 'student1', name: 'quote' });
    const followUpId = await filled;
    expect(followUpId).toBe(second.original()?.id);
    expect(second.original()).toMatchObject({ content: 'filled the thinking message', flags: 0 });
    expect(second.followUps()).toEqual([]);
  });

  it('update() on a button edits the message the button sits on', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('page:p1:2').setLabel('Next').setStyle(ButtonStyle.Primary),
    );
    const replied = onNextInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'page 1', components: [row] });
    });
    const command = standIn.slash({ user: 'student1', name: 'quote', options: { query: 'x' } });
    await replied;
    const message = await command.waitForOriginal();

    const updated = onNextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('not a button');
      await interaction.update({ content: 'page 2', components: [] });
      return { customId: interaction.customId, message: interaction.message.id };
    });
    const click = standIn.button({ user: 'student1', message: message.id, customId: 'page:p1:2' });
    expect(await updated).toEqual({ customId: 'page:p1:2', message: message.id });
    expect((await click.response()).type).toBe(7);
    expect(standIn.message(message.id)).toMatchObject({ content: 'page 2', components: [] });
    expect(standIn.message(message.id)?.edited_timestamp).not.toBeNull();
    expect(() => standIn.button({ user: 'student1', message: message.id, customId: 'page:p1:2' })).toThrow(
      /has no component/,
    );
  });

  it('respond() on autocomplete stores the choices; registered commands gate by permissions', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const guildId = standIn.guildId();
    await client.application?.commands.set(
      [
        {
          name: 'quote',
          description: 'Quote a passage',
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: 'query',
              description: 'What to look for',
              required: true,
              autocomplete: true,
            },
            { type: ApplicationCommandOptionType.Boolean, name: 'hide', description: 'Only show me' },
          ],
        },
        {
          name: 'post',
          description: 'Post to the class',
          defaultMemberPermissions: PermissionFlagsBits.ManageMessages,
        },
      ],
      guildId,
    );
    const stored = standIn.commands(guildId);
    expect(stored.map((command) => [command.name, command.default_member_permissions])).toEqual([
      ['quote', null],
      ['post', PermissionFlagsBits.ManageMessages.toString()],
    ]);

    const responded = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not autocomplete');
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${focused.name}: ${focused.value}…`, value: 'sumner-riyadh#3' }]);
    });
    const typing = standIn.autocomplete({
      user: 'student1',
      name: 'quote',
      focused: 'query',
      options: { query: 'gas pi' },
    });
    await responded;
    expect(await typing.choices()).toEqual([{ name: 'query: gas pi…', value: 'sumner-riyadh#3' }]);
    expect(typing.payload.data).toMatchObject({
      id: stored[0]?.id,
      options: [{ name: 'query', focused: true }],
    });

    let refused: unknown;
    try {
      standIn.slash({ user: 'student1', name: 'post' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StandInError);
    expect((refused as StandInError).code).toBe(50013);
    expect(() => standIn.slash({ user: 'teacher', name: 'post' })).not.toThrow();

    // The `/` list hides what the member may not run, as Discord does; the owner sees everything.
    expect(standIn.commandsFor('student1').map((command) => command.name)).toEqual(['quote']);
    expect(standIn.commandsFor('teacher').map((command) => command.name)).toEqual(['quote', 'post']);
  });

  it('showModal() then a modal submit mirrors the modal and can be replied to', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const shown = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.showModal(
        new ModalBuilder()
          .setCustomId('note')
          .setTitle('Your note')
          .addLabelComponents(
            new LabelBuilder()
              .setLabel('Note')
              .setTextInputComponent(
                new TextInputBuilder().setCustomId('text').setStyle(TextInputStyle.Paragraph),
              ),
          ),
      );
    });
    const command = standIn.slash({ user: 'student1', name: 'note' });
    await shown;
    expect((await command.response()).type).toBe(9);

    const submitted = onNextInteraction(client, async (interaction) => {
      if (!interaction.isModalSubmit()) throw new Error('not a modal');
      const text = interaction.fields.getTextInputValue('text');
      await interaction.reply({ content: `noted: ${text}`, flags: MessageFlags.Ephemeral });
      return text;
    });
    const submit = standIn.modalSubmit({
      user: 'student1',
      customId: 'note',
      fields: { text: 'I disagree' },
      from: command,
    });
    expect(await submitted).toBe('I disagree');
    const reply = await submit.waitForOriginal();
    expect(reply.content).toBe('noted: I disagree');
    expect(reply.interaction_metadata).toMatchObject({
      type: 5,
      triggering_interaction_metadata: { id: command.id, type: 2 },
    });
  });
});

describe('errors Discord would answer', () => {
  it('2001 characters → 50035 with a nested path; the interaction stays unanswered', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const outcome = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      const error = await interaction.reply('x'.repeat(2001)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'short enough' } },
        auth: false,
      });
      return apiError(error);
    });
    const handle = standIn.slash({ user: 'student1', name: 'quote' });
    const error = await outcome;
    expect(error.code).toBe(50035);
    expect(error.status).toBe(400);
    expect(error.rawError).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        data: {
          content: {
            _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }],
          },
        },
      },
    });
    expect((await handle.response()).data?.content).toBe('short enough');
  });

  it('a second callback → 40060', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const outcome = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply('first');
      // discord.js refuses a second reply() itself, so go around it like a buggy retry would.
      return interaction.client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        })
        .then(() => undefined, apiError);
    });
    standIn.slash({ user: 'student1', name: 'quote' });
    const error = await outcome;
    expect(error?.code).toBe(40060);
    expect(error?.message).toBe('Interaction has already been acknowledged.');
  });

  it('a first response after 3 s → 10062 (injected clock)', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const outcome = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      standIn.advanceClock(3_001);
      return interaction.reply('too late').then(() => undefined, apiError);
    });
    standIn.slash({ user: 'student1', name: 'quote' });
    const error = await outcome;
    expect(error?.code).toBe(10062);
    expect(error?.status).toBe(404);
  });

  it('webhook calls 15 minutes after the interaction → 50027', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const outcome = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.deferReply();
      await interaction.editReply('within the window');
      standIn.advanceClock(15 * 60 * 1000 + 1);
      return interaction.editReply('too late').then(() => undefined, apiError);
    });
    const handle = standIn.slash({ user: 'teacher', name: 'quote' });
    const error = await outcome;
    expect(error?.code).toBe(50027);
    expect(handle.original()?.content).toBe('within the window');
  });

  it('an unknown route → 404 recorded as unknown', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const error = await client.rest.get('/guilds/1/audit-logs').then(() => undefined, apiError);
    expect(error?.status).toBe(404);
    expect(error?.rawError).toEqual({ message: '404: Not Found', code: 0 });
    expect(standIn.unknownRoutes.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /guilds/1/audit-logs',
    ]);
  });
});

describe('members posting', () => {
  it('say() refuses over-long and empty content as Discord does, and stores nothing', async () => {
    const standIn = await start();
    const refusal = (content: string): unknown => {
      try {
        standIn.say({ user: 'student1', channel: 'general', content });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const tooLong = refusal('x'.repeat(3000));
    expect(tooLong).toBeInstanceOf(ApiError);
    expect((tooLong as ApiError).status).toBe(400);
    expect((tooLong as ApiError).body).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        content: {
          _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }],
        },
      },
    });
    expect((refusal('') as ApiError).body.code).toBe(50006);
    expect(standIn.channelMessages('general')).toEqual([]);

    // 2000 characters is allowed, counted in characters (an emoji is one), not UTF-16 units.
    expect(refusal('x'.repeat(2000))).toBeUndefined();
    expect(refusal('🙂'.repeat(2000))).toBeUndefined();
    expect(standIn.channelMessages('general').map((m) => m.content.length)).toEqual([4000, 2000]);
  });
});

describe('REST faults', () => {
  it('429 with Retry-After: 1 on a callback → discord.js waits, retries, and the callback lands', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    standIn.failNext(1, { status: 429, retryAfter: 1 }, '/callback');
    const answered = onNextInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('after the rate limit');
    });
    const handle = standIn.slash({ user: 'student1', name: 'quote' });
    await answered;
    const attempts = standIn.requests.filter((request) => request.path.endsWith('/callback'));
    expect(attempts.map((request) => request.status)).toEqual([429, 204]);
    expect(attempts[0]?.response).toEqual({
      message: 'You are being rate limited.',
      retry_after: 1,
      global: false,
    });
    expect((attempts[1]?.time ?? 0) - (attempts[0]?.time ?? 0)).toBeGreaterThanOrEqual(900);
    expect((await handle.response()).data?.content).toBe('after the rate limit');
  });

  it('a response slower than rest.timeout is sent again; Discord answers the duplicate callback with 40060', async () => {
    const standIn = await start();
    const client = await connect(standIn, { rest: { api: standIn.url, timeout: 200, retries: 1 } });
    standIn.delay(400, '/callback', 1);
    const outcome = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      return interaction.reply('slow network').then(() => undefined, apiError);
    });
    const handle = standIn.slash({ user: 'student1', name: 'quote' });
    const error = await outcome;
    expect(error?.code).toBe(40060);
    expect((await handle.response()).data?.content).toBe('slow network'); // the first attempt did land
    expect(
      standIn.requests.filter((request) => request.path.endsWith('/callback')).map((r) => r.status),
    ).toEqual([204, 400]);
  });

  it('500 once → retried at once', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    standIn.failNext(1, { status: 500 }, 'POST /channels/');
    const channel = await textChannel(client, standIn, 'general');
    const message = await channel.send('Reading for Monday: chapter 3');
    const posts = standIn.requests.filter(
      (request) => request.route === 'POST /channels/:channel/messages' || request.injected,
    );
    expect(posts.map((request) => request.status)).toEqual([500, 200]);
    expect(standIn.message(message.id)?.content).toBe('Reading for Monday: chapter 3');
  });
});

describe('channels, threads and polls', () => {
  it('starts a thread from a message and posts in it', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const channel = await textChannel(client, standIn, 'discussion');
    const starter = await channel.send('Article of the week: “Gas and Europe”');
    const created = once(client, Events.ThreadCreate);
    const thread = await starter.startThread({
      name: 'Week 1: Gas and Europe',
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    await created;
    await thread.send('Quote a passage, then say what you think.');

    expect(thread.id).toBe(starter.id);
    expect(thread.parentId).toBe(channel.id);
    expect(standIn.world.channels.get(thread.id)).toMatchObject({ type: 11, parentId: channel.id });
    expect(standIn.message(starter.id)?.thread?.id).toBe(thread.id);
    const fetched = await thread.messages.fetch();
    expect(fetched.map((message) => message.content)).toEqual(['Quote a passage, then say what you think.']);

    const tooLong = await channel.threads
      .create({ name: 'n'.repeat(101), autoArchiveDuration: ThreadAutoArchiveDuration.OneHour })
      .then(() => undefined, apiError);
    expect(tooLong?.code).toBe(50035);
    expect(tooLong?.rawError).toMatchObject({
      errors: { name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } },
    });
  });

  it('sends a poll, lists its voters, and rejects an oversized one', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const channel = await textChannel(client, standIn, 'general');
    const message = await channel.send({
      poll: {
        question: { text: 'Was the author fair to both sides?' },
        answers: [{ text: 'Yes' }, { text: 'Partly' }, { text: 'No' }],
        duration: 24,
        allowMultiselect: false,
      },
    });
    expect(message.poll?.question.text).toBe('Was the author fair to both sides?');
    expect(message.poll?.answers.map((answer) => answer.text)).toEqual(['Yes', 'Partly', 'No']);
    standIn.vote({ message: message.id, user: 'student1', answers: [2] });
    const voters = await message.poll?.answers.get(2)?.voters.fetch();
    expect(voters?.map((user) => user.id)).toEqual([standIn.userId('student1')]);

    const error = await channel
      .send({
        poll: {
          question: { text: 'q'.repeat(301) },
          answers: Array.from({ length: 11 }, (_, index) => ({ text: `answer ${index}` })),
          duration: 769,
          allowMultiselect: false,
        },
      })
      .then(() => undefined, apiError);
    expect(error?.code).toBe(50035);
    expect(
      Object.keys((error?.rawError as unknown as { errors: { poll: object } }).errors.poll).sort(),
    ).toEqual(['answers', 'duration', 'question']);
  });

  it('fetches message history newest first, with limit and before', async () => {
    const standIn = await start();
    const client = await connect(standIn);
    const channel = await textChannel(client, standIn, 'general');
    const sent = [];
    for (let index = 1; index <= 5; index += 1) sent.push(await channel.send(`message ${index}`));

    const page = await channel.messages.fetch({ limit: 3, cache: false });
    expect(page.map((message) => message.content)).toEqual(['message 5', 'message 4', 'message 3']);
    const older = await channel.messages.fetch({ limit: 100, before: sent[2]?.id ?? '', cache: false });
    expect(older.map((message) => message.content)).toEqual(['message 2', 'message 1']);
    const one = await channel.messages.fetch({ message: sent[0]?.id ?? '', force: true });
    expect(one.content).toBe('message 1');
    expect(
      standIn.requests
        .filter((request) => request.route === 'GET /channels/:channel/messages')
        .map((r) => r.query),
    ).toEqual([{ limit: '3' }, { limit: '100', before: sent[2]?.id }]);
  });
});

/**
 * What the sandbox page needs from the stand-in for modals and select menus: which modal a member
 * has open (until they submit or close it), and choices checked as Discord's client allows them.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type TextChannel,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { StandInError, type StandIn } from '../../src/sandbox/standin/index.js';
import { useConnectedClient } from './connected-client.js';

const connect = useConnectedClient();

async function connected(): Promise<{ standIn: StandIn; client: Client; channel: TextChannel }> {
  const { standIn: s, client: c } = await connect();
  const channel = (await c.channels.fetch(s.channelId('discussion'))) as TextChannel;
  return { standIn: s, client: c, channel };
}

const modal = () =>
  new ModalBuilder()
    .setCustomId('answer')
    .setTitle('Your answer')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Answer')
        .setTextInputComponent(new TextInputBuilder().setCustomId('text').setStyle(TextInputStyle.Paragraph)),
    );

describe('modals a member has open', () => {
  it('are open from the modal callback until submitted, and a submit carries the modal layout', async () => {
    const { standIn: s, client: c, channel } = await connected();
    const sent = await channel.send({
      content: 'Prompt',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('respond').setLabel('Respond').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const submitted = new Promise<string>((resolve) => {
      c.on(Events.InteractionCreate, (i) => {
        if (i.isButton()) void i.showModal(modal());
        if (i.isModalSubmit()) {
          resolve(i.fields.getTextInputValue('text'));
          void i.deferUpdate();
        }
      });
    });
    expect(s.shownModal('student1')).toBeUndefined();
    const click = s.button({ user: 'student1', message: sent.id, customId: 'respond' });
    await click.response();
    const shown = s.shownModal('student1');
    expect(shown?.interaction.id).toBe(click.id);
    expect(shown?.modal).toMatchObject({ custom_id: 'answer', title: 'Your answer' });
    expect(s.shownModal('student2')).toBeUndefined(); // only the member who clicked sees it

    s.modalSubmit({ user: 'student1', customId: 'answer', fields: { text: 'Gas is cheaper.' }, from: click });
    expect(await submitted).toBe('Gas is cheaper.');
    expect(s.shownModal('student1')).toBeUndefined();
  });

  it('close without telling the bot', async () => {
    const { standIn: s, client: c } = await connected();
    c.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) void i.showModal(modal());
    });
    const h = s.slash({ user: 'teacher', name: 'respond' });
    await h.response();
    expect(s.shownModal('teacher')?.interaction.id).toBe(h.id);
    const before = s.requests.length;
    s.closeModal('teacher');
    expect(s.shownModal('teacher')).toBeUndefined();
    expect(s.requests.length).toBe(before);
  });
});

describe('string select choices', () => {
  it('are checked against the options and min/max values, as Discord’s client allows', async () => {
    const { standIn: s, client: c, channel } = await connected();
    const sent = await channel.send({
      content: 'Pick evidence',
      components: [
        new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId('evidence')
            .setMinValues(1)
            .setMaxValues(2)
            .addOptions(
              { label: 'First', value: 'a' },
              { label: 'Second', value: 'b' },
              { label: 'Third', value: 'c' },
            ),
        ),
      ],
    });
    const picked = new Promise<string[]>((resolve) => {
      c.on(Events.InteractionCreate, (i) => {
        if (i.isStringSelectMenu()) {
          resolve(i.values);
          void i.deferUpdate();
        }
      });
    });
    const pick = (values: string[]) => () =>
      s.select({ user: 'student1', message: sent.id, customId: 'evidence', values });
    expect(pick(['z'])).toThrow(StandInError);
    expect(pick([])).toThrow(/pick 1 to 2/);
    expect(pick(['a', 'b', 'c'])).toThrow(/pick 1 to 2/);
    expect(pick(['a', 'a'])).toThrow(/twice/);
    pick(['b', 'c'])();
    expect(await picked).toEqual(['b', 'c']);
  });
});

import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, inviteUrl } from '../../src/bot/invite.js';

describe('inviteUrl', () => {
  const url = new URL(inviteUrl('123'));

  it('is Discord’s OAuth2 authorize page for this application', () => {
    expect(`${url.origin}${url.pathname}`).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123');
  });
  it('asks for the bot and applications.commands scopes', () => {
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(inviteUrl('123')).toContain('scope=bot+applications.commands');
  });
  it('asks for exactly the seven permissions the bot uses, and nothing else', () => {
    const wanted =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.EmbedLinks |
      PermissionFlagsBits.ReadMessageHistory |
      PermissionFlagsBits.CreatePublicThreads |
      PermissionFlagsBits.CreatePrivateThreads |
      PermissionFlagsBits.SendMessagesInThreads;
    expect(url.searchParams.get('permissions')).toBe(wanted.toString());
    expect(BOT_PERMISSIONS).toBe(wanted);
    expect(
      new PermissionsBitField(BigInt(url.searchParams.get('permissions') ?? '0')).toArray().sort(),
    ).toEqual([
      'CreatePrivateThreads',
      'CreatePublicThreads',
      'EmbedLinks',
      'ReadMessageHistory',
      'SendMessages',
      'SendMessagesInThreads',
      'ViewChannel',
    ]);
  });
  it('asks for no dangerous permission', () => {
    const granted = BigInt(url.searchParams.get('permissions') ?? '0');
    for (const flag of [
      'Administrator',
      'MentionEveryone',
      'ManageMessages',
      'ManageChannels',
      'ManageGuild',
      'ManageThreads',
      'ManageRoles',
      'KickMembers',
      'BanMembers',
    ] as const) {
      expect(granted & PermissionFlagsBits[flag], flag).toBe(0n);
    }
  });
  it('puts the application id in as given, escaped', () => {
    expect(new URL(inviteUrl('1234567890123456789')).searchParams.get('client_id')).toBe(
      '1234567890123456789',
    );
    expect(inviteUrl('1&x=2')).toContain('client_id=1%26x%3D2');
  });
});

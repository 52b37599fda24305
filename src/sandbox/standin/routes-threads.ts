/**
 * Thread members: `PUT`/`DELETE`/`GET /channels/{thread}/thread-members/{user|@me}` and the list.
 * Who is in a private thread decides who sees it (see `World.canView`).
 */
import { apiErrors } from './errors.js';
import {
  channelOf,
  json,
  noContent,
  param,
  route,
  type Context,
  type RestParts,
  type RouteSpec,
} from './rest-routes.js';
import { type ChannelState, type ThreadState, type World } from './state.js';

/** The thread in the path; any other channel is Discord's 50024 (invalid channel type). */
function threadOf(world: World, context: Context): ChannelState & { thread: ThreadState } {
  const channel = channelOf(world, context);
  if (!channel.thread) throw apiErrors.invalidChannelType();
  return channel as ChannelState & { thread: ThreadState };
}

/** The user in the path (`@me` is the bot), who must be a member of the thread's guild. */
function memberOf(world: World, context: Context, channel: ChannelState): string {
  const ref = param(context, 'user');
  const userId = ref === '@me' ? world.bot.id : ref;
  if (!world.guilds.get(channel.guildId)?.members.has(userId)) throw apiErrors.unknownMember();
  return userId;
}

function threadMemberJSON(thread: ChannelState & { thread: ThreadState }, userId: string) {
  return { id: thread.id, user_id: userId, join_timestamp: thread.thread.createTimestamp, flags: 0 };
}

export function threadMemberRoutes(parts: RestParts): RouteSpec[] {
  const { world, signal } = parts;
  const changed = (): void => {
    signal.notify();
  };
  return [
    route('PUT', '/channels/:channel/thread-members/:user', true, (context) => {
      const thread = threadOf(world, context);
      thread.thread.memberIds.add(memberOf(world, context, thread));
      changed();
      return noContent();
    }),
    route('DELETE', '/channels/:channel/thread-members/:user', true, (context) => {
      const thread = threadOf(world, context);
      thread.thread.memberIds.delete(memberOf(world, context, thread));
      changed();
      return noContent();
    }),
    route('GET', '/channels/:channel/thread-members/:user', true, (context) => {
      const thread = threadOf(world, context);
      const userId = memberOf(world, context, thread);
      if (!thread.thread.memberIds.has(userId)) throw apiErrors.unknownMember();
      return json(threadMemberJSON(thread, userId));
    }),
    route('GET', '/channels/:channel/thread-members', true, (context) => {
      const thread = threadOf(world, context);
      return json([...thread.thread.memberIds].map((userId) => threadMemberJSON(thread, userId)));
    }),
  ];
}

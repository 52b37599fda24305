/** Routes for the gateway, users, the application and guilds. */
import { ApiError } from './errors.js';
import { guildOf, json, param, route, type Reply, type RestParts, type RouteSpec } from './rest-routes.js';
import type { World } from './state.js';
import { without } from './wire.js';

function application(world: World): Reply {
  return json({
    id: world.applicationId,
    name: world.applicationName,
    icon: null,
    description: 'Helps teachers run moderated class discussions.',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: 'b'.repeat(64),
    flags: 0,
    hook: true,
    redirect_uris: [],
    interactions_endpoint_url: null,
    tags: [],
    team: null,
    owner: world.userJSON(world.resolveUser('teacher')),
    bot: world.userJSON(world.bot),
    approximate_guild_count: world.guilds.size,
  });
}

export function appRoutes(parts: RestParts): RouteSpec[] {
  const { world } = parts;
  return [
    route('GET', '/gateway', false, () => json({ url: parts.options.gatewayUrl() })),
    route('GET', '/gateway/bot', true, () =>
      json({
        url: parts.options.gatewayUrl(),
        shards: parts.options.shards,
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 0,
          max_concurrency: parts.options.maxConcurrency,
        },
      }),
    ),

    // Users and application
    route('GET', '/users/@me', true, () =>
      json({ ...world.userJSON(world.bot), verified: true, mfa_enabled: false, flags: 0 }),
    ),
    route('GET', '/users/:user', true, (context) => {
      const user = world.users.get(param(context, 'user'));
      if (!user) throw new ApiError(404, { code: 10013, message: 'Unknown User' });
      return json(world.userJSON(user));
    }),
    route('GET', '/applications/@me', true, () => application(world)),
    route('GET', '/oauth2/applications/@me', true, () => application(world)),
  ];
}

export function guildRoutes(world: World): RouteSpec[] {
  return [
    route('GET', '/guilds/:guild', true, (context) => {
      const guild = without(
        world.guildCreateJSON(guildOf(world, context)),
        'members',
        'channels',
        'threads',
        'presences',
        'voice_states',
      );
      return json({ ...guild, approximate_member_count: guildOf(world, context).members.size });
    }),
    route('GET', '/guilds/:guild/channels', true, (context) =>
      json(
        [...guildOf(world, context).channels.values()]
          .filter((c) => !c.thread)
          .map((c) => world.channelJSON(c)),
      ),
    ),
    route('GET', '/guilds/:guild/threads/active', true, (context) =>
      json({
        threads: [...guildOf(world, context).channels.values()]
          .filter((c) => c.thread && !c.thread.archived)
          .map((c) => world.channelJSON(c)),
        members: [],
      }),
    ),
    route('GET', '/guilds/:guild/roles', true, (context) => json(guildOf(world, context).roles)),
    route('GET', '/guilds/:guild/members/:user', true, (context) => {
      const guild = guildOf(world, context);
      if (!guild.members.has(param(context, 'user'))) {
        throw new ApiError(404, { code: 10007, message: 'Unknown Member' });
      }
      return json(world.memberJSON(guild, param(context, 'user')));
    }),
  ];
}

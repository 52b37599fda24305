/**
 * Routes for interactions and their webhooks. The interaction token is the credential: they take no
 * Authorization header.
 */
import type { Interactions } from './interactions.js';
import { json, noContent, param, route, type RouteSpec } from './rest-routes.js';

export function interactionRoutes(interactions: Interactions): RouteSpec[] {
  return [
    route('POST', '/interactions/:id/:token/callback', false, (context) => {
      const result = interactions.callback(
        param(context, 'id'),
        param(context, 'token'),
        context.body,
        context.query.get('with_response') === 'true',
        context.files,
      );
      return result ? json(result) : noContent();
    }),
    route('POST', '/webhooks/:app/:token', false, (context) => {
      const message = interactions.followUp(
        param(context, 'app'),
        param(context, 'token'),
        context.body,
        context.files,
      );
      return context.query.get('wait') === 'true' ? json(message) : noContent();
    }),
    route('GET', '/webhooks/:app/:token/messages/:message', false, (context) =>
      json(
        interactions.getMessage(param(context, 'app'), param(context, 'token'), param(context, 'message')),
      ),
    ),
    route('PATCH', '/webhooks/:app/:token/messages/:message', false, (context) =>
      json(
        interactions.editMessage(
          param(context, 'app'),
          param(context, 'token'),
          param(context, 'message'),
          context.body,
          context.files,
        ),
      ),
    ),
    route('DELETE', '/webhooks/:app/:token/messages/:message', false, (context) => {
      interactions.deleteMessage(param(context, 'app'), param(context, 'token'), param(context, 'message'));
      return noContent();
    }),
  ];
}

/** Discord-shaped API errors, and the stand-in's own error for misuse of its test aids. */

/** One problem in a request body, at a path such as `['data', 'embeds', 0, 'description']`. */
export interface FieldError {
  readonly path: readonly (string | number)[];
  /** Discord's error code string, e.g. `BASE_TYPE_MAX_LENGTH`. */
  readonly code: string;
  readonly message: string;
}

/** The JSON body Discord answers errors with. */
export interface DiscordErrorBody {
  readonly code: number;
  readonly message: string;
  readonly errors?: Record<string, unknown>;
}

/** JSON error codes the stand-in answers with (Discord's numbers). */
export const ErrorCode = {
  General: 0,
  UnknownApplication: 10002,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownApplicationCommand: 10063,
  UnknownInteraction: 10062,
  Unauthorized: 40001,
  InteractionAlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  CannotEditOtherUsersMessage: 50005,
  CannotSendEmptyMessage: 50006,
  InvalidChannelType: 50024,
  InvalidWebhookToken: 50027,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  ThreadAlreadyCreated: 160004,
} as const;

/** An HTTP error response the REST router turns into `status` + JSON `body`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.message} (code ${body.code})`);
    this.name = 'ApiError';
  }
}

/** Nests field errors the way Discord does: `{ data: { embeds: { 0: { title: { _errors: [...] } } } } }`. */
export function nestFieldErrors(problems: readonly FieldError[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = root;
    for (const key of problem.path) {
      const name = String(key);
      const next = node[name];
      if (typeof next === 'object' && next !== null) {
        node = next as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        node[name] = created;
        node = created;
      }
    }
    const list = node._errors;
    const entry = { code: problem.code, message: problem.message };
    if (Array.isArray(list)) list.push(entry);
    else node._errors = [entry];
  }
  return root;
}

/** HTTP 400 Invalid Form Body (50035) listing every problem. */
export function invalidFormBody(problems: readonly FieldError[]): ApiError {
  return new ApiError(400, {
    code: ErrorCode.InvalidFormBody,
    message: 'Invalid Form Body',
    errors: nestFieldErrors(problems),
  });
}

/** The common 4xx answers. */
export const apiErrors = {
  notFound: () => new ApiError(404, { code: ErrorCode.General, message: '404: Not Found' }),
  unauthorized: () => new ApiError(401, { code: ErrorCode.General, message: '401: Unauthorized' }),
  unknownInteraction: () =>
    new ApiError(404, { code: ErrorCode.UnknownInteraction, message: 'Unknown interaction' }),
  alreadyAcknowledged: () =>
    new ApiError(400, {
      code: ErrorCode.InteractionAlreadyAcknowledged,
      message: 'Interaction has already been acknowledged.',
    }),
  invalidWebhookToken: () =>
    new ApiError(401, { code: ErrorCode.InvalidWebhookToken, message: 'Invalid Webhook Token' }),
  unknownWebhook: () => new ApiError(404, { code: ErrorCode.UnknownWebhook, message: 'Unknown Webhook' }),
  unknownMessage: () => new ApiError(404, { code: ErrorCode.UnknownMessage, message: 'Unknown Message' }),
  unknownChannel: () => new ApiError(404, { code: ErrorCode.UnknownChannel, message: 'Unknown Channel' }),
  unknownMember: () => new ApiError(404, { code: ErrorCode.UnknownMember, message: 'Unknown Member' }),
  missingAccess: () => new ApiError(403, { code: ErrorCode.MissingAccess, message: 'Missing Access' }),
  unknownGuild: () => new ApiError(404, { code: ErrorCode.UnknownGuild, message: 'Unknown Guild' }),
  unknownApplication: () =>
    new ApiError(404, { code: ErrorCode.UnknownApplication, message: 'Unknown Application' }),
  unknownCommand: () =>
    new ApiError(404, { code: ErrorCode.UnknownApplicationCommand, message: 'Unknown application command' }),
  emptyMessage: () =>
    new ApiError(400, { code: ErrorCode.CannotSendEmptyMessage, message: 'Cannot send an empty message' }),
  invalidChannelType: () =>
    new ApiError(400, {
      code: ErrorCode.InvalidChannelType,
      message: 'Cannot execute action on this channel type',
    }),
  notAuthor: () =>
    new ApiError(403, {
      code: ErrorCode.CannotEditOtherUsersMessage,
      message: 'Cannot edit a message authored by another user',
    }),
  threadExists: () =>
    new ApiError(400, {
      code: ErrorCode.ThreadAlreadyCreated,
      message: 'A thread has already been created for this message',
    }),
} as const;

/**
 * Thrown by the stand-in's test aids (not by REST): e.g. a user who lacks a command's
 * `default_member_permissions` cannot run it (code 50013), or no gateway session owns the guild.
 */
export class StandInError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`StandIn: ${message}`);
    this.name = 'StandInError';
  }
}

/**
 * Discord's documented limits, as the stand-in enforces them.
 *
 * The stand-in plays Discord, so it keeps its own copy of these numbers and never imports the bot's
 * render limits: a bug in the bot's constants must show up as a 400 here, not be mirrored.
 * Sources: Discord developer docs (messages, embeds, components, interactions, application commands,
 * polls, threads).
 */

/** Message `content`, in characters. */
export const MESSAGE_CONTENT_MAX = 2000;
/** Embeds in one message. */
export const MESSAGE_EMBEDS_MAX = 10;
/** Sum of title, description, field names and values, footer text and author name over ALL embeds. */
export const EMBED_TOTAL_CHARS_MAX = 6000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_TEXT_MAX = 2048;
export const EMBED_AUTHOR_NAME_MAX = 256;

/** Top-level action rows in a classic (non Components V2) message. */
export const ACTION_ROWS_MAX = 5;
/** Buttons in one action row (a row holds up to 5 buttons, or exactly 1 select). */
export const ROW_BUTTONS_MAX = 5;
export const CUSTOM_ID_MIN = 1;
export const CUSTOM_ID_MAX = 100;
export const BUTTON_LABEL_MAX = 80;
export const SELECT_OPTIONS_MAX = 25;
export const SELECT_OPTION_TEXT_MAX = 100;
export const SELECT_PLACEHOLDER_MAX = 150;
export const SELECT_VALUES_MAX = 25;

/** Message flag that turns on Components V2. It can never be removed from a message once set. */
export const FLAG_IS_COMPONENTS_V2 = 1 << 15;
/** Components in one Components V2 message, counting nested ones. */
export const COMPONENTS_V2_TOTAL_MAX = 40;
/** Characters across all text display components of one message. */
export const COMPONENTS_V2_TEXT_MAX = 4000;

/** Autocomplete results. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_MIN = 1;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_STRING_VALUE_MAX = 100;

export const POLL_QUESTION_MAX = 300;
export const POLL_ANSWERS_MAX = 10;
export const POLL_ANSWER_TEXT_MAX = 55;
/** Poll duration, in hours (32 days). */
export const POLL_DURATION_HOURS_MAX = 768;
/** Duration used when a poll gives none, in hours. */
export const POLL_DURATION_HOURS_DEFAULT = 24;

export const COMMAND_NAME_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 100;
export const COMMAND_OPTIONS_MAX = 25;
export const COMMAND_CHOICES_MAX = 25;
/** Characters over name, description, and every option's name, description and choices. */
export const COMMAND_TOTAL_CHARS_MAX = 8000;
/** Chat-input commands per scope (global, or one guild). */
export const COMMANDS_PER_SCOPE_MAX = 100;

export const MODAL_TITLE_MAX = 45;
/** Top-level components in a modal. */
export const MODAL_COMPONENTS_MAX = 5;
export const TEXT_INPUT_LABEL_MAX = 45;
export const TEXT_INPUT_VALUE_MAX = 4000;

export const THREAD_NAME_MAX = 100;
/** Allowed `auto_archive_duration` values, in minutes. */
export const THREAD_AUTO_ARCHIVE_DURATIONS: readonly number[] = [60, 1440, 4320, 10080];
/** Slowmode (`rate_limit_per_user`), in seconds. */
export const SLOWMODE_MAX = 21600;

/** Time allowed between an interaction and its first response. */
export const INTERACTION_RESPONSE_WINDOW_MS = 3_000;
/** Lifetime of an interaction token for webhook calls (edits, follow-ups). */
export const INTERACTION_TOKEN_TTL_MS = 15 * 60 * 1000;

/** `GET /channels/{c}/messages` page size. */
export const MESSAGES_FETCH_DEFAULT = 50;
export const MESSAGES_FETCH_MAX = 100;

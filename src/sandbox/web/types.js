// @ts-check
/**
 * The shapes the sandbox server sends the page (GET /api/state; see src/sandbox/view.ts). Types
 * only: the browser never loads this file. Messages are Discord's own message objects.
 */

/** @typedef {import('discord-api-types/v10').APIMessage} Message */
/** @typedef {import('discord-api-types/v10').APIEmbed} Embed */
/** @typedef {import('discord-api-types/v10').APIButtonComponentWithCustomId
 *   | import('discord-api-types/v10').APIButtonComponentWithURL} Button */
/** @typedef {import('discord-api-types/v10').APIApplicationCommandOption & {
 *   required?: boolean, autocomplete?: boolean, choices?: { name: string, value: string | number }[],
 *   min_value?: number, max_value?: number, max_length?: number }} CommandOption */

/** @typedef {{ key: string, id: string, name: string, teacher: boolean }} User */
/** @typedef {{ id: string, name: string, type: number, parentId?: string }} Channel */
/** @typedef {{ name: string, description: string, options: CommandOption[], teacherOnly: boolean }} Command */

/**
 * @typedef {object} PageState
 * @property {{ id: string, name: string }} guild
 * @property {User[]} users
 * @property {Channel[]} channels
 * @property {string} channel the open channel's id
 * @property {Command[]} commands the commands the acting member sees
 * @property {Message[]} messages the newest messages of the channel, oldest first
 * @property {boolean} older whether older messages exist than the first one sent
 * @property {number} limit how many messages the server sent at most
 * @property {Record<string, string>} names user, channel and role names by id
 * @property {string[]} problems content problems (`file:line: message`)
 * @property {PageModal | null} modal the modal the bot showed the member and they have open
 */

/**
 * @typedef {object} ModalInput
 * @property {string} customId
 * @property {string} label
 * @property {string | null} description
 * @property {number} style 1 short, 2 paragraph
 * @property {string | null} placeholder
 * @property {boolean} required
 * @property {number} minLength
 * @property {number} maxLength
 * @property {string} value the value it opens with
 */

/** @typedef {{ interactionId: string, customId: string, title: string, inputs: ModalInput[] }} PageModal */

export {};

/**
 * Discord's documented limits, in one place: every number of Discord's that the bot relies on.
 * See Discord's developer docs (and DISCORD-NOTES in the project's notes).
 */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  pollQuestion: 300,
  pollAnswers: 10,
  pollAnswer: 55,
  pollHours: 768,
  threadName: 100,
  /** Most messages one fetch of a channel's history returns. */
  messagesPerFetch: 100,
  modalTitle: 45,
  /** A select menu's options, and each option's label, value and description. */
  selectOptions: 25,
  selectOption: 100,
  /** Files on one message. */
  attachments: 10,
  /** Largest file a bot may upload where the server has no boost (10 MiB). */
  attachmentBytes: 10 * 1024 * 1024,
  /** An attachment's description (its alt text). */
  attachmentDescription: 1024,
} as const;

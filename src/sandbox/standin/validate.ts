/**
 * Checks request bodies against Discord's documented limits ({@link ./limits.ts}) and reports problems
 * as Discord does: a path into the body, an error code string and a message. Split by what is checked:
 * messages, components (and the other interaction responses), and threads and commands.
 */
export * from './validate-common.js';
export * from './validate-messages.js';
export * from './validate-components.js';
export * from './validate-commands.js';

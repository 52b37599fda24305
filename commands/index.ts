/** Every slash command, in one static list. */
import type { Command } from '../src/bot/command.js';
import { article } from './article.js';
import { articles } from './articles.js';
import { compare } from './compare.js';
import { help } from './help.js';
import { prompt } from './prompt.js';
import { quote } from './quote.js';
import { summary } from './summary.js';

export const commands: readonly Command[] = [quote, compare, prompt, summary, articles, article, help];

export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((c) => [c.data.name, c]));

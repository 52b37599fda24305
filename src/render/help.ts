/** /help: what each command does. */
import { finalize, type Payload } from './payload.js';

export const HELP_TEXT = [
  '**/quote** `query` `[speaker]` — find an exact passage as you type; `speaker` keeps to one person’s words, their own or quoted by others. Private unless `public:true`. Buttons: ◀ ▶ other matches, **Context** (paragraphs around it), **Share** (post it to the channel), **Cite** (APA and MLA).',
  '**/compare** `topic` — what each article says on a topic, side by side. Pick a topic or type your own.',
  '**/prompt** `[topic] [article] [level] [thread] [poll] [mode]` — *teachers:* post a discussion question with evidence from each article that addresses its topic, optionally in a new thread and with a poll among those articles. Students answer with **Respond**, citing a passage; `mode` is open, post-first (hidden until you Reveal) or anonymous (pseudonyms), or both. `article` picks a question about one article; an article outside every curated topic gets a question from the templates in `content/templates.yaml`. Without a topic or article, it rotates through the questions not yet posted in the channel.',
  '**/summary** — *teachers, inside a discussion thread:* who has posted and which passages they cited.',
  '**/articles** — the articles, their authors and perspectives.',
  '**/article** `add file|url` · `remove article` — *teachers:* add an article from a file (a saved page .html, .txt, .md or .docx) or a web page, after a private preview with **Publish**; or remove one, after a confirmation.',
  '',
  'Every quote is the article’s exact wording, credited to the person who said it. Words in [brackets] are an editor’s corrections. The bot never writes its own answers: if it cannot find something, it says so.',
].join('\n');

export function helpAnswer(): Payload {
  return finalize({
    ephemeral: true,
    embeds: [{ color: 0x5865f2, title: 'Discussion guide', description: HELP_TEXT }],
  });
}

/**
 * A small set of articles about people, for the speaker tests (search, /quote, the CLI, end to end):
 * a reporter quoting a mayor and an engineer inside her paragraphs, and an interview with the mayor.
 * The mayor's name has accents; one paragraph names her without being her words.
 */
import type { TinyArticle } from './content.js';

export const MAYOR = 'Marta Núñez';
export const ENGINEER = 'Omar Reyes';
/** The mayor's words inside the reporter's paragraph `harbour#2`, as `quotes:` gives them. */
export const MAYOR_QUOTE = '"We will rebuild the harbour wall,"';
export const ENGINEER_QUOTE = '"It is finished,"';

export const SPEAKER_ARTICLES: TinyArticle[] = [
  {
    id: 'harbour',
    body: [
      'Núñez has long argued that the harbour wall protects the old town, and wants it rebuilt.',
      `${MAYOR_QUOTE} the mayor said on Monday, standing on the broken stones.`,
      `Engineers doubt the harbour wall can be saved. ${ENGINEER_QUOTE} said ${ENGINEER}.`,
      'The council will vote on the budget in March.',
    ].join('\n\n'),
    extra: [
      'short: Author (The Outlet)',
      'quotes:',
      `  - { speaker: ${MAYOR}, text: '${MAYOR_QUOTE}' }`,
      `  - { speaker: ${ENGINEER}, text: '${ENGINEER_QUOTE}' }`,
    ].join('\n'),
  },
  {
    id: 'mayor-talk',
    body: [
      '[Q] What will you build first?',
      '[A] The harbour wall, before the winter storms, and then the fish market.',
      '[Q] And the budget?',
      '[A] The budget is tight, but the wall comes first.',
    ].join('\n\n'),
    extra: ['short: Asker (The Outlet)', 'interviewer: Ivy Asker', `interviewee: ${MAYOR}`].join('\n'),
  },
];

/**
 * A class with many articles: a complete content folder (10 articles and a topics.yaml) written to
 * a temporary directory, for the tests of /compare, polls and prompts with more articles than
 * the two that ship. The text is made from fixed word lists, so it is the same on every run.
 *
 * Topics:
 * - `energy-prices` is addressed by 8 articles (with 8, 7, … 1 passages on it, so the article
 *   with the most comes first) and not by the other 2. Its passages are long enough that the
 *   /compare answer does not fit one 6,000-character message.
 * - `school-meals` is addressed by 3 articles, one of them an article that leaves energy alone.
 * - `river-floods` is addressed by 2 articles.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ManyArticle {
  readonly id: string;
  readonly author: string;
  readonly outlet: string;
  readonly kind: 'opinion' | 'news' | 'analysis' | 'interview';
  /** Passages on energy prices (0: the article does not address it). */
  readonly energy: number;
  readonly meals: number;
  readonly floods: number;
}

/** The articles, in file order (not in relevance order). */
export const MANY_ARTICLES: readonly ManyArticle[] = [
  {
    id: 'ahmed-grid',
    author: 'Sara Ahmed',
    outlet: 'The Northern Ledger',
    kind: 'opinion',
    energy: 3,
    meals: 0,
    floods: 0,
  },
  {
    id: 'baker-winter',
    author: 'Tom Baker',
    outlet: 'Harbour Daily',
    kind: 'news',
    energy: 8,
    meals: 0,
    floods: 2,
  },
  {
    id: 'chen-markets',
    author: 'Li Chen',
    outlet: 'Market Weekly',
    kind: 'analysis',
    energy: 6,
    meals: 0,
    floods: 0,
  },
  {
    id: 'diaz-gardens',
    author: 'Rosa Diaz',
    outlet: 'Green Streets',
    kind: 'opinion',
    energy: 0,
    meals: 2,
    floods: 0,
  },
  {
    id: 'evans-homes',
    author: 'Mark Evans',
    outlet: 'The Civic Post',
    kind: 'news',
    energy: 5,
    meals: 0,
    floods: 0,
  },
  {
    id: 'fischer-talk',
    author: 'Anna Fischer',
    outlet: 'Radio Valley',
    kind: 'interview',
    energy: 1,
    meals: 0,
    floods: 0,
  },
  {
    id: 'garcia-farms',
    author: 'Luis Garcia',
    outlet: 'Country Courier',
    kind: 'analysis',
    energy: 7,
    meals: 0,
    floods: 1,
  },
  {
    id: 'haddad-library',
    author: 'Nadia Haddad',
    outlet: 'The Reading Room',
    kind: 'opinion',
    energy: 0,
    meals: 0,
    floods: 0,
  },
  {
    id: 'ito-factories',
    author: 'Ken Ito',
    outlet: 'Industry Today',
    kind: 'news',
    energy: 4,
    meals: 1,
    floods: 0,
  },
  {
    id: 'jones-schools',
    author: 'Beth Jones',
    outlet: 'The Parent Paper',
    kind: 'opinion',
    energy: 2,
    meals: 3,
    floods: 0,
  },
];

export const MANY_TOPIC = 'energy-prices';
export const MANY_TOPIC_TITLE = 'Energy prices and household bills';

export interface ManyArticlesFolder {
  readonly dir: string;
  /** Topic id → ids of the articles that address it, in file order. */
  readonly addressing: ReadonlyMap<string, readonly string[]>;
  /** Topic id → ids of the articles that do not. */
  readonly notAddressing: ReadonlyMap<string, readonly string[]>;
  /** Ids of the articles addressing energy-prices, the one with the most passages on it first. */
  readonly energyByPassages: readonly string[];
  readonly remove: () => void;
}

const SUBJECTS = [
  'The city council',
  'Many families on the east side',
  'The regional government',
  'Small shop owners',
  'Teachers across the district',
  'Young workers in the suburbs',
  'The national statistics office',
  'Older residents',
  'Several local charities',
  'A group of nurses',
  'Bus drivers on the night routes',
  'The mayor and her advisers',
];
const VERBS = [
  'spent the whole autumn discussing',
  'wrote a long letter about',
  'held a public meeting on',
  'published a careful report about',
  'asked for a plain answer on',
  'argued for most of the evening about',
  'made a short film about',
  'kept a weekly diary on',
];
const OBJECTS = [
  'the old railway bridge near the market square',
  'the opening hours of the public swimming pool',
  'the plan to repaint every street sign in the centre',
  'the number of trees planted along the main avenue',
  'a new cycle path that runs beside the canal',
  'the quiet closing of two post offices',
  'the long waiting lists at the dental clinic',
  'the parking rules outside the football ground',
  'the choir that sings in the town hall each spring',
  'the museum that wants a larger building',
];
const TIMES = [
  'before the summer holidays',
  'during the first week of March',
  'after a very long debate',
  'while the snow was still falling',
  'at the end of a busy year',
  'in front of a small but patient crowd',
];

const TOPIC_SENTENCES: Record<'energy' | 'meals' | 'floods', readonly string[]> = {
  energy: [
    'Energy prices climbed again this winter, and household bills for heating rose faster than wages.',
    'When energy prices jump, household bills take the first hit and families cut back on everything else.',
    'Officials promised that energy prices would settle, yet household bills kept arriving higher each month.',
    'The rise in energy prices showed up on household bills long before it showed up in any official report.',
  ],
  meals: [
    'Free school meals now reach more pupils, and head teachers say school meals help children concentrate.',
    'The cost of school meals worried parents, who asked whether school meals could stay free next year.',
  ],
  floods: [
    'The river floods each spring, and the river floods reached the lower streets twice this year.',
    'People living near the water say the river floods are getting worse and come with little warning.',
  ],
};

/** A filler sentence, from the word lists: never a word any topic searches for. */
function filler(n: number): string {
  const s = SUBJECTS[n % SUBJECTS.length] ?? '';
  const v = VERBS[(n * 3 + 1) % VERBS.length] ?? '';
  const o = OBJECTS[(n * 7 + 2) % OBJECTS.length] ?? '';
  const t = TIMES[(n * 5 + 3) % TIMES.length] ?? '';
  return `${s} ${v} ${o} ${t}.`;
}

/** A paragraph of about 450 to 600 characters: one topic sentence (if any), then filler. */
function paragraph(seed: number, topic?: keyof typeof TOPIC_SENTENCES): string {
  const lead = topic ? [TOPIC_SENTENCES[topic][seed % TOPIC_SENTENCES[topic].length] ?? ''] : [];
  return [...lead, filler(seed), filler(seed + 11), filler(seed + 23)].join(' ');
}

function articleBody(a: ManyArticle, index: number): string {
  const paragraphs: string[] = [];
  let seed = index * 17;
  const add = (topic?: keyof typeof TOPIC_SENTENCES) => paragraphs.push(paragraph(seed++, topic));
  add();
  for (let k = 0; k < a.energy; k++) add('energy');
  for (let k = 0; k < a.meals; k++) add('meals');
  for (let k = 0; k < a.floods; k++) add('floods');
  add();
  add();
  return paragraphs.join('\n\n');
}

function articleFile(a: ManyArticle, index: number): string {
  const interview = a.kind === 'interview' ? ['interviewer: Paul Stone', `interviewee: ${a.author}`] : [];
  return [
    '---',
    `id: ${a.id}`,
    `title: ${a.author.split(' ')[1] ?? a.author} on the town this year`,
    'authors:',
    `  - ${a.author}`,
    ...interview,
    `outlet: ${a.outlet}`,
    `date: 2025-0${(index % 9) + 1}-1${index % 10}`,
    `kind: ${a.kind}`,
    `perspective: The view from ${a.outlet}`,
    `summary: ${a.author} writes about the town, its streets and its people.`,
    '---',
    '',
    articleBody(a, index),
    '',
  ].join('\n');
}

const prompts = (what: string) => [
  '    prompts:',
  `      understand: What does each article say about ${what}?`,
  `      analyze: How do the articles differ in the evidence they give about ${what}?`,
  `      evaluate: Which article's account of ${what} is better supported by what it reports?`,
];

const TOPICS_YAML = [
  'topics:',
  `  - id: ${MANY_TOPIC}`,
  `    title: ${MANY_TOPIC_TITLE}`,
  '    terms: [energy prices, household bills]',
  ...prompts('energy prices'),
  '  - id: school-meals',
  '    title: School meals',
  '    terms: [school meals]',
  '    pinned: [jones-schools#4]',
  ...prompts('school meals'),
  '  - id: river-floods',
  '    title: The river floods',
  '    terms: [river floods]',
  ...prompts('the river floods'),
  '',
].join('\n');

const BY_TOPIC: Record<string, (a: ManyArticle) => number> = {
  [MANY_TOPIC]: (a) => a.energy,
  'school-meals': (a) => a.meals,
  'river-floods': (a) => a.floods,
};

/** Writes the folder (articles/ and topics.yaml) to a new temporary directory. */
export function writeManyArticles(): ManyArticlesFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'many-articles-'));
  mkdirSync(path.join(dir, 'articles'));
  MANY_ARTICLES.forEach((a, i) => {
    writeFileSync(path.join(dir, 'articles', `${a.id}.md`), articleFile(a, i));
  });
  writeFileSync(path.join(dir, 'topics.yaml'), TOPICS_YAML);
  const addressing = new Map<string, string[]>();
  const notAddressing = new Map<string, string[]>();
  for (const [topic, count] of Object.entries(BY_TOPIC)) {
    addressing.set(
      topic,
      MANY_ARTICLES.filter((a) => count(a) > 0).map((a) => a.id),
    );
    notAddressing.set(
      topic,
      MANY_ARTICLES.filter((a) => count(a) === 0).map((a) => a.id),
    );
  }
  const energyByPassages = MANY_ARTICLES.filter((a) => a.energy > 0)
    .sort((a, b) => b.energy - a.energy)
    .map((a) => a.id);
  return {
    dir,
    addressing,
    notAddressing,
    energyByPassages,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

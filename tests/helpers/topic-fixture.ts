/**
 * A content folder of its own for the topic-suggestion tests, written to a temporary directory and
 * loaded through the real loader: two articles share an obvious subject (tariffs on steel
 * imports), the others share nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { articleFile, type TinyArticle } from './content.js';

export const STEEL_ARTICLES: TinyArticle[] = [
  {
    id: 'mill-town',
    body: [
      'The new tariffs on steel imports arrived in March, and the domestic mills in our valley hired again.',
      'Our mayor opened the spring fair with a brass band and a parade of old tractors.',
      'Owners of the domestic mills say the tariffs protect them from cheap steel imports dumped below cost.',
      'The fair ended with fireworks over the reservoir, as it has every year since 1950.',
    ].join('\n\n'),
  },
  {
    id: 'car-maker',
    body: [
      'Our carmakers pay more since the tariffs: steel imports cost a fifth more, and domestic mills raised prices too.',
      'The company also sponsors a youth football league and a summer reading programme.',
      'Economists warn that tariffs on steel imports shield a few domestic mills while thousands of assembly jobs suffer.',
      'Its headquarters moved to a glass tower beside the harbour last autumn.',
    ].join('\n\n'),
  },
];

export const UNRELATED_ARTICLES: TinyArticle[] = [
  {
    id: 'sourdough',
    body: [
      'A sourdough starter needs flour, water and patience before the loaf can rise.',
      'Bakers fold the dough gently, then let it rest overnight in a cool basket.',
      'A hot oven and a heavy lid give the crust its crackle.',
      'Stale bread makes excellent croutons and pudding.',
    ].join('\n\n'),
  },
  {
    id: 'tomatoes',
    body: [
      'Tomatoes love sunshine, compost and deep watering twice a week.',
      'Pinch the side shoots so the vine spends its strength on fruit.',
      'Blight spreads on damp leaves, so gardeners water the soil, not the foliage.',
      'Green fruit left at the end of summer ripens indoors on a windowsill.',
    ].join('\n\n'),
  },
  {
    id: 'violin',
    body: [
      'A beginner violinist practises scales slowly, listening for each note to ring.',
      'Rosin on the bow hair lets it grip the strings.',
      'Orchestra rehearsals teach a player to count rests and follow the conductor.',
      'A luthier adjusts the bridge and soundpost when the instrument sounds dull.',
    ].join('\n\n'),
  },
];

/** A topics.yaml with one topic on a subject no fixture article shares. */
export const ONE_TOPIC = `topics:
  - id: sourdough-baking
    title: Sourdough baking
    terms: [sourdough starter, oven]
    prompts:
      understand: What does a starter need?
      analyze: How do the steps differ?
      evaluate: Which method is better supported?
`;

/** The same, plus a topic that already covers the steel imports. */
export const STEEL_TOPIC = `${ONE_TOPIC}  - id: steel-tariffs
    title: Tariffs on steel imports
    terms: [tariffs, steel imports, domestic mills]
    prompts:
      understand: What do the tariffs do?
      analyze: Who gains and who loses?
      evaluate: Which view is better supported?
`;

/** Writes a content folder into a new temporary directory; returns it. */
export function writeContentDir(articles: readonly TinyArticle[], topics: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'topic-suggest-'));
  mkdirSync(path.join(dir, 'articles'));
  for (const a of articles) writeFileSync(path.join(dir, 'articles', `${a.id}.md`), articleFile(a));
  writeFileSync(path.join(dir, 'topics.yaml'), topics);
  return dir;
}

/** Loads a content folder, or throws with its problems as `file:line: message`. */
export async function loadLibrary(dir: string): Promise<Library> {
  const result = await loadContent(dir);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return buildLibrary(result.content);
}

/** A library over a temporary content folder, removed once loaded. */
export async function fixtureLibrary(articles: readonly TinyArticle[], topics = ONE_TOPIC): Promise<Library> {
  const dir = writeContentDir(articles, topics);
  try {
    return await loadLibrary(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

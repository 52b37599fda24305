/** YAML parsing that keeps line numbers, so every problem can point at `file:line`. */
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './types.js';

/**
 * How far aliases (`*name`) may expand, counted the yaml library's way (`maxAliasCount`): plenty
 * for a value reused a few times, while a nested "alias bomb" is refused instead of expanded.
 */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  /** The document as plain JavaScript values. */
  readonly data: unknown;
  /** 1-based line of a path in the document, or of the nearest parent that exists. */
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** Where the first alias (`*name`) of a document starts, if it has one. */
function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

export function parseYaml(
  file: string,
  source: string,
  firstLine: number,
  problems: ContentProblem[],
): ParsedYaml | null {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push({ file, line: lineAt(e.pos[0]), message: `YAML: ${e.message.split('\n')[0] ?? ''}` });
    }
    return null;
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return lineAt(node.range[0]);
    }
    return firstLine;
  };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), lineOf };
  } catch (error) {
    // The yaml library throws on aliases that expand too far ("Excessive alias count").
    const why = error instanceof Error ? error.message : String(error);
    if (!/alias/i.test(why)) throw error;
    problems.push({
      file,
      line: lineAt(firstAliasOffset(doc) ?? 0),
      message: `YAML: aliases (*name) expand too far (over ${MAX_ALIAS_COUNT} values): write the values out instead`,
    });
    return null;
  }
}

/** Turns zod issues into `file:line: message` problems. */
export function schemaProblems(
  file: string,
  error: z.ZodError,
  lineOf: ParsedYaml['lineOf'],
): ContentProblem[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '';
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown field ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
    const prefix = where && !message.includes('`') ? `${where}: ` : '';
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return { file, line: lineOf(path), message: prefix + message };
  });
}

/**
 * A YAML file checked against its schema: the checked data with the lines of its document, or null
 * when either the YAML or the schema finds a problem (each one recorded as `file:line`).
 */
export function parseYamlWith<T>(
  file: string,
  source: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): { readonly data: T; readonly lineOf: ParsedYaml['lineOf'] } | null {
  const yaml = parseYaml(file, source, 1, problems);
  if (!yaml) return null;
  const parsed = schema.safeParse(yaml.data);
  if (!parsed.success) {
    problems.push(...schemaProblems(file, parsed.error, yaml.lineOf));
    return null;
  }
  return { data: parsed.data, lineOf: yaml.lineOf };
}

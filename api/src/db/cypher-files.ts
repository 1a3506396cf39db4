// Loads the Cypher statements in cypher/ once. A statement may hold placeholders such as
// {{depth}} or {{type}}: Cypher cannot take a parameter as a variable-length bound, and a label
// or type given as a parameter ($(…)) plans far slower, so each bound or name the API allows is
// rendered once (a validated integer, a label or type of the domain model, or types joined
// by |) and cached.
// Values are always parameters. A statement may also end with a shared part of cypher/partials/,
// written {{> name}} (the GraphView statements share how they read a view's nodes and edges).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.ts';
import { isLabel, isRelationshipType } from '../domain.ts';

const CYPHER_DIR = path.join(ROOT, 'cypher');

/**
 * A folder's statements by name, without their comment lines: a statement travels to Neo4j
 * with every request, and the comments were most of a view statement's 5 kB.
 */
function readFolder(folder: string): Map<string, string> {
  const dir = path.join(CYPHER_DIR, folder);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  return new Map(files.map((f) => [f.replace(/\.cypher$/, ''), withoutCommentLines(fs.readFileSync(path.join(dir, f), 'utf8'))]));
}

/** Drops the lines that hold only a // comment (a comment after code stays). */
function withoutCommentLines(text: string): string {
  return text.replace(/^[ \t]*\/\/.*(\r?\n|$)/gm, '');
}

const partials = readFolder('partials');
const queries = new Map([...readFolder('queries'), ...readFolder('import'), ...readFolder('export')]);
const rendered = new Map<string, string>();

/** The text of cypher/{queries,import,export}/NAME.cypher, with its placeholders filled. */
export function cypher(name: string, bounds: Record<string, number | string> = {}): string {
  const key = `${name}${JSON.stringify(bounds)}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const text = queries.get(name);
  if (text === undefined) throw new Error(`no Cypher statement named ${name} in cypher/`);
  const whole = text.replace(/\{\{> ([\w-]+)\}\}/g, (_, partial: string) => {
    const part = partials.get(partial);
    if (part === undefined) throw new Error(`${name}.cypher includes ${partial}, but cypher/partials/${partial}.cypher does not exist`);
    return part;
  });
  const filled = whole.replace(/\{\{(\w+)\}\}/g, (_, placeholder: string) => {
    const value = bounds[placeholder];
    if (typeof value === 'string' && (isLabel(value) || value.split('|').every(isRelationshipType))) return value;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
      throw new Error(`${name}.cypher needs an integer, a label or relationship types for {{${placeholder}}}, got ${value}`);
    }
    return String(value);
  });
  rendered.set(key, filled);
  return filled;
}

/** The schema statements of cypher/schema/, in file order, split on semicolons. */
export function schemaStatements(): string[] {
  return [...readFolder('schema').values()]
    .flatMap((text) => text.split(';'))
    .map((s) => s.trim())
    .filter(Boolean);
}

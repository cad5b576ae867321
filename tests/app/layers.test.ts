// Which way imports flow in app/ (issue 13): routes → models → lib, components → lib, and inside lib shared code
// below both server-only and browser-only code. A violation is a rule with two homes again (a view type inside a
// model, a browser hook importing server code), so this reads every import and fails on any, and on any cycle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const appDir = join(root, 'app');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The app files a module imports (type-only imports included: a type's home is a rule too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'/g)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith('~/') ? join(appDir, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(file), specifier) : null;
    if (!base) return [];
    const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
    const found = candidates.find((candidate) => candidate.startsWith(appDir) && /\.tsx?$/.test(candidate) && statSafe(candidate));
    return found ? [found] : [];
  });
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const files = sourceFiles(appDir);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file: string) => relative(root, file);
const within = (file: string, folder: string) => rel(file).startsWith(`app/${folder}/`);

function violations(from: string, to: string): string[] {
  return [...graph].flatMap(([file, imports]) => (within(file, from) ? imports.filter((target) => within(target, to)).map((target) => `${rel(file)} → ${rel(target)}`) : []));
}

describe('app import layers', () => {
  it('app/lib imports nothing from app/models, app/components or app/routes', () => {
    expect([...violations('lib', 'models'), ...violations('lib', 'components'), ...violations('lib', 'routes')]).toEqual([]);
  });

  it('components import no model module (view types live in app/lib/shared)', () => {
    expect(violations('components', 'models')).toEqual([]);
  });

  it('shared code imports neither server-only nor browser-only code, and neither of those imports the other', () => {
    expect([...violations('lib/shared', 'lib/server'), ...violations('lib/shared', 'lib/browser'), ...violations('lib/browser', 'lib/server'), ...violations('lib/server', 'lib/browser')]).toEqual([]);
  });

  it('withRls is opened only by models (and defined in db.server)', () => {
    const callers = files.filter((file) => !within(file, 'models') && !rel(file).endsWith('lib/server/db.server.ts') && /\bwithRls\s*[(<]/.test(readFileSync(file, 'utf8')));
    expect(callers.map(rel)).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

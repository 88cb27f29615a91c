// The layering rules of docs/architecture.md, checked on the import graph itself, and no import
// loop anywhere (`npm run cycles` prints them). A newcomer who follows one import arrow never
// has to come back the same way.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKED_FOLDERS, importCycles, importGraph } from './importGraph.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const graph = importGraph(ROOT, CHECKED_FOLDERS);
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

/** The imports from files under `from` that reach outside the `allowed` folders. */
const crossing = (from: string, allowed: string[]) =>
  edges.filter((e) => under(from)(e.from) && !allowed.some((folder) => under(folder)(e.to))).map((e) => `${e.from} → ${e.to}`);

describe('the import graph', () => {
  it('reads every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('server/app.ts')).toContain('server/deps.ts');
  });

  it('has no import loop under server/, shared/ or client/', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a loop when there is one', () => {
    const looped = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(importCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('keeps the layers: shared imports only shared, the domain only itself and shared, the client no server code', () => {
    expect(crossing('shared', ['shared'])).toEqual([]);
    expect(crossing('server/domain', ['server/domain', 'shared'])).toEqual([]);
    expect(crossing('client', ['client', 'shared'])).toEqual([]);
  });

  it('lets no route or socket handler import the composition root', () => {
    const root = ['server/app.ts', 'server/main.ts'];
    const upward = edges.filter((e) => (under('server/http')(e.from) || under('server/realtime')(e.from)) && root.includes(e.to));
    expect(upward).toEqual([]);
  });
});

/**
 * The import graph of the project's own modules, read from their text, and the two checks of the
 * architecture test: no cycle, and no import from a higher layer.
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";

/** A module (path relative to the repository root) and the project modules it imports. */
export type ImportGraph = Map<string, string[]>;

/** An import that breaks the layering. */
export interface LayerViolation {
  from: string;
  to: string;
  why: string;
}

const IMPORT_FROM = /^\s*(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm;
const BARE_IMPORT = /^\s*import\s*["']([^"']+)["']/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/**
 * The module specifiers a source text imports or re-exports (static, side-effect and dynamic
 * imports, `import type` included), with comments (and so doc examples) left out.
 *
 * @example
 * ```ts
 * importSpecifiers('import type { A } from "./a.ts";\n// import { b } from "./b.ts";');
 * // ["./a.ts"]
 * ```
 */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const pattern of [IMPORT_FROM, BARE_IMPORT, DYNAMIC_IMPORT]) {
    for (const match of code.matchAll(pattern)) found.push(match[1]);
  }
  return found;
}

/**
 * The repository-relative path a specifier names, or undefined for a package (`npm:`, `node:`,
 * a bare name of the import map). `@lib/` is the import map's alias of `lib/`.
 */
export function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (specifier.startsWith("@lib/")) return join("lib", specifier.slice("@lib/".length));
  if (!specifier.startsWith(".")) return undefined;
  return join(dirname(from), specifier);
}

/** Every `.ts` file under `dir` (relative to `root`), sorted. */
export async function tsFiles(root: string, dir: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(join(root, dir))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) files.push(...await tsFiles(root, path));
    else if (entry.isFile && entry.name.endsWith(".ts")) files.push(path);
  }
  return files.sort();
}

/** The import graph of the given files (repository-relative), limited to project modules. */
export async function importGraph(root: string, files: readonly string[]): Promise<ImportGraph> {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const source = await Deno.readTextFile(join(root, file));
    const targets = importSpecifiers(source)
      .map((s) => resolveSpecifier(file, s))
      .filter((t): t is string => t !== undefined)
      .map((t) => relative(root, resolve(root, t)));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The import cycles of a graph: each strongly connected component of more than one module (or a
 * module importing itself), as a sorted list of modules (Tarjan's algorithm).
 *
 * @example
 * ```ts
 * importCycles(new Map([["a", ["b"]], ["b", ["a"]], ["c", ["a"]]])); // [["a", "b"]]
 * ```
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>(), cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/**
 * Imports that break a layering: `layers` maps a folder (`lib/stats`) to its rank; a module may
 * import its own folder and folders of lower rank only, so two folders of the same rank never
 * import each other. A module in no listed folder is not checked (the `lib/mod.ts` barrel), and an
 * import of a module in no listed folder is a violation (a new folder must be given a layer).
 *
 * @example
 * ```ts
 * const layers = new Map([["lib/sweep", 1], ["lib/stats", 2]]);
 * layerViolations(new Map([["lib/sweep/a.ts", ["lib/stats/b.ts"]]]), layers);
 * // [{ from: "lib/sweep/a.ts", to: "lib/stats/b.ts", why: "lib/sweep (1) imports lib/stats (2)" }]
 * ```
 */
export function layerViolations(
  graph: ImportGraph,
  layers: ReadonlyMap<string, number>,
): LayerViolation[] {
  const folderOf = (file: string) => [...layers.keys()].find((f) => file.startsWith(f + "/"));
  const violations: LayerViolation[] = [];
  for (const [from, targets] of graph) {
    const source = folderOf(from);
    if (source === undefined) continue;
    for (const to of targets) {
      const target = folderOf(to);
      if (target === source) continue;
      const rank = (f: string | undefined) => f === undefined ? "no layer" : layers.get(f);
      if (target === undefined || layers.get(target)! >= layers.get(source)!) {
        violations.push({
          from,
          to,
          why: `${source} (${rank(source)}) imports ${target ?? to} (${rank(target)})`,
        });
      }
    }
  }
  return violations;
}

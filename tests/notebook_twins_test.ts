/**
 * The notebook is the original pandas notebook's twin, written by hand: its code cells carry the
 * original's comments in the original's order (a comment that led an original cell leads its
 * twin), save the original's figures under the original's names from the twin of the cell that
 * saved them, and compute and draw in the cells themselves: no cell is a bare lookup of a named
 * step (`await show(results, "name")`, as the generated notebook was), and every figure a cell
 * saves is drawn there with Observable Plot. The original's cells are described in
 * `fixtures/original/code_cells.json` (copied once from the original, which CI does not have).
 */
import assert from "node:assert/strict";
import { type Cell, text } from "./helpers/notebook_json.ts";
import { NOTEBOOK } from "./helpers/render_run.ts";

interface OriginalComment {
  text: string;
  leading: boolean;
  stem?: string;
}
interface OriginalCell {
  cell: number;
  first_line: string;
  comments: OriginalComment[];
  saves: string[];
  shows: string[];
}
const ORIGINAL: { cells: OriginalCell[]; added_figures: string[] } = JSON.parse(
  await Deno.readTextFile(new URL("fixtures/original/code_cells.json", import.meta.url)),
);

const nb: { cells: Cell[] } = JSON.parse(await Deno.readTextFile(NOTEBOOK));
/** The notebook's code cells: their number (from 1, every cell counted) and source lines. */
const CODE = nb.cells.flatMap((cell, i) =>
  cell.cell_type === "code" ? [{ number: i + 1, source: text(cell.source) }] : []
).map((c) => ({ ...c, lines: c.source.split("\n") }));

/** The text of a top-level `//` comment line, or undefined. */
const commentOf = (line: string) => /^\/\/ ?(.*)$/.exec(line)?.[1];

/**
 * Where each original comment is in the notebook: scanning forward from the previous one's
 * place, the first top-level comment line that starts with it (its stem when it has one).
 */
function findComments() {
  const found: { original: OriginalCell; comment: OriginalComment; cell: number; line: number }[] =
    [];
  let at = { index: 0, line: -1 };
  for (const original of ORIGINAL.cells) {
    for (const comment of original.comments) {
      const want = comment.stem ?? comment.text;
      let place: { index: number; line: number } | undefined;
      for (let index = at.index; index < CODE.length && !place; index++) {
        const lines = CODE[index].lines;
        for (let line = index === at.index ? at.line + 1 : 0; line < lines.length; line++) {
          if (commentOf(lines[line])?.startsWith(want)) {
            place = { index, line };
            break;
          }
        }
      }
      assert.ok(
        place,
        `the original's comment "# ${comment.text}" (its code cell ${original.cell}) is not ` +
          `in the notebook after code cell ${CODE[at.index]?.number}, line ${at.line + 1}`,
      );
      found.push({ original, comment, cell: CODE[place.index].number, line: place.line });
      at = place;
    }
  }
  return found;
}

/** Every `out.<kind>("name"` call of the notebook: its kind, name and cell number. */
const SAVES = CODE.flatMap((c) =>
  [...c.source.matchAll(/\bout\.(table|json|figure)\(\s*("[^"]*"|[^,)]*)/g)].map((m) => ({
    kind: m[1],
    name: m[2].startsWith('"') ? JSON.parse(m[2]) as string : undefined,
    argument: m[2],
    cell: c.number,
  }))
);

Deno.test("the fixture holds the original's 20 code cells and 18 top-level comments", () => {
  assert.equal(ORIGINAL.cells.length, 20);
  assert.equal(ORIGINAL.cells.flatMap((c) => c.comments).length, 18);
  assert.deepEqual(ORIGINAL.cells.map((c) => c.cell), ORIGINAL.cells.map((_, i) => i + 1));
});

Deno.test("each of the original's comments is in the notebook, in order; a leading one leads its twin", () => {
  const twins = new Map<number, number>();
  for (const { original, comment, cell, line } of findComments()) {
    if (comment.leading) {
      assert.equal(line, 0, `"# ${comment.text}" leads the original's cell: it leads cell ${cell}`);
    }
    const twin = twins.get(original.cell);
    assert.ok(
      twin === undefined || twin === cell,
      `the comments of the original's code cell ${original.cell} are in cells ${twin} and ${cell}`,
    );
    twins.set(original.cell, cell);
  }
  // Twins keep the original's order.
  const order = [...twins.values()];
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

Deno.test("the original's figures: its names, its order, from the twins of the cells that saved them", () => {
  const originals = ORIGINAL.cells.flatMap((c) => [...c.saves, ...c.shows]);
  assert.equal(originals.length, 9);
  const figures = SAVES.filter((s) => s.kind === "figure");
  const names = figures.map((f) => f.name);
  assert.deepEqual(names.filter((n) => originals.includes(n!)), originals);
  assert.deepEqual(names.filter((n) => !originals.includes(n!)), ORIGINAL.added_figures);
  const twins = new Map(findComments().map((f) => [f.original.cell, f.cell]));
  for (const original of ORIGINAL.cells) {
    const twin = twins.get(original.cell);
    if (twin === undefined) continue;
    for (const name of [...original.saves, ...original.shows]) {
      const cell = figures.find((f) => f.name === name)!.cell;
      assert.equal(cell, twin, `${name}: saved in cell ${cell}, the twin is cell ${twin}`);
    }
  }
});

Deno.test("every file a cell saves has a name of its own, written out in the cell", () => {
  for (const save of SAVES) {
    assert.ok(
      save.name,
      `cell ${save.cell}: out.${save.kind}(${save.argument}, ...) names no file`,
    );
  }
  const files = SAVES.flatMap((s) =>
    s.kind === "figure"
      ? [`${s.name}.svg`, `${s.name}.png`]
      : [`${s.name}.${s.kind === "table" ? "csv" : "json"}`]
  );
  assert.deepEqual(files.filter((f, i) => files.indexOf(f) !== i), [], "a file saved twice");
  assert.ok(files.includes("analysis_summary.json") && files.includes("robustness.json"));
});

/** A cell's code without its comment lines and blank lines. */
const codeOf = (source: string) =>
  source.split("\n").filter((l) => l.trim() !== "" && !/^\s*\/\//.test(l)).join("\n").trim();

Deno.test("no code cell is a bare lookup by name: every cell holds its own computation", () => {
  const bare = /^(?:await\s+)?[\w$.]+\(\s*(?:[\w$.]+\s*,\s*)?(["'`])[^"'`]*\1\s*\)\s*;?$/;
  for (const cell of CODE) {
    const code = codeOf(cell.source);
    assert.doesNotMatch(code, bare, `cell ${cell.number} only looks a step up by its name`);
    assert.doesNotMatch(cell.source, /\bshow\(results\s*,/, `cell ${cell.number}`);
  }
  // The check catches what the generated notebook had.
  assert.match('await show(results, "best_layers");', bare);
  assert.match('// Best layers\nawait showStep("best_layers");'.split("\n")[1], bare);
});

/**
 * Names of the functions the notebook defines (`function f(` or `const f = (...) =>`) whose
 * definition draws with `Plot.plot(`: the text from the definition to the next top-level
 * statement of its cell.
 */
function plottingFunctions(): Set<string> {
  const names = new Set<string>();
  for (const cell of CODE) {
    const definitions =
      /^(?:async\s+)?function\s+([\w$]+)|^const\s+([\w$]+)\s*=\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*(?::[^=]+)?=>/gm;
    for (const m of cell.source.matchAll(definitions)) {
      const rest = cell.source.slice(m.index + m[0].length);
      const next = rest.search(/\n(?=[A-Za-z])/);
      const body = next < 0 ? rest : rest.slice(0, next);
      if (body.includes("Plot.plot(")) names.add(m[1] ?? m[2]);
    }
  }
  return names;
}

Deno.test("every cell that saves a figure draws it with Plot.plot, or calls a function of the notebook that does", () => {
  const plotting = plottingFunctions();
  assert.ok(plotting.has("plot_heatmap"), `${[...plotting]}`); // the original's own function
  const cells = new Set(SAVES.filter((s) => s.kind === "figure").map((s) => s.cell));
  assert.equal(cells.size >= 10, true);
  for (const number of cells) {
    const source = CODE.find((c) => c.number === number)!.source;
    const calls = [...plotting].some((name) => new RegExp(`\\b${name}\\(`).test(source));
    assert.ok(
      source.includes("Plot.plot(") || calls,
      `cell ${number} saves a figure it does not draw`,
    );
  }
});

/**
 * A notebook that provokes the Deno kernel's late outputs, and a check that counts the cells whose
 * outputs came back incomplete or out of order. Its cells mimic the project notebook: printed lines
 * then a table displayed through `Deno.jupyter.broadcast` (as `display(tableBundle(...))` does), a
 * bare expression, and printed lines then a bare expression.
 * @module
 */
import { type Cell, codeCells, text } from "./notebook_json.ts";

/** The output a stress cell must give: its type and the text it must hold. */
export interface Expected {
  output_type: "stream" | "display_data" | "execute_result";
  text: string;
}

/** How many lines each printing cell prints and how many rows each table has. */
export interface Shape {
  lines: number;
  rows: number;
}

/** The default shape: a few printed lines and tables of tens of kB. */
export const SHAPE: Shape = { lines: 3, rows: 400 };

/** An HTML table of `rows` rows naming cell `i`: tens of kB, like the notebook's tables. */
function tableHtml(i: number, rows: number): string {
  const body = Array.from(
    { length: rows },
    (_, r) => `<tr><td>${i}.${r}</td><td>${r * i}</td></tr>`,
  );
  return `<table data-cell="${i}">${body.join("")}</table>`;
}

/**
 * The source of stress cell `i` and the outputs it must give, in order.
 *
 * @example
 * ```ts
 * stressCell(1).expected; // [{ output_type: "execute_result", text: "{ cell: 1 }" }]
 * ```
 */
export function stressCell(i: number, { lines, rows }: Shape = SHAPE): {
  source: string;
  expected: Expected[];
} {
  const printed = Array.from({ length: lines }, (_, l) => `cell ${i} line ${l}`);
  const prints = printed.map((line) => `console.log(${JSON.stringify(line)});`).join("\n");
  const stream: Expected = { output_type: "stream", text: printed.map((l) => l + "\n").join("") };
  if (i % 3 === 0) {
    const bundle = { "text/html": tableHtml(i, rows), "text/plain": `table ${i}` };
    const content = JSON.stringify({ data: bundle, metadata: {}, transient: {} });
    return {
      source: `${prints}\nawait Deno.jupyter.broadcast("display_data", ${content});`,
      expected: [stream, { output_type: "display_data", text: `table ${i}` }],
    };
  }
  const result: Expected = { output_type: "execute_result", text: `{ cell: ${i} }` };
  if (i % 3 === 1) return { source: `({ cell: ${i} })`, expected: [result] };
  return { source: `${prints}\n({ cell: ${i} })`, expected: [stream, result] };
}

/**
 * A notebook of a markdown cell and `cells` stress cells (see `stressCell`).
 *
 * @example
 * ```ts
 * stressNotebook(30).cells.length; // 31
 * ```
 */
export function stressNotebook(
  cells: number,
  shape: Shape = SHAPE,
): { cells: object[] } & Record<string, unknown> {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: [
      // An outputs key on a markdown cell is invalid nbformat: the runner must drop it.
      { cell_type: "markdown", id: "intro", metadata: {}, source: "# Late outputs", outputs: [] },
      ...Array.from({ length: cells }, (_, i) => ({
        cell_type: "code",
        id: `c${i}`,
        metadata: {},
        source: stressCell(i, shape).source,
        outputs: [],
        execution_count: null,
      })),
    ],
  };
}

/** An ANSI colour escape, as `Deno.inspect` writes them. */
const ANSI_COLOUR = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/** The outputs of a cell as (type, text) pairs, consecutive streams joined as Jupyter shows them. */
function shownOutputs(cell: Cell): { output_type: string; text: string }[] {
  const shown: { output_type: string; text: string }[] = [];
  for (const o of cell.outputs ?? []) {
    // deno colours its text/plain (`{ cell: \x1b[33m1\x1b[39m }`): compare the plain text.
    const body = text(o.text ?? o.data?.["text/plain"] ?? "").replace(ANSI_COLOUR, "");
    const last = shown.at(-1);
    if (o.output_type === "stream" && last?.output_type === "stream") last.text += body;
    else shown.push({ output_type: o.output_type, text: body });
  }
  return shown;
}

/**
 * The indexes of the code cells whose outputs are not exactly the expected ones, in order
 * (consecutive stream outputs are compared joined; stream names are not told apart).
 *
 * @example
 * ```ts
 * incompleteCells({ cells: [] }); // []
 * ```
 */
export function incompleteCells(nb: { cells: Cell[] }, shape: Shape = SHAPE): number[] {
  return codeCells(nb).flatMap((cell, i) => {
    const outputs = shownOutputs(cell);
    const expected = stressCell(i, shape).expected;
    const ok = outputs.length === expected.length &&
      expected.every((e, k) =>
        outputs[k].output_type === e.output_type && outputs[k].text === e.text
      );
    return ok ? [] : [i];
  });
}

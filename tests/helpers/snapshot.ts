/**
 * Test helper: golden-file ("snapshot") comparison of figures, as Observable Plot's own tests do.
 * A figure's standalone SVG is compared byte for byte with a committed golden file; with
 * `UPDATE_SNAPSHOTS=1` in the environment the goldens are written instead.
 *
 * The text compared is the SVG in a canonical form: one element per line (a line break between
 * `>` and `<`, so that a review diff shows what changed), and every number inside an attribute
 * value rounded to {@link DECIMALS} decimals (text content, such as hover titles, is left as it
 * is): sub-pixel float noise (`30.700000000000003`) then neither bloats the goldens nor makes them
 * churn when a computation is reordered, and a real change to a figure still shows.
 */
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The environment variable that turns comparison into writing the goldens. */
export const UPDATE_FLAG = "UPDATE_SNAPSHOTS";

/** Decimals kept of the numbers in attribute values (1/100 pixel). */
export const DECIMALS = 2;

/** How to update the goldens, for failure messages. */
export const HOW_TO_UPDATE = `if the change is intended, run \`${UPDATE_FLAG}=1 deno task test\` ` +
  `(or \`${UPDATE_FLAG}=1 deno test -A tests/figures_snapshots_test.ts\`) and review the diff ` +
  "of tests/fixtures/snapshots/ before committing";

/** The goldens' folder. */
export const SNAPSHOTS = fileURLToPath(new URL("../fixtures/snapshots/", import.meta.url));

/** Whether this run writes the goldens rather than comparing with them. */
export function updating(): boolean {
  return Deno.env.get(UPDATE_FLAG) === "1";
}

/** Rounds a decimal number's text to {@link DECIMALS} decimals, dropping trailing zeros. */
function round(text: string): string {
  const value = Number(Number(text).toFixed(DECIMALS));
  return String(Object.is(value, -0) ? 0 : value);
}

/** The SVG, one element per line, numbers of its attribute values rounded (see the module). */
export function canonicalSvg(svg: string): string {
  const long = new RegExp(`-?\\d+\\.\\d{${DECIMALS + 1},}`, "g");
  return svg
    .replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(long, round)}"`)
    .replaceAll("><", ">\n<");
}

/** Where two texts first differ, as 1-based line and column, with the two lines. */
export function firstDifference(
  expected: string,
  actual: string,
): { line: number; column: number; expected: string; actual: string } {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  const line = expected.slice(0, i).split("\n").length;
  const start = expected.lastIndexOf("\n", i - 1) + 1;
  const excerpt = (text: string) => text.slice(Math.max(start, i - 60), i + 60);
  return { line, column: i - start + 1, expected: excerpt(expected), actual: excerpt(actual) };
}

/** The path of a golden, relative to the current folder, for messages. */
export function shown(path: string): string {
  return relative(Deno.cwd(), path);
}

/**
 * Compares an SVG (canonical form) with its golden file, or writes the golden when updating.
 * Throws an error naming the file, where it differs, and how to update.
 */
export async function assertSnapshot(path: string, svg: string): Promise<void> {
  const actual = canonicalSvg(svg);
  if (updating()) {
    await Deno.mkdir(dirname(path), { recursive: true });
    await Deno.writeTextFile(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = await Deno.readTextFile(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    throw new Error(`no golden file ${shown(path)}: ${HOW_TO_UPDATE}`);
  }
  if (expected === actual) return;
  const d = firstDifference(expected, actual);
  throw new Error(
    `${shown(path)}:${d.line}:${d.column}: the figure differs from its golden file\n` +
      `  golden: …${d.expected}…\n  figure: …${d.actual}…\n${HOW_TO_UPDATE}`,
  );
}

/**
 * Goldens in a folder that no figure wrote: removed when updating, else an error naming them.
 */
export async function assertNoStaleSnapshots(dir: string, names: readonly string[]): Promise<void> {
  const stale: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && !names.includes(entry.name)) stale.push(`${dir}/${entry.name}`);
  }
  if (stale.length === 0) return;
  if (updating()) {
    for (const path of stale) await Deno.remove(path);
    return;
  }
  throw new Error(
    `golden files of no figure: ${stale.map(shown).join(", ")}: ${HOW_TO_UPDATE}`,
  );
}

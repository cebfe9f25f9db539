/**
 * Wrapping report sentences to a width, so printed reports stay readable in a 980 px notebook
 * output (about 100 characters of monospace text).
 * @module
 */

/** The widest line the printed reports aim for. */
export const REPORT_WIDTH = 96;

/**
 * Breaks a sentence into lines of at most `width` characters at spaces, the first line starting
 * with `indent` and the others with `hanging` (default: `indent`). A word longer than a line
 * stays whole on its own line. A no-break space (U+00A0) holds words together (a group name such
 * as "full RL"); it is printed as a plain space.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(wrap("training and depth split these models the same way", 24, "  "), [
 *   "  training and depth",
 *   "  split these models the",
 *   "  same way",
 * ]);
 * assert.deepEqual(wrap("a b", 80, "- ", "  "), ["- a b"]);
 * assert.deepEqual(wrap("is full\u00a0RL", 8), ["is", "full RL"]);
 * ```
 */
export function wrap(text: string, width = REPORT_WIDTH, indent = "", hanging = indent): string[] {
  const lines: string[] = [];
  let line = indent, empty = true;
  for (const word of text.split(/[ \t\n]+/).filter((w) => w.length)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging + word;
    } else line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.replaceAll("\u00a0", " "));
}

/**
 * Sinks: where the cells of one schema column go as a CSV streams in (typed arrays for numbers,
 * dictionary codes for text), each cell checked at its line and column.
 * @module
 */
import { floatInRange, intInRange } from "./cells.ts";
import { DictionaryBuilder, Growable, toDictionary } from "./columns.ts";
import { quoteText, SweepDataError } from "./errors.ts";
import type { ColumnType } from "./schema.ts";

/** Where one schema column's cells go. */
export interface Sink {
  name: string;
  type: ColumnType;
  /** Takes the cell `text[start, end)` of the given line and (1-based field) column. */
  take(text: string, start: number, end: number, line: number, column: number): void;
  finish(): Int32Array | Float64Array | ReturnType<DictionaryBuilder["finish"]>;
}

/**
 * A sink for one column: numbers are parsed in place (a cell that is not one is an error), text
 * is dictionary-encoded, and a text column with an `expected` value must hold it in every cell.
 * With `store` false, numbers are checked but not kept (`finish` gives an empty column).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const sink = makeSink("s.csv", "layer", "int");
 * sink.take("12,x", 0, 2, 2, 1); // the cell "12" of line 2, column 1
 * assert.deepEqual(sink.finish(), Int32Array.from([12]));
 * assert.throws(() => sink.take("x,1", 0, 1, 3, 1), /^SweepDataError: s\.csv:3:1/);
 * ```
 */
export function makeSink(
  file: string,
  name: string,
  type: ColumnType,
  expected?: string,
  store = true,
): Sink {
  if (type === "string") {
    if (expected !== undefined) return constantSink(file, name, expected);
    return store ? textSink(name) : { name, type, take: () => {}, finish: () => toDictionary([]) };
  }
  const values = type === "int"
    ? new Growable((n) => new Int32Array(n))
    : new Growable((n) => new Float64Array(n));
  const parse = type === "int" ? intInRange : floatInRange;
  const want = type === "int" ? "a whole number" : "a number";
  return {
    name,
    type,
    take(text, start, end, line, column) {
      const value = parse(text, start, end);
      if (value !== undefined) return store ? values.push(value) : undefined;
      throw new SweepDataError(`not ${want}: ${quoteText(text.slice(start, end))}`, {
        file,
        line,
        column,
        columnName: name,
      });
    },
    finish: () => values.finish(),
  };
}

/** Text cells, dictionary-encoded. */
function textSink(name: string): Sink {
  const builder = new DictionaryBuilder();
  return {
    name,
    type: "string",
    take: (t, s, e) => builder.pushRange(t, s, e),
    finish: () => builder.finish(),
  };
}

/**
 * Every cell must be the expected value: checked in place, keeping only the count. Names compare
 * Unicode-normalized (NFC): a folder name in NFD (as macOS writes it) matches NFC cells.
 */
function constantSink(file: string, name: string, expected: string): Sink {
  let rows = 0;
  const nfc = expected.normalize("NFC");
  const same = (text: string, start: number, end: number) =>
    (end - start === expected.length && text.startsWith(expected, start)) ||
    text.slice(start, end).normalize("NFC") === nfc;
  return {
    name,
    type: "string",
    take(text, start, end, line, column) {
      if (!same(text, start, end)) {
        throw new SweepDataError(
          `${name} is ${quoteText(text.slice(start, end))} but the folder is for ${
            quoteText(expected)
          }`,
          { file, line, column, columnName: name },
        );
      }
      rows++;
    },
    finish: () => ({ codes: new Int32Array(rows), values: [expected] }),
  };
}

/**
 * Columns that grow as rows stream in: typed arrays that double when full, and dictionary-encoded
 * text (a code per row, each distinct value once).
 * @module
 */

/** Text column stored as codes: row i holds `values[codes[i]]`. */
export interface Dictionary {
  codes: Int32Array;
  values: string[];
}

/**
 * The value of row `i` of a dictionary column.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(dictionaryValue({ codes: Int32Array.from([1, 0]), values: ["(A)", "(B)"] }, 0), "(B)");
 * ```
 */
export function dictionaryValue(column: Dictionary, i: number): string {
  return column.values[column.codes[i]];
}

/**
 * A dictionary column from plain strings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const column = toDictionary(["(A)", "(B)", "(A)"]);
 * assert.deepEqual([Array.from(column.codes), column.values], [[0, 1, 0], ["(A)", "(B)"]]);
 * ```
 */
export function toDictionary(strings: readonly string[]): Dictionary {
  const builder = new DictionaryBuilder();
  for (const s of strings) builder.push(s);
  return builder.finish();
}

type TypedArray = Int32Array | Float64Array;

/** A typed array that doubles its capacity when full. */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: (n: number) => T, capacity = 1024) {
    this.data = make(capacity);
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed, in an array of exactly that length. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Builds a dictionary column; `pushRange` matches a cell without cutting it out of its line. */
export class DictionaryBuilder {
  private readonly codes = new Growable((n) => new Int32Array(n));
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private last = -1;

  /** Appends one value. */
  push(value: string): void {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    this.codes.push(code);
  }

  /**
   * Appends `text.slice(start, end)`, comparing in place with the values seen so far (a few
   * distinct values, as in model, concept and answer columns; many go through the map).
   */
  pushRange(text: string, start: number, end: number): void {
    if (this.values.length > 16) return this.push(text.slice(start, end));
    const n = end - start;
    const last = this.last >= 0 ? this.values[this.last] : undefined;
    if (last !== undefined && last.length === n && text.startsWith(last, start)) {
      this.codes.push(this.last);
      return;
    }
    for (let code = 0; code < this.values.length; code++) {
      const v = this.values[code];
      if (v.length === n && text.startsWith(v, start)) {
        this.last = code;
        this.codes.push(code);
        return;
      }
    }
    this.push(text.slice(start, end));
    this.last = this.values.length - 1;
  }

  /** The codes and the distinct values. */
  finish(): Dictionary {
    return { codes: this.codes.finish(), values: [...this.values] };
  }
}

/**
 * Column storage of the fast CSV path: typed arrays sized from an estimate of the rows (grown by
 * half when it falls short, cut to the rows read at the end without a second full copy), and a
 * dictionary of text cells matched on their bytes.
 * @module
 */
const ascii = new TextDecoder();

/**
 * `array` cut to its first `length` values: the buffer is transferred (the old array is
 * detached), so no second array of the full size is kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const cut = shrink(Int32Array.from([1, 2, 3, 0, 0]), 3);
 * assert.deepEqual(cut, Int32Array.from([1, 2, 3]));
 * ```
 */
export function shrink<T extends Int32Array | Float64Array>(array: T, length: number): T {
  if (array.length === length) return array;
  const buffer = (array.buffer as ArrayBuffer).transfer(length * array.BYTES_PER_ELEMENT);
  return (array instanceof Int32Array ? new Int32Array(buffer) : new Float64Array(buffer)) as T;
}

/**
 * `array` with room for `capacity` values, its first `length` values kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const grown = resized(Float64Array.from([1, 2]), 2, 4);
 * assert.deepEqual(grown, Float64Array.from([1, 2, 0, 0]));
 * ```
 */
export function resized<T extends Int32Array | Float64Array>(
  array: T,
  length: number,
  capacity: number,
): T {
  const bigger =
    (array instanceof Int32Array ? new Int32Array(capacity) : new Float64Array(capacity)) as T;
  bigger.set(array.subarray(0, length));
  return bigger;
}

/** Distinct values compared byte by byte before a map takes over. */
const LINEAR_LIMIT = 16;

/**
 * Codes for text cells given as byte ranges, in first-seen order (the codes and values the full
 * reader's `DictionaryBuilder` gives for the same cells). The cells must be ASCII.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = new TextEncoder().encode("(A),(B),(A)");
 * const dictionary = new ByteDictionary();
 * const codes = [[0, 3], [4, 7], [8, 11]].map(([s, e]) => dictionary.code(bytes, s, e));
 * assert.deepEqual(codes, [0, 1, 0]);
 * assert.deepEqual(dictionary.values, ["(A)", "(B)"]);
 * ```
 */
export class ByteDictionary {
  readonly values: string[] = [];
  private readonly bytes: Uint8Array[] = [];
  private readonly index = new Map<string, number>();
  private last = -1;

  /** The code of the cell `bytes[start, end)`, a new one for a value not seen before. */
  code(bytes: Uint8Array, start: number, end: number): number {
    const last = this.last;
    if (last >= 0 && sameBytes(this.bytes[last], bytes, start, end)) return last;
    if (this.values.length > LINEAR_LIMIT) {
      return this.byText(ascii.decode(bytes.subarray(start, end)));
    }
    for (let code = 0; code < this.bytes.length; code++) {
      if (sameBytes(this.bytes[code], bytes, start, end)) return this.last = code;
    }
    return this.last = this.add(bytes.slice(start, end));
  }

  private byText(text: string): number {
    const code = this.index.get(text);
    return code ?? this.add(new TextEncoder().encode(text));
  }

  private add(value: Uint8Array): number {
    const code = this.values.length, text = ascii.decode(value);
    this.values.push(text);
    this.bytes.push(value);
    this.index.set(text, code);
    return code;
  }
}

/** Whether `bytes[start, end)` equals `value`. */
function sameBytes(value: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== value.length) return false;
  for (let k = 0; k < value.length; k++) if (bytes[start + k] !== value[k]) return false;
  return true;
}

import assert from "node:assert/strict";
import { wasmModule } from "../lib/stats/wasm_encoding.ts";
import { assemble, textFunction } from "../lib/stats/wasm_text.ts";

Deno.test("labels count outwards from the innermost block, and may be reused after their end", () => {
  const code = `block $a loop $b br $a br $b end end block $a br $a end`;
  assert.deepEqual(assemble(code, []), [
    0x02,
    0x40,
    0x03,
    0x40,
    0x0c,
    1,
    0x0c,
    0,
    0x0b,
    0x0b,
    0x02,
    0x40,
    0x0c,
    0,
    0x0b,
  ]);
});

Deno.test("a loop assembled from text runs: the sum of 1 to n", () => {
  const sum = textFunction(
    "sum",
    { params: { n: "i32" }, results: ["i32"], locals: { s: "i32" } },
    `
    block $done
      local.get $n i32.eqz br_if $done
      loop $next
        local.get $s local.get $n i32.add local.set $s ;; s += n
        local.get $n i32.const 1 i32.sub local.tee $n br_if $next
      end
    end
    local.get $s`,
  );
  const e = new WebAssembly.Instance(new WebAssembly.Module(wasmModule([sum], 1))).exports;
  assert.equal((e.sum as (n: number) => number)(100), 5050);
});

Deno.test("constants: negative and large i32, NaN and fractions as f64, i32x4 lanes", () => {
  assert.deepEqual(assemble("i32.const 0xb4ade7d4", []), [0x41, 0xd4, 0xcf, 0xb7, 0xa5, 0x7b]);
  assert.deepEqual(assemble("f64.const nan", []).slice(0, 1), [0x44]);
  const lanes = assemble("v128.const i32x4 1 2 3 -1", []);
  assert.deepEqual(lanes.slice(0, 2), [0xfd, 0x0c]);
  assert.deepEqual(Array.from(new Int32Array(Uint8Array.from(lanes.slice(2)).buffer)), [
    1,
    2,
    3,
    -1,
  ]);
});

Deno.test("mistakes are errors naming the culprit", () => {
  assert.throws(() => assemble("i32.frobnicate", []), /unknown instruction i32.frobnicate/);
  assert.throws(() => assemble("local.get $x", ["y"]), /unknown local \$x/);
  assert.throws(() => assemble("br $nowhere", []), /unknown label \$nowhere/);
  assert.throws(() => assemble("i32.const", []), /immediate is missing/);
  assert.throws(() => assemble("f64.const many", []), /not a number: many/);
});

import assert from "node:assert/strict";
import { parseJsonText, parseRunInfo } from "../lib/sweep/json.ts";

const INFO = {
  model: "4B",
  concept: "c",
  num_layers: 36,
  layers_tested: [11, 12],
  best_layer: 12,
  best_delta: 0.5,
  top_5_layers: [12, 11],
};

Deno.test("parseRunInfo reads a valid summary.json", () => {
  assert.deepEqual(parseRunInfo(JSON.stringify(INFO), "summary.json"), INFO);
});

Deno.test("parseJsonText names the line and column of a syntax error", () => {
  assert.throws(
    () => parseJsonText('{\n  "a": 1,\n  oops\n}', "s.json"),
    (e: unknown) => e instanceof Error && /^s\.json:3:3: unreadable JSON/.test(e.message),
  );
});

Deno.test("parseRunInfo checks field types", () => {
  assert.throws(
    () => parseRunInfo(JSON.stringify({ ...INFO, num_layers: "36" }), "s.json"),
    /s\.json: field "num_layers" should be a whole number, found "36"/,
  );
  assert.throws(
    () => parseRunInfo(JSON.stringify({ ...INFO, num_layers: 0 }), "s.json"),
    /should be positive/,
  );
  assert.throws(() => parseRunInfo("[1]", "s.json"), /s\.json:1:1: expected a JSON object/);
});

Deno.test("issue 9 #10: Python's bare NaN and Infinity are numbers; the same words in strings stay text", () => {
  const text = '{"a": NaN, "b": -Infinity, "c": "NaN", "d": [Infinity], "e": "x\\"NaN"}';
  const value = parseJsonText(text, "s.json") as Record<string, unknown>;
  assert.ok(Number.isNaN(value.a));
  assert.deepEqual([value.b, value.c, value.d, value.e], [-Infinity, "NaN", [Infinity], 'x"NaN']);
  const info = parseRunInfo(JSON.stringify(INFO).replace("0.5", "NaN"), "summary.json");
  assert.ok(Number.isNaN(info.best_delta));
});

Deno.test("syntax errors after NaN tokens, and unexpected tokens, still give line:column", () => {
  assert.throws(
    () => parseJsonText('{"a": NaN, "b": Infinity,\n  "c": 1 2}', "s.json"),
    /^SweepDataError: s\.json:2:10: unreadable JSON/,
  );
  const long = `{"a": "${"x".repeat(100_000)}", "b": Nan}`;
  assert.throws(
    () => parseJsonText(long, "s.json"),
    (e: unknown) =>
      e instanceof Error && e.message.startsWith("s.json:1:100016: unreadable JSON") &&
      e.message.length < 300,
  );
});

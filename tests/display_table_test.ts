import assert from "node:assert/strict";
import { tableBundle, tableHtml } from "../lib/display/table.ts";

const rows = [{ model: "4B", layer: 18, delta: 14.011423 }, { model: "<b>", layer: 9, delta: NaN }];

Deno.test("tableHtml escapes text and writes one row per record", () => {
  const html = tableHtml(rows);
  assert.equal(html.match(/<tr>/g)?.length, 3);
  assert.match(html, /<td style="text-align: right; white-space: nowrap">14\.011<\/td>/);
  assert.match(html, /&lt;b&gt;/);
});

Deno.test("tableBundle carries the HTML and the aligned text of the same rows", () => {
  const bundle = tableBundle(rows);
  assert.equal(bundle["text/html"], tableHtml(rows));
  assert.deepEqual(bundle["text/plain"].split("\n").map((line) => line.trim().split(/\s+/)), [
    ["model", "layer", "delta"],
    ["4B", "18", "14.011"],
    ["<b>", "9", "NaN"],
  ]);
});

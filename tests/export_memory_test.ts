import assert from "node:assert/strict";
import { megabytes, peakRss } from "../lib/export/memory.ts";

Deno.test("peakRss is at least the current resident size", () => {
  const peak = peakRss();
  assert.ok(peak > 10 * 2 ** 20, `${peak}`);
  assert.ok(peak >= Deno.memoryUsage().rss * 0.9);
});

Deno.test("megabytes rounds to whole megabytes", () => {
  assert.equal(megabytes(3 * 2 ** 20), "3 MB");
  assert.equal(megabytes(1.6 * 2 ** 20), "2 MB");
});

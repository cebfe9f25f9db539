import assert from "node:assert/strict";
import { join } from "node:path";
import {
  assertNoStaleSnapshots,
  assertSnapshot,
  canonicalSvg,
  firstDifference,
  UPDATE_FLAG,
} from "./helpers/snapshot.ts";

Deno.test("canonicalSvg: one element a line, long numbers rounded in attribute values only", () => {
  const svg = '<svg width="30.700000000000003"><path d="M1.23456,-0.0001L2.5,3"/>' +
    "<title>delta 0.00123 at 1.23456</title></svg>";
  assert.equal(
    canonicalSvg(svg),
    '<svg width="30.7">\n<path d="M1.23,0L2.5,3"/>\n<title>delta 0.00123 at 1.23456</title>\n</svg>',
  );
});

Deno.test("firstDifference gives the 1-based line and column of the first change", () => {
  const d = firstDifference('<svg>\n<g fill="red"/>', '<svg>\n<g fill="blue"/>');
  assert.deepEqual([d.line, d.column], [2, 10]);
  assert.ok(d.expected.includes("red") && d.actual.includes("blue"));
});

/** Runs `body` with the update flag set to `value` (or unset), restoring it afterwards. */
async function withFlag(value: string | undefined, body: () => Promise<void>): Promise<void> {
  const before = Deno.env.get(UPDATE_FLAG);
  if (value === undefined) Deno.env.delete(UPDATE_FLAG);
  else Deno.env.set(UPDATE_FLAG, value);
  try {
    await body();
  } finally {
    if (before === undefined) Deno.env.delete(UPDATE_FLAG);
    else Deno.env.set(UPDATE_FLAG, before);
  }
}

Deno.test("assertSnapshot: a missing or different golden fails naming the file and the fix", async () => {
  const dir = await Deno.makeTempDir({ prefix: "snapshot-test-" });
  try {
    const golden = join(dir, "fig.svg");
    await withFlag(undefined, async () => {
      await assert.rejects(
        assertSnapshot(golden, "<svg/>"),
        (e: Error) =>
          e.message.includes("no golden file") && e.message.includes("fig.svg") &&
          e.message.includes(`${UPDATE_FLAG}=1 deno task test`),
      );
      await Deno.writeTextFile(golden, '<svg width="1"/>');
      await assert.rejects(
        assertSnapshot(golden, '<svg width="2"/>'),
        (e: Error) =>
          /fig\.svg:1:13: the figure differs/.test(e.message) &&
          e.message.includes(`${UPDATE_FLAG}=1`),
      );
      await assertSnapshot(golden, '<svg width="1.0000001"/>'); // sub-pixel noise: equal
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("with the update flag, goldens are written and stale ones removed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "snapshot-test-" });
  try {
    await Deno.writeTextFile(join(dir, "old.svg"), "<svg/>");
    await withFlag(undefined, async () => {
      await assert.rejects(assertNoStaleSnapshots(dir, []), /old\.svg/);
    });
    await withFlag("1", async () => {
      await assertSnapshot(join(dir, "new.svg"), '<svg x="0.123456"/>');
      await assertNoStaleSnapshots(dir, ["new.svg"]);
    });
    assert.equal(await Deno.readTextFile(join(dir, "new.svg")), '<svg x="0.12"/>');
    assert.deepEqual(Array.from(Deno.readDirSync(dir)).map((e) => e.name), ["new.svg"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

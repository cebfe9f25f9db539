/** discover.ts: concepts and models of a sweep folder, as a shell glob sees them. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { discoverConcepts, modelsInConcept } from "../lib/sweep/discover.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

Deno.test("discoverConcepts lists concept folders holding a model folder; others are no concept", () =>
  withTempSweep(async (dir) => {
    await Deno.mkdir(join(dir, "empty"));
    await Deno.mkdir(join(dir, ".backup", "Qwen_Qwen3_4B"), { recursive: true });
    await Deno.symlink("nowhere", join(dir, "dangling"));
    const notes: string[] = [];
    assert.deepEqual(await discoverConcepts(dir, notes), ["alpha", "beta"]);
    assert.deepEqual(notes, []);
    assert.deepEqual((await modelsInConcept(join(dir, "alpha"))).sort(), ["30B-A3B", "4B"]);
  }));

/**
 * Hostile report on issue 9, defect 5: notes are bounded and name the file. Every row a distinct
 * matching_answer gave one 62,051-character line; a stray quote at the start of a field (line 2)
 * closed on line 120 merged 119 lines into one record with only an "incomplete sweep" warning.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSweep } from "../lib/sweep/load.ts";
import { withTempSweep } from "./helpers/temp_sweep.ts";

const SAMPLES = ["alpha", "Qwen_Qwen3_4B", "per_sample_all_layers.csv"];

async function edit(dir: string, change: (cells: string[], line: number, at: number) => void) {
  const path = join(dir, ...SAMPLES);
  const [head, ...rows] = (await Deno.readTextFile(path)).split("\n");
  const at = head.split(",").indexOf("matching_answer");
  const out = rows.map((row, i) => {
    if (!row) return row;
    const cells = row.split(",");
    change(cells, i + 2, at);
    return cells.join(",");
  });
  await Deno.writeTextFile(path, [head, ...out].join("\n"));
  return path;
}

Deno.test("defect 5: a data-quality note over thousands of distinct answers is one short line", () =>
  withTempSweep(async (dir) => {
    const path = await edit(dir, (cells, line, at) => {
      cells[at] = `(answer number ${line} ${"x".repeat(line % 90)})`;
    });
    const sweep = await loadSweep(dir);
    const note = sweep.notes.find((n) => n.startsWith("data quality: 4B/alpha"));
    assert.ok(note, sweep.notes.join("\n"));
    assert.ok(note.includes(path), "names the file");
    assert.ok(note.length < 600, `${note.length} characters`);
    assert.ok(!note.includes("\n"));
    assert.match(note, /and [\d,]+ other answers/);
  }));

Deno.test("defect 5: a quoted field opened on line 2 and closed on line 30 is named with its lines", () =>
  withTempSweep(async (dir) => {
    const path = await edit(dir, (cells, line, at) => {
      if (line === 2) cells[at] = `"${cells[at]}`;
      if (line === 30) cells[at] = `${cells[at]}"`;
    });
    const sweep = await loadSweep(dir, { models: ["4B"], concepts: ["alpha"] }).catch((e) => e);
    const notes: string[] = sweep instanceof Error ? [sweep.message] : sweep.notes;
    const note = notes.find((n) => n.includes(`${path}:2-30`));
    assert.ok(note, notes.join("\n"));
    assert.match(note, /opened on line 2 runs to line 30/);
    assert.ok(notes.every((n) => n.length < 600 && !n.includes("\n")), notes.join("\n"));
  }));

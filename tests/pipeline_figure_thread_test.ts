import assert from "node:assert/strict";
import { PIPELINE } from "../lib/pipeline/description.ts";
import { figureFiles } from "../lib/pipeline/files.ts";
import {
  startFigureWorker,
  withheldSamples,
  withoutSamples,
} from "../lib/pipeline/figure_thread.ts";
import { smallResults } from "./helpers/small_analysis.ts";

const results = await smallResults();
const inProcess = await figureFiles(PIPELINE, results);

Deno.test("the figure worker's files are the ones made in process, byte for byte", async () => {
  using figures = startFigureWorker();
  const timed: string[] = [];
  const files = await figures.files(results, (t) => timed.push(t.name));
  assert.deepEqual(files, inProcess);
  assert.equal(timed.length, files.length / 2); // one timing per figure
});

Deno.test("in two stages too: the statistics first, the robustness later", async () => {
  using figures = startFigureWorker();
  const { robustness: _, contrasts: __, ...statistics } = results;
  figures.start(statistics);
  const timed: string[] = [];
  assert.deepEqual(await figures.files(results, (t) => timed.push(t.name)), inProcess);
  assert.equal(timed.length, inProcess.length / 2); // timings of the first stage kept for files()
});

Deno.test("the per-sample columns are not sent, and reading them there says why", () => {
  const sent = withoutSamples(results);
  const size = (value: unknown) =>
    JSON.stringify(value, (_, v) => ArrayBuffer.isView(v) ? [...(v as Float64Array)] : v).length;
  assert.ok(sent.sweep.runs.every((run) => !("samples" in run)));
  assert.ok(size(sent.sweep) * 3 < size(results.sweep));
  const received = withheldSamples(structuredClone(sent));
  assert.throws(() => received.analysis.sweep.runs[0].samples, /not sent to the figure worker/);
  assert.deepEqual(received.analysis.bestLayers, results.analysis.bestLayers);
});

Deno.test("a figure failing in the worker rejects files() with its error", async () => {
  using figures = startFigureWorker();
  const analysis = { ...results.analysis, layerSummaries: undefined as never };
  await assert.rejects(figures.files({ ...results, analysis }), /TypeError/);
});

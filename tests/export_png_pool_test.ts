import assert from "node:assert/strict";
import { pngPool, portPool, startPngWorkers } from "../lib/export/png_pool.ts";
import { svgToPng } from "../lib/export/png.ts";
import { pngSize } from "./helpers/png.ts";

const svg = (width: number, text = "") =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20">` +
  `<text x="2" y="14" font-size="12">${text}</text></svg>`;

Deno.test("the pool's PNGs are the bytes svgToPng makes, in the order asked", async () => {
  using pool = pngPool(2);
  const svgs = [svg(40, "Delta"), svg(60, "−0.5"), svg(30), svg(50, "Δ 4B")];
  const pngs = await Promise.all(svgs.map((s) => pool.render(s)));
  for (const [i, png] of pngs.entries()) assert.deepEqual(png, await svgToPng(svgs[i]));
  assert.deepEqual(pngs.map((png) => pngSize(png).width), [80, 120, 60, 100]); // 2x each
});

Deno.test("a bad SVG rejects its own job only; the pool goes on", async () => {
  using pool = pngPool(1);
  await assert.rejects(pool.render("not an svg"), /rasterizing a figure: /);
  assert.deepEqual(pngSize(await pool.render(svg(10), 1)), { width: 10, height: 20 });
});

Deno.test("closing the pool rejects the jobs not done, and later ones", async () => {
  const pool = pngPool(1);
  const jobs = [pool.render(svg(400, "a")), pool.render(svg(400, "b"))];
  pool.close();
  for (const job of jobs) await assert.rejects(job, /closed/);
  await assert.rejects(pool.render(svg(10)), /closed/);
});

Deno.test("workers started here serve a pool given their ports", async () => {
  using workers = startPngWorkers(2);
  using pool = portPool(workers.ports);
  const pngs = await Promise.all([
    pool.render(svg(10)),
    pool.render(svg(20)),
    pool.render(svg(30)),
  ]);
  assert.deepEqual(pngs.map((png) => pngSize(png).width), [20, 40, 60]);
});

Deno.test("every job goes to a worker when asked for, not when a worker answers", async () => {
  // Two fake workers that never answer: with jobs handed out only on answers, each would get one.
  const channels = [new MessageChannel(), new MessageChannel()];
  const received = channels.map(() => [] as number[]);
  channels.forEach((c, i) => {
    c.port2.onmessage = ({ data }) => received[i].push(data.svg.length);
  });
  const pool = portPool(channels.map((c) => c.port1));
  const jobs = [400, 100, 20, 10].map((n) => pool.render(svg(n, "x".repeat(n))).catch(() => {}));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(received.flat().length, 4); // all four handed out at once
  const load = received.map((sizes) => sizes.reduce((a, b) => a + b, 0));
  assert.ok(Math.min(...load) > 0, "both workers got work, the least loaded first");
  pool.close();
  await Promise.all(jobs);
  for (const c of channels) c.port2.close();
});

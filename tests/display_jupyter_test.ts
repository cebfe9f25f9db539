import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { display, figureBundle } from "../lib/display/jupyter.ts";
import { composeFigure } from "../lib/figures/compose.ts";
import { createDocument } from "../lib/figures/dom.ts";

Deno.test("figureBundle gives the standalone SVG and the title", () => {
  const document = createDocument();
  const chart = Plot.plot({ document, marks: [Plot.dot([1])] }) as unknown as Element;
  const bundle = figureBundle(composeFigure(document, { title: "Delta", charts: [chart] }));
  assert.match(bundle["image/svg+xml"], /^<svg xmlns=/);
  assert.equal(bundle["text/plain"], "[figure: Delta]");
});

Deno.test("display prints the text outside a notebook", async () => {
  const logged: string[] = [];
  const log = console.log;
  console.log = (text: string) => logged.push(text);
  try {
    await display({ "text/html": "<b>x</b>", "text/plain": "x" });
  } finally {
    console.log = log;
  }
  assert.deepEqual(logged, ["x"]);
});

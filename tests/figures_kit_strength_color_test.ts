/** The kit's strength colours: coolwarm-like, labelled as the original's legends. */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { rasterize } from "../lib/export/png.ts";
import { standaloneSvg } from "../lib/export/svg.ts";
import { strengthColor, theme } from "../lib/figures/kit.ts";
import { decodePng } from "./helpers/png.ts";

const rgb = (color: string) => {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(color);
  return m ? m.slice(1).map(Number) : [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
};

Deno.test("negative strengths blue, zero gray, positive red, deeper with the size", () => {
  const range = [...strengthColor([-2, -1, 0, 1, 2]).range!] as string[];
  const [b2, b1, zero, r1, r2] = range.map(rgb);
  assert.ok(b2[2] > b2[0] && b1[2] > b1[0], "blues");
  assert.ok(r2[0] > r2[2] && r1[0] > r1[2], "reds");
  assert.deepEqual(zero, [0x8c, 0x8c, 0x8c]);
  const lightness = (c: number[]) => c[0] + c[1] + c[2];
  assert.ok(lightness(b2) < lightness(b1) && lightness(r2) < lightness(r1), "deeper");
});

Deno.test("strengthColor is an ordinal scale with a legend labelled +1.0, 0.0, \u22121.0", () => {
  const color = strengthColor([-1, 0, 1]);
  assert.deepEqual([color.type, color.domain, color.legend, color.label], [
    "ordinal",
    [-1, 0, 1],
    true,
    "Strength",
  ]);
  const format = color.tickFormat as (s: number) => string;
  assert.deepEqual([-1, 0, 1].map(format), ["\u22121.0", "0.0", "+1.0"]);
  assert.equal(strengthColor([-1, 1], { legend: false }).legend, false);
});

Deno.test("a chart coloured by strength: swatch labels and colours reach the PNG", () => {
  const strengths = [-1, 0, 1];
  const color = strengthColor(strengths);
  const figure = Plot.plot({
    ...theme({ height: 160 }),
    color,
    marks: [Plot.barY(strengths, { x: (s) => s, y: (s) => s + 2, fill: (s) => s })],
  }) as unknown as Element;
  const svg = standaloneSvg(figure);
  for (const label of ["\u22121.0", "0.0", "+1.0"]) {
    assert.ok(svg.includes(`>${label}</text>`), label);
  }
  const png = decodePng(rasterize(svg, 1));
  for (const c of [...color.range!] as string[]) {
    const [r, g, b] = rgb(c);
    let n = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i] === r && png.rgba[i + 1] === g && png.rgba[i + 2] === b) n++;
    }
    assert.ok(n > 225, `${c}: its swatch and bar (${n} px)`);
  }
});

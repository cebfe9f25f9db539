import assert from "node:assert/strict";
import { conceptTitle, strengthColors, strengthLabel, textWidth } from "../lib/figures/theme.ts";

Deno.test("conceptTitle matches Python's replace('_', ' ').title()", () => {
  assert.equal(conceptTitle("self_awareness"), "Self Awareness");
  assert.equal(conceptTitle("corrigible"), "Corrigible");
  assert.equal(conceptTitle("power_SEEKING_2"), "Power Seeking 2");
});

function rgb(color: string): number[] {
  return color.match(/\d+/g)!.map(Number);
}

Deno.test("strengthColors: negative blue, zero gray, positive red, deeper when stronger", () => {
  const [neg2, neg1, zero, pos1, pos2] = strengthColors([-2, -1, 0, 1, 2]);
  assert.equal(zero, "#8c8c8c");
  assert.ok(rgb(neg1)[2] > rgb(neg1)[0], `blue: ${neg1}`);
  assert.ok(rgb(pos1)[0] > rgb(pos1)[2], `red: ${pos1}`);
  const lightness = (c: string) => rgb(c).reduce((a, b) => a + b, 0);
  assert.ok(lightness(neg2) < lightness(neg1));
  assert.ok(lightness(pos2) < lightness(pos1));
});

Deno.test("strengthLabel writes a sign and one decimal", () => {
  assert.deepEqual([-1, 0, 1, 0.5].map(strengthLabel), ["\u22121.0", "0.0", "+1.0", "+0.5"]);
});

Deno.test("textWidth estimates 0.6 em a character", () => {
  assert.equal(textWidth("abcde", 10), 30);
  assert.equal(textWidth("", 12), 0);
});

import assert from "node:assert/strict";
import {
  CONCEPT_PALETTE,
  conceptColors,
  conceptTitle,
  MODEL_PALETTE,
  modelColors,
  strengthColors,
  strengthLabel,
  textWidth,
  widestText,
} from "../lib/figures/theme.ts";

Deno.test("conceptTitle matches Python's replace('_', ' ').title()", () => {
  assert.equal(conceptTitle("self_awareness"), "Self Awareness");
  assert.equal(conceptTitle("corrigible"), "Corrigible");
  assert.equal(conceptTitle("power_SEEKING_2"), "Power Seeking 2");
});

Deno.test("modelColors cycles through tab10 in model order", () => {
  const colors = modelColors(Array.from({ length: 11 }, (_, i) => `${i}B`));
  assert.equal(colors[0], "#1f77b4");
  assert.equal(colors[10], MODEL_PALETTE[0]);
});

Deno.test("conceptColors cycles through Dark2, none of them a model colour", () => {
  const colors = conceptColors(Array.from({ length: 9 }, (_, i) => `c${i}`));
  assert.equal(colors[0], "#1b9e77");
  assert.equal(colors[8], CONCEPT_PALETTE[0]);
  assert.ok(colors.every((c) => !MODEL_PALETTE.includes(c)));
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

Deno.test("textWidth estimates 0.6 em a character; widestText takes the widest (0 for none)", () => {
  assert.equal(textWidth("abcde", 10), 30);
  assert.equal(textWidth("", 12), 0);
  assert.equal(widestText(["4B", "235B-A22B", "8B"], 10), 54);
  assert.equal(widestText([], 12), 0);
});

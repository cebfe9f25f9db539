/**
 * Data-quality checks made while loading: things that are kept (for parity) but worth a line.
 * @module
 */
import type { Dictionary } from "./columns.ts";
import { quoteText } from "./errors.ts";
import type { SweepRun } from "./types.ts";

/** Most distinct answers a note lists, and most characters it quotes of each. */
export const NOTE_LIMITS = { answers: 5, chars: 40 } as const;

/** The answers an A/B question is scored on. */
export const AB_ANSWERS: readonly string[] = ["(A)", "(B)"];

/**
 * Counts each `matching_answer` that is neither `(A)` nor `(B)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toDictionary } from "./columns.ts";
 * const others = otherAnswers(toDictionary(["(A)", "(C)", "(C)", "(B)"]));
 * assert.deepEqual(others, new Map([["(C)", 2]]));
 * ```
 */
export function otherAnswers(answers: Dictionary): Map<string, number> {
  const perCode = new Int32Array(answers.values.length);
  for (let i = 0; i < answers.codes.length; i++) perCode[answers.codes[i]]++;
  const counts = new Map<string, number>();
  answers.values.forEach((a, code) => {
    if (!AB_ANSWERS.includes(a) && perCode[code] > 0) counts.set(a, perCode[code]);
  });
  return counts;
}

/**
 * A one-line note naming `file` when a run has rows whose matching answer is not (A) or (B): the
 * sweep scored them as if the answer were (B). They are kept, as the original keeps them. The
 * note is bounded: the most frequent {@link NOTE_LIMITS}.answers answers, each quoted to
 * {@link NOTE_LIMITS}.chars characters, then how many more.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load.ts";
 * const dir = "results/logit_diff_sweep/sycophancy/Qwen_Qwen3_4B";
 * const note = dataQualityNote(await loadRun(dir, "4B", "sycophancy"), "s.csv");
 * assert.ok(note?.startsWith("data quality: 4B/sycophancy: s.csv: 450 of 7,500 rows have a"));
 * ```
 */
export function dataQualityNote(run: SweepRun, file: string): string | undefined {
  const others = otherAnswers(run.samples.matching_answer);
  if (others.size === 0) return undefined;
  const total = [...others.values()].reduce((a, b) => a + b, 0);
  const ranked = [...others].sort((a, b) => b[1] - a[1]);
  const listed = ranked.slice(0, NOTE_LIMITS.answers).map(([answer, n]) =>
    `${shortAnswer(answer)} x${n.toLocaleString("en-US")}`
  );
  const more = ranked.length - listed.length;
  if (more > 0) listed.push(`and ${more.toLocaleString("en-US")} other answers`);
  return `data quality: ${run.model}/${run.concept}: ${file}: ${
    total.toLocaleString("en-US")
  } of ` +
    `${
      run.samples.length.toLocaleString("en-US")
    } rows have a matching_answer other than (A)/(B) ` +
    `(${listed.join(", ")}); the sweep scored them as (B); kept, as the original keeps them`;
}

/** An answer as the note shows it: plain when short and on one line, else quoted and cut. */
function shortAnswer(answer: string): string {
  if (answer.length <= NOTE_LIMITS.chars && !/[\r\n"]/.test(answer)) return answer;
  const quoted = quoteText(answer.slice(0, NOTE_LIMITS.chars));
  return answer.length > NOTE_LIMITS.chars ? `${quoted}... (${answer.length} characters)` : quoted;
}

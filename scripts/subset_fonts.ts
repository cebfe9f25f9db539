/**
 * Writes the subset fonts of `lib/export/fonts/` from the full DejaVu Sans TTFs, with Debian's
 * python3-fonttools (`pyftsubset`; never installed from here): the code points of
 * `SUBSET_RANGES`, every layout feature, names kept, hinting dropped (resvg does not hint).
 * The fonts' LICENSE is copied beside them. Run once after changing the ranges, then commit them:
 *
 *     deno run --allow-read --allow-write --allow-run scripts/subset_fonts.ts
 * @module
 */
import { basename } from "node:path";
import { fontFiles, SUBSET_RANGES, subsetFontFiles } from "../lib/export/fonts.ts";

const PYTHON = "/usr/bin/python3";
const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
const unicodes = SUBSET_RANGES.map(([a, b]) => `U+${hex(a)}-${hex(b)}`).join(",");

const targets = new Map(subsetFontFiles().map((path) => [basename(path), path]));
for (const full of fontFiles()) {
  const out = targets.get(basename(full))!;
  const { code, stderr } = await new Deno.Command(PYTHON, {
    args: [
      "-m",
      "fontTools.subset",
      full,
      `--unicodes=${unicodes}`,
      "--layout-features=*",
      "--no-hinting",
      "--name-IDs=*",
      "--name-languages=*",
      "--notdef-outline",
      `--output-file=${out}`,
    ],
    stderr: "piped",
  }).output();
  const message = new TextDecoder().decode(stderr).trim();
  if (code !== 0) {
    console.error(`${full}: ${message || `exit ${code}`} (Debian: apt install python3-fonttools)`);
    Deno.exit(1);
  }
  console.log(`${out}: ${(await Deno.stat(out)).size.toLocaleString("en-US")} bytes`);
}
// The fonts' licence goes with them.
const license = new URL("LICENSE", `file://${fontFiles()[0]}/../../`).pathname;
await Deno.copyFile(license, new URL("LICENSE", `file://${subsetFontFiles()[0]}`).pathname);

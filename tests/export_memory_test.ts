import assert from "node:assert/strict";
import { megabytes, peakRss } from "../lib/export/memory.ts";

Deno.test("peakRss is at least the current resident size", () => {
  const peak = peakRss();
  assert.ok(peak > 10 * 2 ** 20, `${peak}`);
  assert.ok(peak >= Deno.memoryUsage().rss * 0.9);
});

Deno.test("megabytes rounds to whole megabytes", () => {
  assert.equal(megabytes(3 * 2 ** 20), "3 MB");
  assert.equal(megabytes(1.6 * 2 ** 20), "2 MB");
});

/**
 * The probe's report, run with these permission flags. Started through `sh` (which forks it):
 * getrusage's maxrss of a process this test started itself would count this test's memory.
 */
async function probe(
  ...flags: string[]
): Promise<{ peak: number; now: number; hwm: number | null }> {
  const path = new URL("./helpers/peak_probe.ts", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command("sh", {
    args: [
      "-c",
      '"$@"; exit $?',
      "sh",
      Deno.execPath(),
      "run",
      "--v8-flags=--expose-gc",
      ...flags,
      path,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  return JSON.parse(new TextDecoder().decode(stdout));
}

Deno.test("peakRss is the peak even without the permission to read /proc/self", async () => {
  const { peak, now, hwm } = await probe(); // no permissions at all: getrusage
  assert.equal(hwm, null);
  assert.ok(peak >= 256 * 2 ** 20, `peak ${peak}`);
  assert.ok(now < peak - 128 * 2 ** 20, `the spike was freed: ${now} now, ${peak} at the peak`);
});

Deno.test("peakRss is Linux's VmHWM where /proc/self can be read", async () => {
  const { peak, hwm } = await probe("--allow-all");
  assert.ok(hwm !== null && hwm >= 256 * 2 ** 20, `VmHWM ${hwm}`);
  assert.ok(Math.abs(peak - hwm) < 0.02 * hwm, `${peak} against VmHWM ${hwm}`);
});

Deno.test("getrusage's peak, read without permissions, is the process's own when a shell started it", async () => {
  const [restricted, full] = [await probe(), await probe("--allow-all")];
  assert.ok(
    Math.abs(restricted.peak - full.hwm!) < 0.1 * full.hwm!,
    `getrusage ${restricted.peak} against VmHWM ${full.hwm} of the same work`,
  );
});

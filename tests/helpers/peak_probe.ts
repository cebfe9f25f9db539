/**
 * Test helper run as its own process (`tests/export_memory_test.ts`): a 256 MB spike, freed, then
 * as JSON the peak, the current resident size, and Linux's VmHWM where `/proc/self` can be read
 * (with every permission; null otherwise).
 */
import { peakRss } from "../../lib/export/memory.ts";

function spike(): number {
  const big = new Uint8Array(256 * 2 ** 20);
  big.fill(1);
  return big[12345];
}

spike();
const gc = (globalThis as unknown as { gc: () => void }).gc;
gc();
await new Promise((resolve) => setTimeout(resolve, 50));
gc();
let hwm: number | null = null;
try {
  const kb = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"))?.[1];
  hwm = kb === undefined ? null : Number(kb) * 1024;
} catch {
  // no permission to read /proc/self: null
}
console.log(JSON.stringify({ peak: peakRss(), now: Deno.memoryUsage().rss, hwm }));

/**
 * Test helper run as its own process (`tests/export_memory_test.ts`): a 256 MB spike, freed, then
 * as JSON the peak, the current resident size, and Linux's VmHWM where `/proc/self` can be read
 * (with every permission; null otherwise).
 */
import { peakRss, vmHwm } from "../../lib/export/memory.ts";

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
console.log(JSON.stringify({ peak: peakRss(), now: Deno.memoryUsage().rss, hwm: vmHwm() ?? null }));

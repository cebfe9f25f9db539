/**
 * Test helper run as its own process with no permissions (`tests/export_memory_test.ts`): a
 * 256 MB spike, freed, then the peak and the current resident size as JSON.
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
console.log(JSON.stringify({ peak: peakRss(), now: Deno.memoryUsage().rss }));

/**
 * Test helper run as a subprocess: `write_driver.ts DIR FILES.json` writes the files (a JSON
 * object name -> text) with writeOutputsAtomic, honouring SWEEP_WRITE_FAULT and Ctrl-C like the
 * render task; `write_driver.ts DIR --recover` only recovers the folder, as a next run does first.
 * Exit 0 on success, 1 on an output error, 130 when interrupted.
 */
import { writeOutputsAtomic } from "../../lib/export/atomic.ts";
import { chainCheckpoints, faultCheckpoint } from "../../lib/export/faults.ts";
import { guardInterrupts } from "../../lib/export/interrupt.ts";
import { recover } from "../../lib/export/journal.ts";
import { acquireLock, releaseLock } from "../../lib/export/lock.ts";

const [dir, source] = Deno.args;
if (source === "--recover") {
  const lock = await acquireLock(dir);
  await recover(dir);
  await releaseLock(lock);
} else {
  const files = Object.entries(JSON.parse(await Deno.readTextFile(source)))
    .map(([name, content]) => ({ name, content: String(content) }));
  const guard = guardInterrupts(dir);
  try {
    const checkpoint = chainCheckpoints(
      faultCheckpoint(Deno.env.get("SWEEP_WRITE_FAULT")),
      guard.checkpoint,
    );
    await writeOutputsAtomic(dir, files, { checkpoint });
    if (guard.interrupted()) Deno.exitCode = 130;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    Deno.exitCode = guard.interrupted() ? 130 : 1;
  } finally {
    guard.dispose();
  }
}

/**
 * Displays in the Deno kernel arrive before their cell's `idle` (issue 18): the iopub watch
 * against a PUB socket that does what Deno 2.9's kernel does, the cell-end guard with fake
 * kernel internals, and (where Debian's python3-nbclient is installed) a real kernel.
 */
import assert from "node:assert/strict";
import { hasPythonModules } from "../cli/notebook.ts";
import {
  display,
  guardCellEnds,
  type KernelInternals,
  outputsPublished,
} from "../lib/display/jupyter.ts";
import { iopubAddressOf, IopubWatch, markerContent } from "../lib/display/iopub_watch.ts";
import { withJupyterHome } from "./helpers/jupyter.ts";
import {
  countMisfiled,
  executeWithNbclient,
  shownOf,
  writeRepro,
} from "./helpers/late_output_repro.ts";

const ENC = new TextEncoder();

/** A ZMTP frame, written here independently of the module under test. */
function zmtpFrame(body: Uint8Array, more = false, command = false): Uint8Array {
  const long = body.length > 255;
  const out = new Uint8Array((long ? 9 : 2) + body.length);
  out[0] = (more ? 1 : 0) | (long ? 2 : 0) | (command ? 4 : 0);
  if (long) new DataView(out.buffer).setBigUint64(1, BigInt(body.length));
  else out[1] = body.length;
  out.set(body, long ? 9 : 2);
  return out;
}

async function readExact(conn: Deno.Conn, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  for (let at = 0; at < n;) {
    const read = await conn.read(out.subarray(at));
    if (read === null) throw new Error("closed");
    at += read;
  }
  return out;
}

async function readFrame(conn: Deno.Conn): Promise<{ body: Uint8Array; more: boolean }> {
  const [flags] = await readExact(conn, 1);
  const size = flags & 2
    ? Number(new DataView((await readExact(conn, 8)).buffer).getBigUint64(0))
    : (await readExact(conn, 1))[0];
  return { body: await readExact(conn, size), more: (flags & 1) !== 0 };
}

/**
 * A PUB socket as Deno 2.9's kernel runs it (`PubSocket` in cli/js/jupyter_kernel.js): greeting,
 * READY, the subscriber's READY, then its subscription message; then `publish` writes a message
 * (no topic frame: identities are empty) to the subscriber.
 */
async function withPubSocket(
  fn: (port: number, publish: (type: string, content: unknown) => Promise<void>) => Promise<void>,
): Promise<{ subscription: Uint8Array }> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  let subscription: Uint8Array = new Uint8Array();
  let conn: Deno.Conn | undefined;
  const accepted = (async () => {
    conn = await listener.accept();
    const greeting = new Uint8Array(64);
    greeting.set([0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 3, 0], 0);
    greeting.set(ENC.encode("NULL"), 12);
    await conn.write(greeting);
    await readExact(conn, 64);
    const ready = Uint8Array.from([5, ...ENC.encode("READY"), 11, ...ENC.encode("Socket-Type")]);
    const type = ENC.encode("PUB");
    const body = new Uint8Array(ready.length + 4 + type.length);
    body.set(ready);
    new DataView(body.buffer).setUint32(ready.length, type.length);
    body.set(type, ready.length + 4);
    await conn.write(zmtpFrame(body, false, true));
    await readFrame(conn); // the subscriber's READY
    subscription = (await readFrame(conn)).body;
    return conn;
  })();
  const publish = async (type: string, content: unknown) => {
    const c = await accepted;
    const parts = [
      "<IDS|MSG>",
      "",
      JSON.stringify({ msg_type: type, msg_id: crypto.randomUUID() }),
      "{}",
      "{}",
      JSON.stringify(content),
    ].map((p) => ENC.encode(p));
    for (const [i, part] of parts.entries()) await c.write(zmtpFrame(part, i < parts.length - 1));
  };
  try {
    await fn(port, publish);
  } finally {
    listener.close();
    (conn ?? await accepted.catch(() => undefined))?.close();
  }
  return { subscription };
}

Deno.test("the iopub watch subscribes to every message and sees displays and markers by their id", async () => {
  const { subscription } = await withPubSocket(async (port, publish) => {
    const watch = await IopubWatch.open({ ip: "127.0.0.1", port });
    try {
      assert.equal(watch.confirmed, false); // nothing has come yet
      let came = false;
      const seen = watch.seen("m-1").then((ok) => (came = true, ok));
      const aborted = watch.seen("m-1", AbortSignal.abort());
      const shown = watch.seen("d-1");
      const before = watch.seen("m-0");
      // a large display with a display id (long frames), an update of it, then another marker
      const html = { "text/html": "x".repeat(300_000) };
      await publish("display_data", { data: html, metadata: {}, transient: { display_id: "d-1" } });
      await publish("update_display_data", { data: {}, transient: { display_id: "shown" } });
      await publish("update_display_data", markerContent("m-0"));
      assert.equal(await shown, true); // a display is seen by its own display id
      assert.equal(await before, true);
      assert.equal(watch.confirmed, true);
      assert.equal(came, false); // none of those was the marker m-1
      await publish("update_display_data", markerContent("m-1"));
      assert.equal(await seen, true);
      assert.equal(await aborted, false); // aborted before it came
    } finally {
      watch.close();
      await watch.done;
    }
  });
  assert.deepEqual([...subscription], [1]); // ZMTP 3.0 subscription to every topic
});

Deno.test("a waiting marker resolves false when the kernel closes the connection", async () => {
  let watch: IopubWatch | undefined;
  await withPubSocket(async (port, publish) => {
    watch = await IopubWatch.open({ ip: "127.0.0.1", port });
    await publish("status", { execution_state: "idle" }); // the subscription is in place
  }).then(async () => {
    assert.equal(await watch!.seen("never"), false);
    await watch!.done;
    assert.equal(watch!.closed, true);
  });
});

Deno.test("the iopub address of a connection file, a kernel bound to every address reached locally", () => {
  const file = { transport: "tcp", ip: "0.0.0.0", iopub_port: 5001, shell_port: 5002 };
  assert.deepEqual(iopubAddressOf(JSON.stringify(file)), { ip: "127.0.0.1", port: 5001 });
  assert.equal(iopubAddressOf("not json"), undefined);
});

Deno.test("the cell-end guard waits after the result, once, and never fails the cell itself", async () => {
  const calls: string[] = [];
  const internals: KernelInternals = {
    broadcastResult: (count) => {
      calls.push(`result ${count}`);
      return count === 2 ? Promise.reject(new Error("formatting failed")) : Promise.resolve();
    },
  };
  let waits = 0;
  const wait = () => {
    calls.push(`wait ${++waits}`);
    return waits === 3 ? Promise.reject(new Error("the wait failed")) : Promise.resolve(true);
  };
  assert.equal(guardCellEnds(internals, wait), true);
  assert.equal(guardCellEnds(internals, wait), true); // a second import: still one wait per cell
  await internals.broadcastResult!(1, "a");
  await assert.rejects(internals.broadcastResult!(2, "b"), /formatting failed/); // still waited
  await internals.broadcastResult!(3, "c"); // the wait's failure is swallowed
  assert.deepEqual(calls, ["result 1", "wait 1", "result 2", "wait 2", "result 3", "wait 3"]);
  assert.equal(guardCellEnds({}, wait), false); // nothing to wrap
});

Deno.test("outside the kernel display prints the text and outputsPublished resolves at once", async () => {
  const printed: unknown[] = [];
  const log = console.log;
  console.log = (text: unknown) => printed.push(text);
  try {
    await display({ "text/html": "<b>x</b>", "text/plain": "x" });
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed, ["x"]);
  assert.equal(await outputsPublished(), true);
});

const hasNbclient = await hasPythonModules(["nbclient", "nbformat"]);
const MODULE = new URL("../lib/display/jupyter.ts", import.meta.url).href;

/**
 * Runs the repro notebook (8 cells, displays through lib/display/jupyter.ts) in a real kernel
 * with plain nbclient, which stops listening at idle, so a late output would be missing or
 * misfiled; `setup` runs first, and a last cell reports what `outputsPublished` resolved and
 * whether the cell-end guard is on. Returns that report.
 */
async function inRealKernel(setup = ""): Promise<string> {
  return await withJupyterHome(async (env, dir) => {
    const path = await writeRepro(dir, 8, "after");
    const nb = JSON.parse(await Deno.readTextFile(path));
    nb.cells[0].source = setup + nb.cells[0].source;
    const check = [
      `const { outputsPublished } = await import(${JSON.stringify(MODULE)});`,
      `const guard = Deno[Deno.internal].jupyter.broadcastResult;`,
      `[await outputsPublished(), Boolean(guard[Symbol.for("steering-sweep.cell-end-guard")])]`,
    ].join("\n");
    nb.cells.push({ cell_type: "code", id: "check", metadata: {}, source: check, outputs: [] });
    await Deno.writeTextFile(path, JSON.stringify(nb));
    const cells = await executeWithNbclient(dir, env);
    const checked = cells.pop()!;
    assert.deepEqual(countMisfiled(shownOf(cells)), { misfiled: 0, missing: 0, cells: [] });
    return shownOf([{ cell_type: "code" }, checked])[0].map((o) => o.text).join("");
  });
}

const realKernel = {
  ignore: !hasNbclient &&
    (console.log("skipped: a real kernel (install Debian's python3-nbclient)"), true),
};

Deno.test({
  name: "in a real Deno kernel, every output arrives before its cell's idle, markers come back",
  ...realKernel,
  async fn() {
    // the marker came back on the kernel's iopub socket, and the cell-end guard is on
    assert.match(await inRealKernel(), /\[ true, true \]/);
  },
});

Deno.test({
  name: "in a real Deno kernel without its iopub socket, cells end after a timed wait",
  ...realKernel,
  async fn() {
    // as where the connection file cannot be found (Windows): the subscription is known absent
    const absent = `globalThis[Symbol.for("steering-sweep.jupyter-outputs")] = ` +
      `{ watch: Promise.resolve(undefined) };\n`;
    assert.match(await inRealKernel(absent), /\[ false, true \]/);
  },
});

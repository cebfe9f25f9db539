/**
 * Watching the Deno kernel's own iopub socket from inside a cell, to know when what the cell
 * showed or printed has been published.
 *
 * Deno's kernel (2.9, `cli/js/jupyter_kernel.js`) publishes a cell's display and print
 * messages from a queue, one at a time, after the cell's code has moved on, and sends the cell's
 * `execute_reply` and `idle` without waiting for that queue to drain. The queue is first in,
 * first out, and each message is written to every subscriber before the next one is taken. So
 * when a marker sent through the same queue arrives at a subscriber, everything queued before
 * it has been written to every client already. This module is that subscriber: a ZMTP 3 SUB
 * connection to the kernel's iopub port (read from the kernel's connection file), which tells
 * when a display or marker with a given display id arrives, and a marker message that clients
 * ignore (`update_display_data` for a display id no output has).
 * @module
 */

/** Where a kernel publishes its iopub messages. */
export interface IopubAddress {
  /** The kernel's IP address (127.0.0.1 for a local kernel). */
  ip: string;
  /** The iopub port. */
  port: number;
}

/**
 * The connection file named on a kernel's command line (`deno jupyter --kernel --conn FILE`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const argv = ["/usr/bin/deno", "jupyter", "--kernel", "--conn", "/tmp/kernel-1.json"];
 * assert.equal(connectionFileOf(argv), "/tmp/kernel-1.json");
 * assert.equal(connectionFileOf(["deno", "jupyter", "--conn=/tmp/k.json"]), "/tmp/k.json");
 * assert.equal(connectionFileOf(["deno", "run", "main.ts"]), undefined); // not a kernel
 * ```
 */
export function connectionFileOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--conn") return argv[i + 1] || undefined;
    if (argv[i].startsWith("--conn=")) return argv[i].slice("--conn=".length) || undefined;
  }
  return undefined;
}

/**
 * The iopub address in a kernel connection file's text; undefined when it has none over TCP.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const text = '{"transport": "tcp", "ip": "127.0.0.1", "iopub_port": 40123, "key": "k"}';
 * assert.deepEqual(iopubAddressOf(text), { ip: "127.0.0.1", port: 40123 });
 * assert.equal(iopubAddressOf('{"transport": "ipc", "ip": "kernel", "iopub_port": 2}'), undefined);
 * ```
 */
export function iopubAddressOf(connectionFileText: string): IopubAddress | undefined {
  try {
    const info = JSON.parse(connectionFileText) as Record<string, unknown>;
    const { transport = "tcp", ip, iopub_port: port } = info;
    if (transport !== "tcp" || typeof ip !== "string" || typeof port !== "number") {
      return undefined;
    }
    return { ip: ip === "0.0.0.0" || ip === "*" ? "127.0.0.1" : ip, port };
  } catch {
    return undefined;
  }
}

/**
 * This process's command line: /proc/self/cmdline on Linux, `ps` elsewhere; undefined when
 * neither can tell (Windows).
 */
async function ownCommandLine(): Promise<string[] | undefined> {
  try {
    return (await Deno.readTextFile("/proc/self/cmdline")).split("\0").filter((a) => a !== "");
  } catch { /* not Linux */ }
  try {
    const { code, stdout } = await new Deno.Command("ps", {
      args: ["-ww", "-o", "args=", "-p", String(Deno.pid)],
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).output();
    if (code === 0) return new TextDecoder().decode(stdout).trim().split(/\s+/);
  } catch { /* no ps */ }
  return undefined;
}

/**
 * The iopub address of the kernel this code runs in, read from the connection file on the
 * kernel's command line; undefined where there is none (outside a kernel, or where the command
 * line or the file cannot be read).
 */
export async function ownIopubAddress(): Promise<IopubAddress | undefined> {
  const argv = await ownCommandLine();
  const file = argv && connectionFileOf(argv);
  if (!file) return undefined;
  try {
    return iopubAddressOf(await Deno.readTextFile(file));
  } catch {
    return undefined;
  }
}

/**
 * The content of a marker message: an `update_display_data` for display id `id`. Every client
 * ignores it (Notebook 6, JupyterLab, nbclient and VS Code update only outputs that were shown
 * with that display id, and none was), so it leaves no output anywhere.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(markerContent("m-1"), {
 *   data: {},
 *   metadata: {},
 *   transient: { display_id: "m-1" },
 * });
 * ```
 */
export function markerContent(id: string): Record<string, unknown> {
  return { data: {}, metadata: {}, transient: { display_id: id } };
}

/**
 * The display id (`transient.display_id`) a `display_data` or `update_display_data` message
 * carries; undefined for any other message.
 */
function displayIdOf(frames: Uint8Array[]): string | undefined {
  const delimiter = frames.findIndex((f) => f.length === 9 && DEC.decode(f) === "<IDS|MSG>");
  if (delimiter < 0 || frames.length < delimiter + 6) return undefined;
  // The header frame is small; the content may be a large image: parse it only for a display.
  const type = /"msg_type":\s*"([a-z_]+)"/.exec(DEC.decode(frames[delimiter + 2]))?.[1];
  if (type !== "display_data" && type !== "update_display_data") return undefined;
  try {
    const id = JSON.parse(DEC.decode(frames[delimiter + 5]))?.transient?.display_id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

const ENC = new TextEncoder();
const DEC = new TextDecoder();

/** The 64-byte ZMTP 3.0 greeting with the NULL mechanism, as libzmq sends it. */
function greeting(): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes[0] = 0xff;
  bytes[9] = 0x7f;
  bytes[10] = 3; // version 3.0
  bytes.set(ENC.encode("NULL"), 12);
  return bytes;
}

/** A ZMTP frame: flags (more, long, command), its size, its body. */
function frame(body: Uint8Array, { more = false, command = false } = {}): Uint8Array {
  const long = body.length > 255;
  const head = long ? 9 : 2;
  const bytes = new Uint8Array(head + body.length);
  bytes[0] = (more ? 1 : 0) | (long ? 2 : 0) | (command ? 4 : 0);
  if (long) new DataView(bytes.buffer).setBigUint64(1, BigInt(body.length));
  else bytes[1] = body.length;
  bytes.set(body, head);
  return bytes;
}

/** The READY command of a socket of type `type`. */
function ready(type: string): Uint8Array {
  const name = ENC.encode("READY"), key = ENC.encode("Socket-Type"), value = ENC.encode(type);
  const body = new Uint8Array(1 + name.length + 1 + key.length + 4 + value.length);
  let at = 0;
  body[at++] = name.length;
  body.set(name, at);
  at += name.length;
  body[at++] = key.length;
  body.set(key, at);
  at += key.length;
  new DataView(body.buffer).setUint32(at, value.length);
  body.set(value, at + 4);
  return frame(body, { command: true });
}

/** A ZMTP 3.0 subscription to every topic: a message of the byte 1. */
const SUBSCRIBE = frame(Uint8Array.of(1));

/** Bytes read from a connection on demand. */
class Reader {
  #conn: Deno.Conn;
  #buffer = new Uint8Array(64 * 1024);
  #start = 0;
  #end = 0;

  constructor(conn: Deno.Conn) {
    this.#conn = conn;
  }

  /** The next `n` bytes (a copy); throws when the connection closes first. */
  async take(n: number): Promise<Uint8Array> {
    while (this.#end - this.#start < n) {
      if (this.#buffer.length - this.#start < n || this.#end === this.#buffer.length) {
        const bigger = new Uint8Array(Math.max(this.#buffer.length, 2 * n));
        bigger.set(this.#buffer.subarray(this.#start, this.#end));
        this.#end -= this.#start;
        this.#start = 0;
        this.#buffer = bigger;
      }
      const read = await this.#conn.read(this.#buffer.subarray(this.#end));
      if (read === null) throw new Error("the kernel closed its iopub connection");
      this.#end += read;
    }
    const bytes = this.#buffer.slice(this.#start, this.#start + n);
    this.#start += n;
    if (this.#start === this.#end) this.#start = this.#end = 0;
    return bytes;
  }

  /** The next frame. */
  async frame(): Promise<{ body: Uint8Array; more: boolean; command: boolean }> {
    const [flags] = await this.take(1);
    const size = flags & 2
      ? Number(new DataView((await this.take(8)).buffer).getBigUint64(0))
      : (await this.take(1))[0];
    return { body: await this.take(size), more: (flags & 1) !== 0, command: (flags & 4) !== 0 };
  }
}

/**
 * A subscription to a kernel's iopub socket that tells when a display or a marker with a given
 * display id arrives.
 *
 * @example Needs a kernel (or a ZMTP PUB socket) to connect to; tests/display_jupyter_test.ts
 * runs it against one.
 * ```ts ignore
 * const watch = await IopubWatch.open({ ip: "127.0.0.1", port: 40123 });
 * const seen = watch.seen("m-1"); // register before sending the marker
 * Deno.jupyter.broadcast("update_display_data", markerContent("m-1"));
 * await seen; // true: everything queued before the marker has been published
 * ```
 */
export class IopubWatch {
  #conn: Deno.Conn;
  #waiters = new Map<string, Set<(seen: boolean) => void>>();
  #closed = false;
  /** Settles when the connection has ended (closed, or the kernel went away). */
  readonly done: Promise<void>;

  private constructor(conn: Deno.Conn, reader: Reader) {
    this.#conn = conn;
    this.done = this.#read(reader);
  }

  /** Connects to the PUB socket at `address` and subscribes to every message. */
  static async open(address: IopubAddress, timeoutMs = 5000): Promise<IopubWatch> {
    const conn = await Deno.connect({ hostname: address.ip, port: address.port });
    const timer = setTimeout(() => conn.close(), timeoutMs);
    try {
      const reader = new Reader(conn);
      await conn.write(greeting());
      await reader.take(64);
      await conn.write(ready("SUB"));
      while (!(await reader.frame()).command) { /* the peer's READY is its first command */ }
      await conn.write(SUBSCRIBE);
      return new IopubWatch(conn, reader);
    } catch (error) {
      try {
        conn.close();
      } catch { /* closed by the timer */ }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  #confirmed = false;

  /**
   * Whether a message has arrived: from then on the kernel publishes to this subscription too,
   * so a message published later is seen (before, it may have gone out before the kernel added
   * the subscriber).
   */
  get confirmed(): boolean {
    return this.#confirmed;
  }

  /** Whether the connection has ended. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Resolves true once a display or marker with display id `id` arrives; false when `signal`
   * aborts or the connection ends first. Call it before sending the message.
   */
  seen(id: string, signal?: AbortSignal): Promise<boolean> {
    if (this.#closed || signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiters = this.#waiters.get(id) ?? new Set();
      this.#waiters.set(id, waiters);
      const settle = (seen: boolean) => {
        signal?.removeEventListener("abort", abort);
        waiters.delete(settle);
        if (waiters.size === 0) this.#waiters.delete(id);
        resolve(seen);
      };
      const abort = () => settle(false);
      signal?.addEventListener("abort", abort);
      waiters.add(settle);
    });
  }

  /** Closes the connection; waiting calls resolve false. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch { /* already closed */ }
  }

  async #read(reader: Reader): Promise<void> {
    try {
      while (!this.#closed) {
        const frames: Uint8Array[] = [];
        for (let more = true; more;) {
          const next = await reader.frame();
          if (next.command) continue;
          frames.push(next.body);
          more = next.more;
        }
        this.#confirmed = true;
        const id = displayIdOf(frames);
        if (id !== undefined) {
          for (const settle of [...this.#waiters.get(id) ?? []]) settle(true);
        }
      }
    } catch { /* the connection ended */ }
    this.close();
    for (const waiters of [...this.#waiters.values()]) {
      for (const settle of [...waiters]) settle(false);
    }
  }
}

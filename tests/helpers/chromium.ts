/**
 * Headless Chromium for tests, driven over the DevTools protocol with Deno's built-in WebSocket
 * (no puppeteer download). Each browser gets a temporary profile, removed when it closes.
 * @module
 */

/** Debian's Chromium. */
export const CHROMIUM = "/usr/bin/chromium";

/** A page of the headless browser: evaluate script in it, screenshot it. */
export interface Page {
  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Navigates to a URL and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Saves a PNG screenshot of the whole page. */
  screenshot(path: string): Promise<void>;
}

/**
 * Whether a program exists and runs (`--version`).
 *
 * @example
 * ```ts
 * await runs(CHROMIUM); // true where Debian's chromium is installed
 * ```
 */
export async function runs(program: string, args = ["--version"]): Promise<boolean> {
  try {
    const { code } = await new Deno.Command(program, { args, stdout: "null", stderr: "null" })
      .output();
    return code === 0;
  } catch {
    return false;
  }
}

/** The DevTools WebSocket address from Chromium's stderr ("DevTools listening on ws://..."). */
async function devtoolsUrl(stderr: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stderr) {
    text += decoder.decode(chunk, { stream: true });
    const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
    if (match) return match[1];
  }
  throw new Error(`chromium exited before DevTools listened:\n${text}`);
}

/** A DevTools protocol session over one WebSocket. */
function session(socket: WebSocket) {
  let id = 0;
  const pending = new Map<number, (message: Record<string, unknown>) => void>();
  const listeners: ((message: Record<string, unknown>) => void)[] = [];
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.id !== undefined) pending.get(message.id)?.(message);
    else for (const listen of listeners) listen(message);
  };
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      pending.set(++id, (m) => m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m));
      socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
  const once = (method: string) =>
    new Promise<void>((resolve) => listeners.push((m) => m.method === method && resolve()));
  return { send, once };
}

/**
 * Runs `fn` with a page of a fresh headless Chromium (viewport `width` x 1000), then closes the
 * browser and removes its profile.
 *
 * @example
 * ```ts
 * await withPage(async (page) => {
 *   await page.goto("file:///tmp/x.html");
 *   await page.evaluate<number>("document.images.length");
 * });
 * ```
 */
export async function withPage<T>(fn: (page: Page) => Promise<T>, width = 1280): Promise<T> {
  const profile = await Deno.makeTempDir({ prefix: "sweep-chromium-" });
  const child = new Deno.Command(CHROMIUM, {
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--remote-debugging-port=0",
      "--remote-debugging-address=127.0.0.1",
      `--user-data-dir=${profile}`,
      `--window-size=${width},1000`,
      "about:blank",
    ],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let socket: WebSocket | undefined;
  let close = () => Promise.resolve();
  try {
    socket = new WebSocket(await devtoolsUrl(child.stderr));
    await new Promise((resolve, reject) => {
      socket!.onopen = resolve;
      socket!.onerror = reject;
    });
    const { send, once } = session(socket);
    close = () => send("Browser.close").then(() => {}, () => {});
    const { result } = await send("Target.createTarget", { url: "about:blank" }) as {
      result: { targetId: string };
    };
    const attached = await send("Target.attachToTarget", {
      targetId: result.targetId,
      flatten: true,
    }) as { result: { sessionId: string } };
    const sid = attached.result.sessionId;
    await send("Page.enable", {}, sid);
    return await fn({
      async evaluate<R>(expression: string) {
        const reply = await send("Runtime.evaluate", {
          expression,
          awaitPromise: true,
          returnByValue: true,
        }, sid) as { result: { result: { value: R }; exceptionDetails?: unknown } };
        if (reply.result.exceptionDetails) {
          throw new Error(`page script failed: ${JSON.stringify(reply.result.exceptionDetails)}`);
        }
        return reply.result.result.value;
      },
      async goto(url: string) {
        const loaded = once("Page.loadEventFired");
        await send("Page.navigate", { url }, sid);
        await loaded;
      },
      async screenshot(path: string) {
        const shot = await send("Page.captureScreenshot", {
          format: "png",
          captureBeyondViewport: true,
        }, sid) as { result: { data: string } };
        await Deno.writeFile(path, Uint8Array.from(atob(shot.result.data), (c) => c.charCodeAt(0)));
      },
    });
  } finally {
    await close();
    socket?.close();
    const exited = await Promise.race([
      child.status.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
    ]);
    if (!exited) child.kill("SIGKILL");
    await child.status;
    await child.stderr.cancel().catch(() => {});
    await Deno.remove(profile, { recursive: true }).catch(() => {});
  }
}

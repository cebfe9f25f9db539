/**
 * Jupyter for tests: a private Jupyter home (kernelspec of this Deno, no user files read or
 * written) and a Jupyter Notebook server on a free port of 127.0.0.1, stopped and removed after.
 * @module
 */
import { join } from "node:path";
import { privateJupyter, PYTHON } from "../../cli/notebook.ts";

/**
 * Runs `fn` with a private Jupyter home (see `privateJupyter`) and removes it afterwards.
 *
 * @example
 * ```ts
 * await withJupyterHome(async (env, dir) => { ... });
 * ```
 */
export async function withJupyterHome<T>(
  fn: (env: Record<string, string>, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "sweep-jupyter-test-" });
  try {
    return await fn(await privateJupyter(join(dir, "jupyter")), dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * A free TCP port on 127.0.0.1.
 *
 * @example
 * ```ts
 * const port = freePort(); // e.g. 40123
 * ```
 */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/**
 * Runs `fn` with the base URL of a Jupyter Notebook server serving `root` (no token, no
 * browser, 127.0.0.1 only), in the private Jupyter home `env`; stops the server (and its
 * kernels) afterwards.
 *
 * @example
 * ```ts
 * await withNotebookServer(root, env, async (url) => fetch(url + "api"));
 * ```
 */
export async function withNotebookServer<T>(
  root: string,
  env: Record<string, string>,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const port = freePort();
  const server = new Deno.Command(PYTHON, {
    args: [
      "-m",
      "notebook",
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      "--NotebookApp.token=",
      "--NotebookApp.password=",
      `--notebook-dir=${root}`,
    ],
    env,
    stdout: "null",
    stderr: "null",
  }).spawn();
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url + "api", 30);
    return await fn(url);
  } finally {
    await shutdownKernels(url);
    try {
      server.kill("SIGTERM");
    } catch { /* already exited */ }
    const stopped = await Promise.race([
      server.status.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]);
    if (!stopped) {
      server.kill("SIGKILL");
      await server.status;
    }
  }
}

/** Shuts down every kernel the server started (a page opening a notebook starts one). */
async function shutdownKernels(url: string): Promise<void> {
  try {
    const kernels = await (await fetch(url + "api/kernels")).json() as { id: string }[];
    for (const { id } of kernels) {
      await (await fetch(`${url}api/kernels/${id}`, { method: "DELETE" })).body?.cancel();
    }
  } catch { /* the server is gone; it stops its kernels itself */ }
}

async function waitForServer(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.ok) return;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Jupyter Notebook did not answer at ${url} within ${seconds} s`);
}

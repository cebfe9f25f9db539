/**
 * CPU load for tests: busy-looping Deno processes that compete with the code under test, as other
 * jobs do on a loaded CI machine. They are killed (by their own process) when `fn` ends.
 * @module
 */

/**
 * Runs `fn` while `workers` processes each spin one core; kills and reaps them afterwards.
 *
 * @example
 * ```ts
 * await withCpuLoad(2, async () => await work());
 * ```
 */
export async function withCpuLoad<T>(workers: number, fn: () => Promise<T>): Promise<T> {
  const children = Array.from({ length: workers }, () =>
    new Deno.Command(Deno.execPath(), {
      args: ["eval", "for (;;) {}"],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn());
  try {
    return await fn();
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await Promise.all(children.map((child) => child.status));
  }
}

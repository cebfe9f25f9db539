/** Test helper: a folder nobody can create files in, even root (chattr +i), undone afterwards. */

async function chattr(flag: "+i" | "-i", path: string): Promise<boolean> {
  try {
    return (await new Deno.Command("chattr", { args: [flag, path], stderr: "null" }).output())
      .success;
  } catch {
    return false;
  }
}

/**
 * Makes `dir` (a new folder) read-only for the duration of `body`; returns false (and skips
 * `body`) when that is impossible here (root without chattr).
 */
export async function withReadOnlyFolder(
  dir: string,
  body: () => Promise<void>,
): Promise<boolean> {
  await Deno.mkdir(dir, { mode: 0o555 });
  const root = Deno.uid() === 0;
  if (root && !await chattr("+i", dir)) return false;
  try {
    await body();
  } finally {
    if (root) await chattr("-i", dir);
    await Deno.chmod(dir, 0o755);
  }
  return true;
}

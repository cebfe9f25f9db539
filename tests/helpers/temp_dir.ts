/** Test helper: runs `body` with a new temporary folder, removed afterwards whatever happens. */
export async function inTemp(body: (root: string) => Promise<void>): Promise<void> {
  const root = await Deno.makeTempDir();
  try {
    await body(root);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

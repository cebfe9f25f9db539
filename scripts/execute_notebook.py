#!/usr/bin/python3
"""Execute a notebook headless on the Deno kernel and write it back with its outputs.

Usage: execute_notebook.py NOTEBOOK [--output PATH] [--timeout SECONDS]

Uses Debian's python3-nbclient. Two traps of the Deno kernel are handled (see README):
the working directory is passed as an absolute path, and the kernel sometimes publishes
`status: idle` before a cell's last outputs, so after idle this client keeps reading the
cell's messages until none arrives for a quiet period. Exits 1 if any cell fails; the
output file is written atomically (temporary file, then rename), and only on success.
"""
import argparse
import os
import queue
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async

QUIET_SECONDS = 0.3


class DrainingClient(NotebookClient):
    """A NotebookClient that keeps reading a cell's outputs for a quiet period after idle."""

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=QUIET_SECONDS))
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass


def merge_streams(outputs):
    """Joins consecutive stream outputs of the same stream into one, as Jupyter shows them."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output.get("output_type") == "stream"
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = previous["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebook")
    parser.add_argument("--output", help="where to write the executed notebook (default: in place)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    args = parser.parse_args()

    path = os.path.abspath(args.notebook)
    output = os.path.abspath(args.output or args.notebook)
    nb = nbformat.read(path, as_version=4)
    client = DrainingClient(
        nb,
        kernel_name="deno",
        timeout=args.timeout,
        record_timing=False,
        resources={"metadata": {"path": os.path.dirname(path)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        print(f"error: {path}: a cell failed:\n{error}", file=sys.stderr)
        return 1
    for cell in nb.cells:
        cell["outputs"] = merge_streams(cell.get("outputs", []))
    directory = os.path.dirname(output)
    fd, temp = tempfile.mkstemp(dir=directory, prefix=".notebook-", suffix=".ipynb")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            nbformat.write(nb, handle)
        os.chmod(temp, 0o644)
        os.replace(temp, output)
    except BaseException:
        os.unlink(temp)
        raise
    print(f"executed {len(nb.cells)} cells of {path}; wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Execute a notebook headless on the Deno kernel and write it back with its outputs.

Usage: execute_notebook.py NOTEBOOK [--output PATH] [--timeout SECONDS]

Uses Debian's python3-nbclient. Two traps of the Deno kernel are handled (see README):
the working directory is passed as an absolute path, and the kernel sometimes publishes
`status: idle` before a cell's last outputs. So after a cell's idle this client sends a probe
(an empty, silent execute_request) and keeps reading iopub until the probe's own idle: the
probe runs in the kernel after the cell, and iopub is one ordered stream, so every late
output of the cell arrives before it. Only code cells get outputs; the notebook is validated
against the nbformat schema before it is written. Exits 1 if any cell fails or the notebook
is invalid; the output file is written atomically (temporary file, then rename), and only on
success. Prints one line per cell with its time.
"""
import argparse
import os
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async

PROBE_TIMEOUT_SECONDS = 30


class ProbingClient(NotebookClient):
    """A NotebookClient that knows a cell's outputs are complete: it waits for a probe's idle."""

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        probe_id = self.kc.execute("", silent=True, store_history=False)
        deadline = time.monotonic() + PROBE_TIMEOUT_SECONDS
        while True:
            timeout = deadline - time.monotonic()
            if timeout <= 0:
                raise TimeoutError(f"cell {cell_index}: the kernel did not answer the probe")
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=timeout))
            parent = msg["parent_header"].get("msg_id")
            if parent == probe_id:
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            elif parent == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass
        # The probe's shell reply is skipped by nbclient's reply loop (its parent differs).

    async def async_start_new_kernel_client(self):
        started = time.monotonic()
        result = await super().async_start_new_kernel_client()
        print(f"kernel started in {time.monotonic() - started:.3f} s", flush=True)
        return result

    async def _async_cleanup_kernel(self):
        started = time.monotonic()
        await super()._async_cleanup_kernel()
        print(f"kernel stopped in {time.monotonic() - started:.3f} s", flush=True)

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        start = time.monotonic()
        result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        if cell.cell_type == "code":
            first = cell.source.split("\n")[0][:60]
            print(f"cell {cell_index:>2}: {time.monotonic() - start:6.3f} s  {first}", flush=True)
        return result


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


def clean(nb):
    """Outputs only on code cells (nbformat 4 forbids them elsewhere), streams merged."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell["outputs"] = merge_streams(cell.get("outputs", []))
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)


def write_atomically(nb, output):
    """Validates the notebook, then writes it through a temporary file and a rename."""
    nbformat.validate(nb)
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebook")
    parser.add_argument("--output", help="where to write the executed notebook (default: in place)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    args = parser.parse_args()

    path = os.path.abspath(args.notebook)
    output = os.path.abspath(args.output or args.notebook)
    start = time.monotonic()
    try:
        nb = nbformat.read(path, as_version=4)
        client = ProbingClient(
            nb,
            kernel_name="deno",
            timeout=args.timeout,
            record_timing=False,
            iopub_timeout=PROBE_TIMEOUT_SECONDS,
            raise_on_iopub_timeout=True,
            resources={"metadata": {"path": os.path.dirname(path)}},
        )
        client.execute()
        clean(nb)
        write_atomically(nb, output)
    except CellExecutionError as error:
        print(f"error: {path}: a cell failed:\n{error}", file=sys.stderr)
        return 1
    except nbformat.ValidationError as error:
        print(f"error: {path}: the executed notebook is not valid: {error.message}", file=sys.stderr)
        return 1
    except Exception as error:  # one line for the user, no stack trace
        print(f"error: {path}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - start
    print(f"executed {len(nb.cells)} cells of {path} in {elapsed:.2f} s; wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

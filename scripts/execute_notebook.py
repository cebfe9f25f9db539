#!/usr/bin/python3
"""Execute a notebook headless on the Deno kernel and write it back with its outputs.

Usage: execute_notebook.py NOTEBOOK [--output PATH] [--timeout SECONDS]

Uses Debian's python3-nbclient. Two traps of the Deno kernel are handled (see README):
the working directory is passed as an absolute path, and the kernel publishes a cell's outputs
out of order with its `status: idle`, stamped with whichever request is current when they leave.
The kernel (deno 2.9, cli/js/jupyter_kernel.js) evaluates code on a REPL thread whose console
output and Deno.jupyter.broadcast messages (display_data, execute_result) go through one FIFO
queue; a drainer task publishes that queue one message at a time with the parent header of the
request being handled *when the message leaves the queue*, while busy, execute_input, error and
idle are published directly. So after a cell's idle this client sends a probe: a silent request
(the execution count does not move) whose code prints a marker and broadcasts a marker through
that same queue. Every output the cell queued leaves before the markers; those stamped with the
probe's id are the cell's (the probe prints nothing else) and are given back to it. The cell is
complete when both markers and the probe's idle have arrived. Only code cells get outputs; the
notebook is validated against the nbformat schema before it is written. Exits 1 if any cell
fails or the notebook is invalid; the output file is written atomically (temporary file, then
rename), and only on success. Prints one line per cell with its time.
"""
import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from queue import Empty

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async

PROBE_TIMEOUT_SECONDS = 30
OUTPUT_TYPES = {"stream", "display_data", "execute_result", "update_display_data", "clear_output"}


def probe_code(marker):
    """Kernel code that prints `marker` and broadcasts it as display_data, in that order.

    >>> 'console.log("m")' in probe_code("m")
    True
    """
    content = {"data": {"text/plain": marker}, "metadata": {}, "transient": {}}
    return (
        f"console.log({json.dumps(marker)});\n"
        f'await Deno.jupyter.broadcast("display_data", {json.dumps(content)});'
    )


def probe_marker(msg, marker):
    """Which marker `msg` carries: "stdout", "display" or None.

    >>> probe_marker({"msg_type": "stream", "content": {"name": "stdout", "text": "m\\n"}}, "m")
    'stdout'
    """
    content = msg["content"]
    if msg["msg_type"] == "stream" and content.get("text") == marker + "\n":
        return "stdout"
    if msg["msg_type"] == "display_data" and content.get("data", {}).get("text/plain") == marker:
        return "display"
    return None


class ProbeTimeout(RuntimeError):
    """The probe's markers did not come back in time (not a TimeoutError: nbclient catches those)."""


class ProbingClient(NotebookClient):
    """A NotebookClient that knows a cell's outputs are complete (see the module's doc)."""

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        marker = f"execute-notebook-probe-{uuid.uuid4().hex}"
        probe_id = self.kc.execute(
            probe_code(marker), silent=True, store_history=False, stop_on_error=False
        )
        seen = set()
        deadline = time.monotonic() + PROBE_TIMEOUT_SECONDS
        while seen != {"stdout", "display", "idle"}:
            msg = await self._next_iopub(deadline, cell_index)
            parent = msg["parent_header"].get("msg_id")
            if parent == parent_msg_id:
                self._adopt(msg, parent_msg_id, cell, cell_index, "after idle")
            elif parent == probe_id:
                seen |= self._probe_message(msg, marker, parent_msg_id, cell, cell_index)
        # The probe's shell reply is skipped by nbclient's reply loop (its parent differs).

    async def _next_iopub(self, deadline, cell_index):
        """The next iopub message, or ProbeTimeout once `deadline` has passed."""
        late = ProbeTimeout(
            f"cell {cell_index}: the probe's markers did not come back within "
            f"{PROBE_TIMEOUT_SECONDS} s (does the cell replace console.log or Deno.jupyter?)"
        )
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            raise late
        try:
            return await ensure_async(self.kc.iopub_channel.get_msg(timeout=timeout))
        except Empty:
            raise late from None

    def _probe_message(self, msg, marker, parent_msg_id, cell, cell_index):
        """What a probe-stamped message tells: a marker, idle, or a cell output to give back."""
        kind = probe_marker(msg, marker)
        if kind:
            return {kind}
        msg_type, content = msg["msg_type"], msg["content"]
        if msg_type == "status":
            return {"idle"} if content["execution_state"] == "idle" else set()
        if msg_type == "error":
            raise RuntimeError(f"cell {cell_index}: the probe failed: {content.get('evalue')}")
        if msg_type in OUTPUT_TYPES:
            self._adopt(msg, parent_msg_id, cell, cell_index, "stamped with the probe")
        return set()

    def _adopt(self, msg, parent_msg_id, cell, cell_index, why):
        """Processes a late output of the cell as the cell's own, counting why it was late."""
        if msg["msg_type"] == "status":
            return
        self.late[why] += 1
        msg = {**msg, "parent_header": {**msg["parent_header"], "msg_id": parent_msg_id}}
        try:
            self.process_message(msg, cell, cell_index)
        except CellExecutionComplete:
            pass

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
        self.cell_index = cell_index
        self.late = {"after idle": 0, "stamped with the probe": 0}
        result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        if cell.cell_type == "code":
            first = cell.source.split("\n")[0][:60]
            late = ", ".join(f"{n} {why}" for why, n in self.late.items() if n)
            late = f"  (late outputs kept: {late})" if late else ""
            print(f"cell {cell_index:>2}: {time.monotonic() - start:6.3f} s  {first}{late}", flush=True)
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
    client = None
    try:
        nb = nbformat.read(path, as_version=4)
        client = ProbingClient(
            nb,
            kernel_name="deno",
            timeout=args.timeout,
            record_timing=False,
            iopub_timeout=2 * PROBE_TIMEOUT_SECONDS,  # the probe's own timeout says more
            raise_on_iopub_timeout=True,
            resources={"metadata": {"path": os.path.dirname(path)}},
        )
        client.execute()
        clean(nb)
        write_atomically(nb, output)
    except CellExecutionError as error:
        where = f"cell {client.cell_index}" if client else "a cell"
        print(f"error: {path}: {where} failed: {error.ename}: {error.evalue}", file=sys.stderr)
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

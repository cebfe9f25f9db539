#!/usr/bin/python3
"""Execute a notebook headless on the Deno kernel and write back its outputs, and nothing else.

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
complete when both markers and the probe's idle have arrived.

Outputs only: the notebook's text is read once, executed, and written back (in place, or to
--output) with only the `outputs` and `execution_count` of its code cells replaced, spliced into
the text as it was read: every other byte (sources, added cells, cell ids, cell and notebook
metadata, key order, indentation) stays as the user left it. Markdown and raw cells lose an
`outputs` or `execution_count` key (nbformat 4 forbids them there); code cells get one when
missing. The result is validated against the nbformat schema and written atomically (temporary
file beside it, then rename), and only on success; in place, only if the file did not change
while the notebook ran. Exits 1 on any failure, with one line naming the notebook and the cell
(cells are numbered from 1, as a person counts them, markdown cells included). Prints one line
per cell with its time.
"""
import argparse
import json
import os
import re
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


SETTLE_SAVES = 'await globalThis[Symbol.for("steering-sweep.settle-saves")]?.();'


def probe_code(marker, settle=False):
    """Kernel code that prints `marker` and broadcasts it as display_data, in that order; after
    the last cell (`settle`) it first waits for the files the notebook writes in the background
    (lib/display/saves.ts), so the run ends with every file written or fails naming the one that
    was not.

    >>> 'console.log("m")' in probe_code("m")
    True
    >>> probe_code("m", settle=True).startswith(SETTLE_SAVES)
    True
    """
    content = {"data": {"text/plain": marker}, "metadata": {}, "transient": {}}
    return (
        (SETTLE_SAVES + "\n" if settle else "")
        + f"console.log({json.dumps(marker)});\n"
        + f'await Deno.jupyter.broadcast("display_data", {json.dumps(content)});'
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
        last = max(i for i, c in enumerate(self.nb.cells) if c.cell_type == "code")
        probe_id = self.kc.execute(
            probe_code(marker, settle=cell_index == last),
            silent=True,
            store_history=False,
            stop_on_error=False,
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
            f"cell {cell_index + 1}: the probe's markers did not come back within "
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
            raise RuntimeError(f"cell {cell_index + 1}: the probe failed: {content.get('evalue')}")
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
            print(f"cell {cell_index + 1:>2}: {time.monotonic() - start:6.3f} s  {first}{late}", flush=True)
        return result


def merge_streams(outputs):
    """Joins consecutive stream outputs of the same stream into one, as Jupyter shows them.

    >>> merge_streams([{"output_type": "stream", "name": "stdout", "text": "a"},
    ...                {"output_type": "stream", "name": "stdout", "text": "b"}])
    [{'output_type': 'stream', 'name': 'stdout', 'text': 'ab'}]
    """
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


def executed_fields(nb):
    """Per cell, the fields execution sets, as nbformat writes them: {} for a markdown or raw
    cell, `execution_count` and `outputs` (streams merged, text split into lines) for a code cell.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A"),
    ...                                      nbformat.v4.new_code_cell("1", execution_count=1)])
    >>> executed_fields(nb)
    [{}, {'execution_count': 1, 'outputs': []}]
    """
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell["outputs"] = merge_streams(cell.get("outputs", []))
        else:  # nbformat 4 forbids them there
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
    # nbformat's own serialisation (lines split, transient fields dropped, keys sorted)
    on_disk = json.loads(nbformat.writes(nb))["cells"]
    return [
        {"execution_count": c.get("execution_count"), "outputs": c.get("outputs", [])}
        if c["cell_type"] == "code"
        else {}
        for c in on_disk
    ]


# Where each cell's members sit in the notebook's text, so that only their values are rewritten.

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class Member:
    """One `"key": value` of a JSON object: the key and the offsets of the key and the value."""

    def __init__(self, key, key_start, value_start, value_end):
        self.key, self.key_start = key, key_start
        self.value_start, self.value_end = value_start, value_end

    def __repr__(self):
        return f"Member({self.key!r}, {self.key_start}, {self.value_start}, {self.value_end})"


def _skip(text, i):
    return _WHITESPACE.match(text, i).end()


def _expect(text, i, char):
    if i >= len(text) or text[i] != char:
        raise ValueError(f"expected {char!r} at offset {i}")
    return i + 1


def object_members(text, i, value=None):
    """The members of the JSON object at text[i] ("{"), and the offset after its "}"; each value
    is read by value(key, offset) -> end offset (default: decoded and skipped).

    >>> object_members('{"a": 1, "b": [2]}', 0)
    ([Member('a', 1, 6, 7), Member('b', 9, 14, 17)], 18)
    """
    value = value or (lambda key, at: _DECODER.raw_decode(text, at)[1])
    i = _skip(text, _expect(text, i, "{"))
    members = []
    if text.startswith("}", i):
        return members, i + 1
    while True:
        key_start = i
        if not text.startswith('"', i):
            raise ValueError(f"expected a key at offset {i}")
        key, i = _DECODER.raw_decode(text, i)
        i = _skip(text, _expect(text, _skip(text, i), ":"))
        end = value(key, i)
        members.append(Member(key, key_start, i, end))
        i = _skip(text, end)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
        else:
            return members, _expect(text, i, "}")


def cell_members(text):
    """The members of each cell object of a notebook's text, in order.

    >>> [[m.key for m in cell] for cell in cell_members('{"cells": [{"a": 1}, {}], "b": 2}')]
    [['a'], []]
    """
    cells = []

    def cells_value(key, i):
        if key != "cells":
            return _DECODER.raw_decode(text, i)[1]
        cells.clear()  # a repeated "cells" key: the last one counts, as for json.loads
        i = _skip(text, _expect(text, i, "["))
        if text.startswith("]", i):
            return i + 1
        while True:
            members, i = object_members(text, i)
            cells.append(members)
            i = _skip(text, i)
            if text.startswith(",", i):
                i = _skip(text, i + 1)
            else:
                return _expect(text, i, "]")

    end = _skip(text, object_members(text, _skip(text, 0), cells_value)[1])
    if end != len(text):
        raise ValueError(f"unexpected text at offset {end}")
    return cells


def _gap_before(text, start):
    """The whitespace just before text[start]."""
    i = start
    while i > 0 and text[i - 1] in " \t\n\r":
        i -= 1
    return text[i:start]


def _indent_before(text, start):
    """The indentation of the line of text[start] if it starts that line, else None (one line)."""
    gap = _gap_before(text, start)
    return gap[gap.rindex("\n") + 1:] if "\n" in gap else None


def _indent_unit(text):
    """One level of indentation in the notebook's text (" " as nbformat writes it), or None."""
    first = _skip(text, _expect(text, _skip(text, 0), "{"))
    return _indent_before(text, first) if text.startswith('"', first) else None


def _value_text(value, unit, indent):
    """`value` as JSON written at a member indented by `indent` (compact when either is None)."""
    if unit is None or indent is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=False, indent=unit).replace("\n", "\n" + indent)


def cell_edits(text, members, fields, unit):
    """The (start, end, replacement) edits that give one cell the `fields` of its execution:
    each value replaced, a missing key inserted before the first key sorting after it (so
    sorted keys stay sorted), and `outputs`/`execution_count` removed from non-code cells.

    >>> text = ('{"cells": [{"outputs": [], "execution_count": 1, "cell_type": "raw", '
    ...         '"source": ""}, {"outputs": []}, {"cell_type": "code", "source": "1"}]}')
    >>> splice_outputs(text, [{}, {}, {"execution_count": 2, "outputs": []}])
    '{"cells": [{"cell_type": "raw", "source": ""}, {}, {"cell_type": "code", "execution_count": 2, "outputs": [], "source": "1"}]}'
    """
    edits = []
    if fields:
        for key, value in fields.items():
            present = [m for m in members if m.key == key]
            for member in present:
                indent = _indent_before(text, member.key_start)
                edits.append((member.value_start, member.value_end, _value_text(value, unit, indent)))
            if present:
                continue
            if not members:
                raise ValueError("a code cell with no keys")
            after = next((m for m in members if m.key > key), None)
            anchor = after or members[-1]
            gap = _gap_before(text, anchor.key_start)
            item = f"{json.dumps(key)}: {_value_text(value, unit, _indent_before(text, anchor.key_start))}"
            if after:
                edits.append((after.key_start, after.key_start, item + "," + gap))
            else:
                edits.append((anchor.value_end, anchor.value_end, "," + gap + item))
        return edits
    drop = [m.key in ("outputs", "execution_count") for m in members]
    if not any(drop):
        return edits
    if all(drop):
        return [(members[0].key_start, members[-1].value_end, "")]
    first_kept = drop.index(False)
    if first_kept:
        edits.append((members[0].key_start, members[first_kept].key_start, ""))
    for j in range(first_kept + 1, len(members)):
        if drop[j]:
            edits.append((members[j - 1].value_end, members[j].value_end, ""))
    return edits


def splice_outputs(text, fields):
    r"""The notebook's text with each cell given the fields of its execution (see executed_fields),
    and every other byte as it was.

    >>> text = '{\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": null,\n' \
    ...        '   "outputs": [],\n   "source": "1"\n  }\n ]\n}\n'
    >>> out = splice_outputs(text, [{"execution_count": 1, "outputs": [{"a": [1]}]}])
    >>> print(out, end="")
    {
     "cells": [
      {
       "cell_type": "code",
       "execution_count": 1,
       "outputs": [
        {
         "a": [
          1
         ]
        }
       ],
       "source": "1"
      }
     ]
    }
    """
    cells = cell_members(text)
    if len(cells) != len(fields):
        raise ValueError(f"{len(cells)} cells in the text, {len(fields)} executed")
    unit = _indent_unit(text)
    edits = [e for members, f in zip(cells, fields) for e in cell_edits(text, members, f, unit)]
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def write_atomically(text, output, source=None, original=None):
    """Validates the notebook's text, then writes it through a temporary file beside `output`
    and a rename; when `source` is given, only if it still holds `original` (no edit lost)."""
    nbformat.validate(json.loads(text))
    directory = os.path.dirname(output)
    mode = os.stat(output).st_mode & 0o7777 if os.path.exists(output) else 0o644
    fd, temp = tempfile.mkstemp(dir=directory, prefix=".notebook-", suffix=".ipynb")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(temp, mode)
        if source is not None and read_text(source) != original:
            raise Changed(f"{source} changed while it ran: not overwritten (run it again)")
        os.replace(temp, output)
    except BaseException:
        os.unlink(temp)
        raise


class Changed(RuntimeError):
    """The notebook was edited while it ran."""


def read_text(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


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
        original = read_text(path)
        nb = nbformat.reads(original, as_version=4)
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
        text = splice_outputs(original, executed_fields(nb))
        in_place = os.path.realpath(output) == os.path.realpath(path)
        write_atomically(text, output, *((path, original) if in_place else ()))
    except CellExecutionError as error:
        where = f"cell {client.cell_index + 1}" if client else "a cell"
        print(f"error: {path}: {where} failed: {error.ename}: {error.evalue}", file=sys.stderr)
        return 1
    except nbformat.ValidationError as error:
        print(f"error: {path}: the executed notebook is not valid: {error.message}", file=sys.stderr)
        return 1
    except Changed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # one line for the user, no stack trace
        print(f"error: {path}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - start
    print(f"executed {len(nb.cells)} cells of {path} in {elapsed:.2f} s; wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

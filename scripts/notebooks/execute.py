"""Executes one notebook headlessly on the Deno kernel and writes the executed copy.

Usage: /usr/bin/python3 execute.py IN.ipynb OUT.ipynb WORKDIR [CELL_TIMEOUT_SECONDS]

Run through scripts/notebooks/run.mjs, which sets the project-local Jupyter and Deno
directories. Exits 0 when every cell ran, 1 on a cell error (the partial notebook is still
written to OUT so the error can be read there), 2 on bad usage or a kernel that will not start.
"""
import queue
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, DeadKernelError
from nbclient.util import ensure_async

# How long to keep listening for a cell's outputs after the kernel reported it idle.
LATE_OUTPUT_GRACE_SECONDS = 0.3


class DenoNotebookClient(NotebookClient):
    """nbclient, tolerant of the Deno kernel publishing a cell's result after its idle status.

    Deno's kernel sends a cell's execute_result and its 'idle' status from different tasks, so
    the result sometimes arrives just after 'idle', where nbclient has stopped listening and the
    output would be lost (a few cells in a hundred). After 'idle' this keeps collecting messages
    of the same cell until none has come for LATE_OUTPUT_GRACE_SECONDS.
    """

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=LATE_OUTPUT_GRACE_SECONDS))
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    src, out, workdir = argv[1], argv[2], argv[3]
    timeout = int(argv[4]) if len(argv) > 4 else 120
    nb = nbformat.read(src, as_version=4)
    client = DenoNotebookClient(
        nb,
        kernel_name="deno",
        timeout=timeout,
        startup_timeout=120,
        record_timing=False,
        allow_errors=False,
        resources={"metadata": {"path": workdir}},
    )
    status = 0
    try:
        client.execute()
    except CellExecutionError as error:
        # the message names the cell source and the error; keep it short for the test log
        print(str(error)[-4000:], file=sys.stderr)
        status = 1
    except (DeadKernelError, RuntimeError, TimeoutError) as error:
        print(f"kernel failed: {error}", file=sys.stderr)
        status = 2
    nbformat.write(nb, out)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

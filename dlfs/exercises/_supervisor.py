"""Run the learner's checks in a child, and leave nothing of it behind.

``python -I -S _supervisor.py SECONDS FOLDER -- COMMAND...`` starts COMMAND
(the child that imports the learner's file and runs the checks) in FOLDER, in
a session of its own, and copies the records it writes on its standard
output to this process's, line by line.  When the child ends, when SECONDS
have passed, or when this process gets SIGINT, SIGTERM or SIGHUP, it kills
the child's process group and then every process left of it, and writes one
last record of its own: ``{"event": "end", "status": ..., "timed_out": ...}``
(``status`` is the child's exit status, or minus the signal that ended it).
The child may use at most :data:`MEMORY` bytes of address space.

On Linux this process is a *child subreaper*: a process of the learner's
that leaves its parent (a fork, a detached ``Popen``, a daemon) is adopted
here instead of by init, so it is found and killed too, and it gets SIGTERM
if the checker that started it dies.  Elsewhere only the child's process
group is killed.  Every wait is bounded: the whole run ends within SECONDS
plus about two.

It imports nothing but the standard library (it runs with ``-S``), and
nothing of the learner's runs in it.
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER = 1, 36
CLEANUP_SECONDS = 2.0
MAX_OUTPUT = 16 * 2**20  # bytes of records passed on; the rest is dropped
# The child's address space: a check needs a few hundred MB; more is a
# mistake, which then raises MemoryError instead of pushing the machine
# into swap or the OOM killer.
MEMORY = 2 * 2**30


def _limit_memory() -> None:
    """Cap the address space of the process about to run the child (POSIX)."""
    try:
        import resource
    except ImportError:  # not POSIX: no cap
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _linux_guard() -> bool:
    """Adopt orphaned descendants, and hear of the checker's death (Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _children() -> list[int]:
    """This process's children (on Linux, orphans it adopted included)."""
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if fields[1].decode() == me:
                found.append(int(entry))
    return found


def _kill_everything(child: subprocess.Popen, adopted: bool) -> None:
    """Kill the child's group, then (on Linux) every process left, and reap."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except OSError:
        pass
    deadline = time.monotonic() + CLEANUP_SECONDS
    while time.monotonic() < deadline:
        if adopted:
            for pid in _children():
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # nothing left
        if pid == child.pid:
            child.returncode = os.waitstatus_to_exitcode(status)
        if pid == 0:
            time.sleep(0.01)


def supervise(seconds: float, folder: str, command: list[str]) -> dict:
    """Run ``command`` as described above; return the closing record."""
    adopted = _linux_guard()
    stop = []
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_: stop.append(True))
    read, write = os.pipe()
    child = subprocess.Popen(
        command,
        stdout=write,
        stdin=subprocess.DEVNULL,
        cwd=folder,
        start_new_session=True,
        preexec_fn=_limit_memory,
    )
    os.close(write)
    out, pending, passed = sys.stdout.buffer, b"", 0
    deadline, timed_out = time.monotonic() + seconds, False
    while not stop:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        try:
            ready, _, _ = select.select([read], [], [], min(left, 0.05))
        except InterruptedError:
            continue
        if ready:
            chunk = os.read(read, 65536)
            if not chunk:
                break  # every writer has gone
            pending += chunk
            *lines, pending = pending.split(b"\n")
            text = b"".join(line + b"\n" for line in lines)
            if passed + len(text) <= MAX_OUTPUT:
                out.write(text)
                out.flush()
                passed += len(text)
            pending = pending[-MAX_OUTPUT:]
        elif child.poll() is not None:
            break  # ended, though a process it left may hold the pipe
    # It may still be running after closing its output: give it its time.
    while not (stop or timed_out) and child.poll() is None:
        timed_out = time.monotonic() > deadline
        time.sleep(0.01)
    _kill_everything(child, adopted)
    os.close(read)
    status = child.returncode if child.returncode is not None else child.poll()
    return {
        "event": "end",
        "status": status,
        "timed_out": timed_out,
        "stopped": bool(stop),
    }


def main() -> None:
    seconds, folder, dashes, *command = sys.argv[1:]
    assert dashes == "--", sys.argv
    record = supervise(float(seconds), folder, command)
    sys.stdout.write("\n" + json.dumps(record) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

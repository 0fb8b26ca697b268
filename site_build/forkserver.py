"""A warm Python that runs each job in a child forked from it: the big imports are paid once.

Starting Python and importing torch and matplotlib takes about 2 s, which is most of a
small snippet's run, and the generator runs some twenty snippets. The server imports
them once (and may call a function once, to warm them up); each job is a function
called in a fresh child forked from the server, in
the working folder the job names, with its output and errors written to a file of the
job's. The child is gone when the job ends, so no state passes from one job to the
next, as with a fresh `python` for each.

    server = Forkserver(["torch", "matplotlib.pyplot", "gallery:warm_up"], python_options=["-W", "error"])
    status = server.run("gallery:run_in_child", ["a", "b"], cwd=folder, log=log_file)

Jobs may be started from several threads at once; each child runs side by side with
the others. The server stops when its parent closes it or exits. Linux and macOS only
(os.fork), like the rest of the build.
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from concurrent.futures import Future
from pathlib import Path


class ForkserverError(RuntimeError):
    """The server itself failed (an import it preloads raised, say); the message has its errors."""


class Forkserver:
    """The parent's side: starts the server, sends it jobs, and hands each caller its job's status."""

    def __init__(self, preload: list[str], python_options: list[str] = (), env: dict | None = None):
        self._errors = tempfile.TemporaryFile()  # the server's own stderr, shown if it dies
        self._process = subprocess.Popen(
            [sys.executable, *python_options, __file__, *preload],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            env=env,
        )
        self._pending: dict[int, Future] = {}
        self._lock = threading.Lock()
        self._next_id = 0
        threading.Thread(target=self._read_statuses, daemon=True).start()
        atexit.register(self.close)

    def run(self, target: str, args: list[str], cwd: Path, log: Path) -> int:
        """Call module:function(*args) in a fresh child, in cwd, its stdout and stderr into log.

        Returns the child's exit status: what the function returned (0 for None), 1 if it raised
        (its traceback is in the log), or minus the number of the signal that killed it.
        """
        future: Future = Future()
        job = {"target": target, "args": [str(a) for a in args], "cwd": str(cwd), "log": str(log)}
        with self._lock:
            if self._process.poll() is not None:
                raise ForkserverError(self._server_errors())
            job["id"] = self._next_id = self._next_id + 1
            self._pending[job["id"]] = future
            self._process.stdin.write(json.dumps(job).encode() + b"\n")
            self._process.stdin.flush()
        return future.result()

    def close(self) -> None:
        """Let the running jobs finish, then stop the server."""
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        self._process.wait()

    def _read_statuses(self) -> None:
        for line in self._process.stdout:
            status = json.loads(line)
            with self._lock:
                self._pending.pop(status["id"]).set_result(status["status"])
        self._process.wait()
        with self._lock:  # the server is gone: no job still waiting will ever finish
            for future in self._pending.values():
                future.set_exception(ForkserverError(self._server_errors()))
            self._pending.clear()

    def _server_errors(self) -> str:
        self._errors.seek(0)
        errors = self._errors.read().decode(errors="replace").strip()
        return f"the fork server stopped (exit code {self._process.returncode})\n{errors}"


def _serve(preload: list[str]) -> None:
    """The server: import what is preloaded, then fork a child for each job read from stdin.

    One thread only (forking a process with several threads can leave a lock held in the
    child): it waits on stdin and on a pipe that SIGCHLD writes to, and reports each child's
    exit status on its own stdout as it ends. Stray output of the imports goes to stderr.
    """
    statuses = os.dup(1)
    os.dup2(2, 1)
    for name in preload:  # a module, or module:function to call once imported
        module, _, function = name.partition(":")
        imported = importlib.import_module(module)
        if function:
            getattr(imported, function)()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which closes stdin
    woken, wake = os.pipe()
    os.set_blocking(woken, False)
    os.set_blocking(wake, False)
    signal.set_wakeup_fd(wake)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler, so that the wakeup fd is written

    children: dict[int, int] = {}  # pid: job id
    received = b""
    reading = True
    while reading or children:
        ready, _, _ = select.select([0, woken] if reading else [woken], [], [])
        if woken in ready:
            _drain(woken)
        if 0 in ready:
            data = os.read(0, 65536)
            reading = bool(data)
            received += data
            while b"\n" in received:
                line, received = received.split(b"\n", 1)
                job = json.loads(line)
                sys.stdout.flush()
                sys.stderr.flush()  # else the child would write what is buffered a second time
                pid = os.fork()
                if pid == 0:
                    os.close(statuses)
                    for fd in (woken, wake):
                        os.close(fd)
                    _run_job(job)  # never returns
                children[pid] = job["id"]
        while children:
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                break
            report = {"id": children.pop(pid), "status": os.waitstatus_to_exitcode(status)}
            os.write(statuses, json.dumps(report).encode() + b"\n")


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 512):
            pass
    except BlockingIOError:
        pass


def _run_job(job: dict) -> None:
    """In the child: become a plain process again, run the job, and exit with its status."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    nothing = os.open(os.devnull, os.O_RDONLY)
    log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(nothing, 0)  # the job's stdin is empty, not the server's list of jobs
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.chdir(job["cwd"])
    status = 1
    try:
        module, function = job["target"].split(":")
        status = getattr(importlib.import_module(module), function)(*job["args"]) or 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


if __name__ == "__main__":
    _serve(sys.argv[1:])

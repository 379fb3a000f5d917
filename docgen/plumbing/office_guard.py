"""`python office_guard.py FD -- CMD...`: run CMD so that it cannot outlive docgen.

docgen starts this guard as the leader of a new session and keeps the write end of a pipe
whose read end is FD; no one else holds it. The guard runs CMD as its child and waits: when
CMD ends, the guard exits with its status; when the pipe reaches end of file (docgen ended or
was killed outright, even by SIGKILL, since the kernel then closes its files), the guard kills
its whole process group: LibreOffice's launcher, soffice.bin it forked, and itself.
CMD also gets PR_SET_PDEATHSIG, so it is killed if the guard is. Standard library only: it
runs with `-I`, outside docgen.
"""

from __future__ import annotations

import ctypes
import os
import select
import signal
import sys

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pipe alone guards
        pass


def main(argv: list[str]) -> int:
    fd, cmd = int(argv[1]), argv[3:]
    child = os.fork()
    if child == 0:
        os.close(fd)
        _die_with_parent()
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    # The guard keeps none of docgen's pipes, so docgen sees end of file as soon as CMD ends.
    null = os.open(os.devnull, os.O_RDWR)
    for std in (0, 1, 2):
        os.dup2(null, std)
    while True:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready and not os.read(fd, 1):
            os.killpg(os.getpgrp(), signal.SIGKILL)
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

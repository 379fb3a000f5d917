"""`python -m tests.hostile.nofork ARGS...`: `docgen ARGS...` as on a system where no process can
be forked (os.fork fails as it does with too many processes), so a template renders in docgen's
own process and must be held to its budget there."""

from __future__ import annotations

import errno
import os
import sys


def _no_fork() -> int:
    raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))


if __name__ == "__main__":
    os.fork = _no_fork
    from docgen.cli import main

    sys.argv[0] = "docgen"
    main()

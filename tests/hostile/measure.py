"""Run one docgen command in a child with a wall clock and an address-space cap, and say its
exit status, wall time, peak memory (max RSS of the child and what it waited for) and output.

`python -m tests.hostile.measure --timeout 30 --as-mb 2048 -- ARGS...` prints one JSON line;
run in its own process so RUSAGE_CHILDREN covers this one command only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time


def _limits(as_mb: int):
    def apply() -> None:
        os.setsid()
        if as_mb:
            resource.setrlimit(resource.RLIMIT_AS, (as_mb << 20, as_mb << 20))
    return apply


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--as-mb", type=int, default=0)
    parser.add_argument("--cwd", default=None)
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_limits(args.as_mb),
                            cwd=args.cwd)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    wall = time.monotonic() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"rc": proc.returncode, "timed_out": timed_out, "wall": round(wall, 2),
                      "peak_mb": round(peak_kb / 1024, 1), "stdout": out.decode(errors="replace")[-4000:],
                      "stderr": err.decode(errors="replace")[-4000:]}, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())

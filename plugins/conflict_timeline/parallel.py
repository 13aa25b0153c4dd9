"""Run part of the build in a forked process on the machine's second core, and wait for it.

Pelican builds in one process. The plugin's own pages and files (faction and place pages, feeds, archives, map,
exports) depend on nothing Pelican writes, so once every generator's context is final they can be written by a
copy of the process while Pelican writes the entry pages. The output is the same either way (the tests compare);
where ``os.fork`` is missing, or TIMELINE_PARALLEL is off, the work runs in the build's own process.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from .errors import TimelineError

log = logging.getLogger(__name__)


def start(work: Callable[[], None], what: str = "writing the timeline pages", here: bool = True) -> int | None:
    """Run ``work`` in a child process and return its pid; None if it could not fork (then ``work`` has run here,
    unless ``here`` is False: work that only saves time is then left to the build's own process)."""
    if not hasattr(os, "fork"):
        if here:
            work()
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError as error:
        log.warning("cannot start a second process (%s); %s in this one", error, what)
        if here:
            work()
        return None
    if pid:
        return pid
    code = 1
    try:  # the child: never return into the parent's code (a test runner, Pelican's own loop)
        work()
        code = 0
    except BaseException:  # noqa: BLE001 - reported, then the parent fails the build (or does the work itself)
        log.exception("%s failed", what)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def succeeded(pid: int) -> bool:
    """Wait for the child; whether it finished its work."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def wait(pid: int | None, what: str) -> None:
    """Wait for the child; its failure (already logged by it) fails the build."""
    if pid is None:
        return
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise TimelineError(f"{what} failed (see the error above)", None,
                            "fix the error, or set TIMELINE_PARALLEL = False to see it in the build's own process")

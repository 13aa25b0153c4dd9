"""Invoke tasks: Pelican's quickstart tasks (build, serve, livereload-free rebuild, publish) plus import, check, eval and bench.

Run with the venv's invoke: `.venv/bin/invoke build`. The Makefile targets call the same commands.
"""

import shlex
import sys

from invoke import task

SETTINGS = {"base": "pelicanconf.py", "publish": "publishconf.py"}
BIN = f"{sys.prefix}/bin"


def _pelican(c, settings: str, extra: str = "") -> None:
    c.run(f"{shlex.quote(BIN)}/pelican content -s {settings} -o output {extra}".strip(), pty=False)


@task
def clean(c):
    """Remove the generated site."""
    c.run("rm -rf output")


@task
def build(c):
    """Convert seeds and build the site into output/."""
    _pelican(c, SETTINGS["base"])


@task
def rebuild(c):
    """Build from scratch."""
    _pelican(c, SETTINGS["base"], "--delete-output-directory")


@task
def serve(c, port=8000):
    """Build, then serve output/ on localhost."""
    _pelican(c, SETTINGS["base"], f"--listen --port {int(port)}")


@task
def publish(c):
    """Build the deployable tree with publishconf.py."""
    _pelican(c, SETTINGS["publish"])


@task(name="import")
def import_(c, dry_run=False):
    """Convert seeds/ into content/timeline/ without building the site."""
    c.run(f"{BIN}/timeline import{' --dry-run' if dry_run else ''}")


@task
def check(c):
    """Validate every entry in content/."""
    c.run(f"{BIN}/timeline check")


@task(name="eval")
def eval_(c, record=False, verbose=False):
    """Extraction accuracy on the real-article development set, held to bench/devset_floor.json."""
    c.run(f"{BIN}/python bench/eval.py{' --record' if record else ''}{' -v' if verbose else ''}")


@task
def bench(c, sizes="2000,10000"):
    """Benchmarks: extraction, import, build vs stock Pelican, warm rebuild, Pagefind, memory, page weight."""
    c.run(f"{BIN}/python bench/run.py --sizes {sizes}")

"""Run one Pelican build (settings file, output folder); print the peak memory in KB of its largest process and
the CPU seconds (user + system) of all its processes on the last line."""

import logging
import resource
import sys

from pelican import Pelican
from pelican.settings import read_settings

logging.basicConfig(level=logging.WARNING)
logging.getLogger("conflict_timeline.search_index").setLevel(logging.INFO)  # its time, which the bench reports
settings = read_settings(sys.argv[1], override={"OUTPUT_PATH": sys.argv[2]})
Pelican(settings).run()
# The plugin writes part of the site in a forked process (TIMELINE_PARALLEL): its memory and CPU count too.
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(max(own.ru_maxrss, children.ru_maxrss), sum(u.ru_utime + u.ru_stime for u in (own, children)))

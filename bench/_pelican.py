"""Run one Pelican build (settings file, output folder); print this process's peak memory in KB and its CPU
seconds (user + system) on the last line."""

import resource
import sys

from pelican import Pelican
from pelican.settings import read_settings

settings = read_settings(sys.argv[1], override={"OUTPUT_PATH": sys.argv[2]})
Pelican(settings).run()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)

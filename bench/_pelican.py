"""Run one Pelican build (settings file, output folder) and print this process's peak memory in KB last."""

import resource
import sys

from pelican import Pelican
from pelican.settings import read_settings

settings = read_settings(sys.argv[1], override={"OUTPUT_PATH": sys.argv[2]})
Pelican(settings).run()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

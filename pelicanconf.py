"""Pelican settings for local builds (`make html`, plain `pelican`). publishconf.py adds the deploy settings."""

AUTHOR = "Timeline curators"
SITENAME = "Conflict timeline: Syria and Iraq"
SITESUBTITLE = "Dated, located events from news reports, with their sources and evidence"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["timeline"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
THEME = "theme"
# Escape everything templates print; only our own HTML (rendered Markdown, build-time SVG, JSON-LD) is marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["conflict_timeline"]
# TIMELINE_* settings (defaults in plugins/conflict_timeline/settings.py):
TIMELINE_SEEDS_PATH = "seeds"
TIMELINE_COUNTRIES = ["IQ", "JO", "LB", "SY", "TR"]

# A timeline reads oldest first; entries live at stable, date-led URLs. One file per entry, no folder per entry:
# at 10,000 entries creating 13,000 folders cost 3.5 s of system time on the build (see the README).
ARTICLE_ORDER_BY = "date"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "timeline"
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = ARTICLE_SAVE_AS = "entries/{slug}.html"
DRAFT_URL = DRAFT_SAVE_AS = "drafts/{slug}.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_URL = "timeline/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "timeline/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "timeline/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "timeline/{date:%Y}/{date:%m}/index.html"
# The timeline splits into pages of 50 entries: 10,000 entries never make one page heavy.
DEFAULT_PAGINATION = 50
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds: all entries, and one per faction and per place (written by the plugin). Dates come from entries, so
# feeds are deterministic.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_DOMAIN = "http://localhost:8000"  # feeds need absolute links; publishconf.py uses SITEURL
FEED_MAX_ITEMS = 50
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# Warm rebuilds: Pelican caches what it read (keyed by file times) and the plugin renders only changed entries.
CACHE_PATH = "cache"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True

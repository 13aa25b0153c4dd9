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
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["conflict_timeline"]
# TIMELINE_* settings (defaults in plugins/conflict_timeline/settings.py):
TIMELINE_SEEDS_PATH = "seeds"
TIMELINE_COUNTRIES = ["IQ", "JO", "LB", "SY", "TR"]

# A timeline reads oldest first; entries live at stable, date-led URLs.
ARTICLE_ORDER_BY = "date"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "timeline"
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "entries/{slug}/"
ARTICLE_SAVE_AS = "entries/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = False

# Deterministic output: no feeds with build times, no content cache between runs.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

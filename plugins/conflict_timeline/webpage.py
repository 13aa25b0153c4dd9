"""A news page saved from a browser -> Seed, from the page's own markup (JSON-LD, meta tags, <time>, canonical).

Navigation, ads, asides, comment sections and scripts are dropped before the article text is read; the text
then goes through the same dateline and furniture rules as a plain-text seed.
"""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, Tag

from .dates import parse_published
from .article import assemble
from .furniture import OUTLETS, is_furniture, strip_markup

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage"}
_NOISE_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "button", "template")
_NOISE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:comments?|advert\w*|ads?|promo\w*|related|share|sharing|social|newsletter|subscribe|cookie\w*|"
    r"sidebar|footer|nav\w*|menu|breadcrumbs?|banner|popup|modal|recommend\w*|most-read|outbrain|taboola)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote")


def _json_ld(soup: BeautifulSoup) -> dict:
    """The first schema.org article object in the page's JSON-LD, or {}."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = {k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}
                if kinds & _ARTICLE_TYPES and item.get("headline"):
                    return item
                stack.append(item.get("@graph"))  # a list, one object or junk: the loop skips what is neither
    return {}


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag) and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _name(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    return str(value).strip() if value else None


def _is_noise(tag: Tag) -> bool:
    if tag.name in _NOISE_TAGS:
        return True
    attrs = " ".join([str(tag.get("id") or ""), *[str(c) for c in tag.get("class") or []], str(tag.get("role") or "")])
    return bool(attrs.strip()) and bool(_NOISE_ATTR.search(attrs))


def _article_paragraphs(soup: BeautifulSoup, headline: str) -> list[str]:
    container = soup.find(attrs={"itemprop": "articleBody"}) or soup.find("article") or soup.find("main") or soup.body or soup
    for tag in list(container.find_all(True)):
        if not tag.decomposed and _is_noise(tag):
            tag.decompose()
    paras: list[str] = []
    for block in container.find_all(_BLOCKS):
        if block.find_parent(_BLOCKS) is not None:
            continue
        text = " ".join(block.get_text(" ", strip=True).split())
        text = re.sub(r"\s+([,.;:!?])", r"\1", text)
        if text and not is_furniture(text) and text != headline:
            paras.append(text)
    return paras


def parse_html(text: str, name: str, warnings: tuple[str, ...] = ()):
    soup = BeautifulSoup(text, "html.parser")
    ld = _json_ld(soup)
    h1 = soup.find("h1")
    title_tag = soup.title.get_text(" ", strip=True) if soup.title else None
    headline = (_name(ld.get("headline")) or _meta(soup, "og:title", "twitter:title")
                or (h1.get_text(" ", strip=True) if h1 else None) or title_tag or "")
    headline = " ".join(headline.split())
    source = _name(ld.get("publisher")) or _meta(soup, "og:site_name", "application-name")
    author = _name(ld.get("author")) or _meta(soup, "author", "article:author")
    time_tag = soup.find("time", attrs={"datetime": True})
    published_words = (_name(ld.get("datePublished")) or _meta(soup, "article:published_time", "date", "pubdate",
                                                               "dc.date", "DC.date.issued")
                       or (str(time_tag["datetime"]) if isinstance(time_tag, Tag) else None))
    published = parse_published(published_words[:10] if re.match(r"\d{4}-\d\d-\d\d", published_words or "")
                                 else published_words) if published_words else None
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = (str(canonical["href"]) if isinstance(canonical, Tag) and canonical.get("href") else None) \
        or _meta(soup, "og:url") or _name(ld.get("url"))
    paras = _article_paragraphs(soup, headline)
    cleaned = [strip_markup(text or "") for text in (headline, source, author, *paras)]
    if any(changed for _, changed in cleaned):
        warnings += ("HTML markup removed from the page's text",)
    headline, source, author, *paras = [" ".join(text.split()) for text, _ in cleaned]
    paras = [text for text in paras if text]
    header = {"source": OUTLETS.get(source, source)} if source else {}
    if author:
        header["author"] = author
    return assemble(name, paras, header, published, published_words, warnings, url=url, headline=headline)

"""Reference data the rules look things up in, each loaded once per process on first use.

* The public suffix list: the snapshot that ships inside ``tldextract``; ``suffix_list_urls=()`` and
  ``cache_dir=None`` make sure it never fetches or writes anything.
* Word frequencies for French and English: the dictionaries that ship inside ``pyspellchecker`` (built from
  OpenSubtitles and Wiktionary). A rule asks "is this an ordinary word in this language?", never for a spelling.
"""

from __future__ import annotations

import functools
import gzip
import json
import threading
import unicodedata
from collections.abc import Callable, Iterable
from importlib import resources
from typing import TypeVar
from urllib.parse import urlsplit

import tldextract

LANGUAGES = ("fr", "en")
T = TypeVar("T")


def load_once(loader: Callable[..., T]) -> Callable[..., T]:
    """``functools.cache`` for a loader that takes seconds, safe under threads: a caller that arrives while the
    value loads waits for it. (``functools.cache`` runs the loader in every thread that misses: py-spy caught
    bench/ingest.py's web threads loading the language model inside the measured round.)"""
    values: dict[tuple, T] = {}
    lock = threading.Lock()

    @functools.wraps(loader)
    def load(*args: object) -> T:
        if args not in values:
            with lock:
                if args not in values:
                    values[args] = loader(*args)
        return values[args]

    return load


@load_once
def suffix_extractor() -> tldextract.TLDExtract:
    """The bundled public suffix list, ICANN section only: private suffixes (``blogspot.com``) are domains to us."""
    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)
    extractor("example.com")  # load now, under the cache, not on a customer's first link
    return extractor


@load_once
def public_suffixes() -> frozenset[str]:
    return frozenset(suffix_extractor().tlds)


def registered_domain(host: str) -> str | None:
    """``shop.fr`` for ``www.shop.fr`` or ``blog.shop.fr``; None for a host under no public suffix (``localhost``)."""
    parts = suffix_extractor()(host.lower().strip("."))
    return f"{parts.domain}.{parts.suffix}" if parts.domain and parts.suffix else None


def url_host(url: str) -> str:
    """The host of a URL as someone typed it; "" when it cannot be read ("http://[abc.com/x" is no IPv6)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def registered_domains(sites: Iterable[str]) -> frozenset[str]:
    """The registered domains of origins (``https://www.shop.fr``) or host names (``shop.fr``)."""
    hosts = (url_host(site) if "://" in site else site.split("/")[0].split(":")[0] for site in sites)
    return frozenset(d for host in hosts if host and (d := registered_domain(host)) is not None)


def is_own(host: str, own_domains: frozenset[str]) -> bool:
    """Whether ``host`` is under one of ``own_domains`` (``registered_domains`` of a site's origins)."""
    return bool(own_domains) and registered_domain(host) in own_domains


@load_once
def word_frequencies(language: str) -> dict[str, int]:
    """Token → count, for ``fr`` or ``en``. About 0.4 s and 20 MB each, once."""
    path = resources.files("spellchecker") / "resources" / f"{language}.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


def frequency(word: str, languages: tuple[str, ...] = LANGUAGES) -> int:
    """The highest count of ``word`` among ``languages`` (0 when unknown)."""
    return max((word_frequencies(lang).get(word, 0) for lang in languages), default=0)


def is_word(word: str, languages: tuple[str, ...] = LANGUAGES, min_count: int = 50) -> bool:
    return frequency(word, languages) >= min_count


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower().replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@load_once
def folded_frequencies() -> dict[str, int]:
    """Accent-free lower-case word → highest count in French or English ("crepe" for "crêpe"), as the content rules'
    ``words`` view spells words. About 0.7 s, once."""
    folded: dict[str, int] = {}
    for lang in LANGUAGES:
        for word, count in word_frequencies(lang).items():
            key = _fold(word)
            if count > folded.get(key, 0):
                folded[key] = count
    return folded


def is_folded_word(word: str, min_count: int = 50) -> bool:
    """Whether ``word``, spelt without accents, is an ordinary French or English word."""
    return folded_frequencies().get(word, 0) >= min_count


def warm() -> None:
    """Load everything now (a worker or web process calls this at start, so no request pays for it)."""
    suffix_extractor()
    for lang in LANGUAGES:
        word_frequencies(lang)
    folded_frequencies()

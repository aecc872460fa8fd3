"""The spell checker behind the text fields: Enchant's Hunspell dictionaries for en-GB and cy-GB,
plus the reviewer's own words from the encrypted store.

Enchant keeps a personal word list as a plain-text file in its configuration folder and creates it
(empty) when a dictionary is opened. A word added to a dictionary can be a child's or a teacher's
name, so: Enchant's configuration folder is a fresh private temporary folder of ours (removed at
exit, and it only ever holds the empty files Enchant makes), we never call Enchant's `add`, and "Add
to dictionary" writes to the store (`ReviewStore.add_personal_word`). The shipped Welsh dictionary
(resources/dictionaries/hunspell, Bangor University's, LGPL) is linked into that folder, where
Enchant's Hunspell provider looks; any other Hunspell dictionary dropped into resources/dictionaries/
hunspell works the same way. en-GB comes from the system (Debian: hunspell-en-gb) or pyenchant's
bundled dictionaries on Windows and macOS.

A word is accepted if any of the languages in use knows it: reviewers in Wales switch language
mid-sentence. Results are cached per word, so re-checking a 150 kB note costs a set lookup per word.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Any

from spp_desktop.paths import resources_dir

LANGUAGES = ("en_GB", "cy_GB")
_CACHE_LIMIT = 50_000

_config_dir: Path | None = None


def shipped_dictionaries() -> Path:
    return resources_dir() / "dictionaries" / "hunspell"


def _prepare_enchant() -> None:
    """Point Enchant at a private, empty configuration folder holding links to our dictionaries.
    Must run before `enchant` is imported (it opens its broker on import)."""
    global _config_dir
    if _config_dir is not None:
        return
    _config_dir = Path(tempfile.mkdtemp(prefix="spp-spelling-"))  # 0700, removed at exit
    atexit.register(shutil.rmtree, _config_dir, True)
    hunspell = _config_dir / "hunspell"
    hunspell.mkdir()
    for source in sorted(shipped_dictionaries().glob("*.dic")) + sorted(shipped_dictionaries().glob("*.aff")):
        target = hunspell / source.name
        try:
            target.symlink_to(source)
        except OSError:  # no symlinks (Windows without developer mode): a copy does the same
            shutil.copyfile(source, target)
    os.environ["ENCHANT_CONFIG_DIR"] = str(_config_dir)


def enchant_config_dir() -> Path | None:
    return _config_dir


class Speller:
    """Checks words against the dictionaries that could be loaded and the store's personal words."""

    def __init__(self, store: Any = None, languages: tuple[str, ...] = LANGUAGES):
        self.store = store
        self.dictionaries: dict[str, Any] = {}
        self.missing: list[str] = []
        self._cache: dict[str, bool] = {}
        self._personal: set[str] = set(store.personal_words()) if store is not None else set()
        self.watchers: weakref.WeakSet[Any] = weakref.WeakSet()  # highlighters to redraw when a word is added
        try:
            _prepare_enchant()
            import enchant
        except (ImportError, OSError):  # no Enchant library on this system: spelling is simply off
            self.missing = list(languages)
            return
        for tag in languages:
            try:
                self.dictionaries[tag] = enchant.Dict(tag)
            except enchant.errors.DictNotFoundError:
                self.missing.append(tag)

    @property
    def available(self) -> bool:
        return bool(self.dictionaries)

    def check(self, word: str) -> bool:
        known = self._cache.get(word)
        if known is None:
            known = self._check(word)
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = known
        return known

    def _check(self, word: str) -> bool:
        if not self.dictionaries or word in self._personal or word.lower() in self._personal:
            return True
        if any(ch.isdigit() for ch in word) or len(word) < 2:
            return True  # "Y4", "2b", "a": not words to spell
        plain = word.replace("\u2019", "'")
        if any(d.check(plain) for d in self.dictionaries.values()):
            return True
        # A compound ("whole-class", "pre-taught") is fine when each of its parts is.
        parts = [p for p in plain.split("-") if p]
        return len(parts) > 1 and all(self.check(p) for p in parts)

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        plain = word.replace("\u2019", "'")
        lists = [d.suggest(plain) for d in self.dictionaries.values()]
        found: list[str] = []
        for rank in range(max(map(len, lists), default=0)):  # take turns: the word may be English or Welsh
            for options in lists:
                if rank < len(options) and options[rank] not in found:
                    found.append(options[rank])
        return found[:limit]

    def add(self, word: str) -> None:
        """Accept `word` from now on: into the encrypted store, never into a word list file."""
        if self.store is not None:
            self.store.add_personal_word(word)
        self._accept(word)

    def _accept(self, word: str) -> None:
        self._personal.add(word)
        self._cache.pop(word, None)
        for watcher in list(self.watchers):
            watcher.rehighlight()  # every field shows the word as known at once

    def ignore(self, word: str) -> None:
        """Accept `word` until the app closes (nothing written anywhere)."""
        self._accept(word)

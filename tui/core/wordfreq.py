"""How common an English word is, from zxcvbn's ranked word lists, read without running zxcvbn.

Importing zxcvbn pulls in its password scorer and gettext, and running even
its lists module builds six lists of 30,000 words, when the coach needs the
top of two; the printing commands (`finale review`) must stay fast. The
module keeps each list as one comma-separated string literal, so the file is
mapped, the two literals are found, and only their first words are read and
decoded. If a later zxcvbn lays the file out otherwise, the module is run.
"""

from __future__ import annotations

import mmap
import os
import sys
from functools import lru_cache

# Ranks below these are ordinary English. Film subtitles are mostly talk, so
# fewer of their top words are everyday vocabulary ("hospital" is 337th there).
COMMON_RANKS = {"english_wikipedia": 1000, "us_tv_and_film": 300}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    lists = frequency_lists()
    return frozenset(word for name, top in COMMON_RANKS.items() for word in lists[name][:top])


def frequency_lists() -> dict[str, list[str]]:
    """The first ``COMMON_RANKS[name]`` words of each list the coach uses, most frequent first."""
    path = _lists_file()
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as source:
        lists = {}
        for name, top in COMMON_RANKS.items():
            key = f'"{name}": "'.encode()
            start = source.find(key) + len(key)
            end = source.find(b'"', start)
            if start < len(key) or end < 0:
                break
            # Only a window the first words fit in is copied and decoded (64 bytes a word is plenty);
            # if they do not fit, the whole literal.
            words = source[start:min(end, start + 64 * top)].split(b",", top)
            if len(words) <= top:
                words = source[start:end].split(b",", top)
            lists[name] = b",".join(words[:top]).decode("utf-8").split(",")
        else:
            return lists
    return {name: words[:COMMON_RANKS[name]] for name, words in _run_lists_module(path).items()
            if name in COMMON_RANKS}


def _lists_file() -> str:
    """zxcvbn's frequency_lists.py, found as the import system would find it.

    A look along sys.path first: importlib.util costs more to import than
    the whole read.
    """
    for folder in sys.path:
        path = os.path.join(folder or os.curdir, "zxcvbn", "frequency_lists.py")
        if os.path.isfile(os.path.join(folder or os.curdir, "zxcvbn", "__init__.py")) and os.path.isfile(path):
            return path
    import importlib.util

    spec = importlib.util.find_spec("zxcvbn")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("zxcvbn is not installed: pip install zxcvbn")
    return os.path.join(list(spec.submodule_search_locations)[0], "frequency_lists.py")


def _run_lists_module(path: str) -> dict[str, list[str]]:
    import importlib.util

    loaded = importlib.util.spec_from_file_location("finale_zxcvbn_frequency_lists", path)
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return dict(module.FREQUENCY_LISTS)

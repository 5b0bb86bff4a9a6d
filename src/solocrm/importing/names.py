"""Keys that make near-identical names meet: 张伟 / 伟张 / 張偉 / 章伟 (same pinyin).

Two customers whose keys are equal and who share a company or a city are
possible duplicates; when each has a phone number of their own they are
marked namesakes (most likely two people), as the Duplicates tool marks
them.  Conversion is per character with a cache, and each whole name,
company or city is keyed once, so keying 100,000 names costs little more
than reading them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from solocrm.services.search import syllable

_IGNORED = re.compile(r"[\s·・.\-_,，()（）]+")


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - opencc.OpenCC
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=50000)
def _char_parts(char: str) -> tuple[str, str]:
    """One character simplified (lower case for Latin), and the pinyin of what it became ("" if not Chinese)."""
    simple = char.lower() if char.isascii() else _converter().convert(char)
    return simple, "".join(map(syllable, simple))


@lru_cache(maxsize=1 << 17)
def simplified(text: str) -> str:
    return "".join([_char_parts(ch)[0] for ch in _IGNORED.sub("", text)])


@lru_cache(maxsize=1 << 17)
def _name_keys(name: str) -> tuple[str, ...]:
    """The keys a name is found by, strongest first: its characters, then its pinyin (when it has one).

    Built in one pass over the characters: an import keys every distinct name of the file.
    """
    parts = [_char_parts(ch) for ch in _IGNORED.sub("", name)]
    chars = "c" + "".join(sorted("".join([simple for simple, _pinyin in parts])))
    pinyin = "".join([syllables for _simple, syllables in parts])
    return (chars, "p" + pinyin) if pinyin else (chars,)


def char_key(name: str) -> str:
    """The name's characters, simplified and sorted: equal for 张伟, 伟张 and 張偉."""
    return _name_keys(name)[0][1:]


def pinyin_key(name: str) -> str:
    """The simplified name read aloud (zhangwei for 张伟 and 章伟); "" for names without Chinese."""
    keys = _name_keys(name)
    return keys[1][1:] if len(keys) > 1 else ""


class Similar(NamedTuple):
    """The first customer seen with a near-identical name in the same company or city."""

    id: int
    name: str
    reason: str  # "same name", "traditional/simplified", "name in another order", "same pinyin"
    namesakes: bool  # both have a phone number of their own: most likely two people who share a name


class NameIndex:
    """The first customer seen for each near-identical name in each company and city.

    Answers "who might this be?" with a few dictionary look-ups however many
    namesakes there are: the same characters (in any order, traditional or
    simplified) come before the same pinyin, and among equals the customer
    seen first wins.  Each company and city (however it is spelled) has its
    own dictionary of name keys, so a look-up builds no key of its own.
    """

    def __init__(self) -> None:
        self._added = 0
        self._places: dict[tuple[str, str], dict[str, tuple[int, int, str, bool]]] = {}
        self._companies: dict[str, dict[str, tuple[int, int, str, bool]]] = {}  # as spelled -> its place
        self._cities: dict[str, dict[str, tuple[int, int, str, bool]]] = {}

    def _place(self, spelled: dict[str, dict], kind: str, text: str) -> dict[str, tuple[int, int, str, bool]]:
        """The names of a company or city (``kind``) as spelled in ``text``: one place for all its spellings."""
        found = spelled.get(text)
        if found is None:
            found = spelled[text] = self._places.setdefault((kind, simplified(text)), {})
        return found

    def add(self, cid: int, name: str, company: str | None, city: str | None, has_phone: bool) -> Similar | None:
        """Remember ``cid``; returns the first similar customer added before it, if any."""
        if not company and not city:
            return None
        at_company = self._place(self._companies, "co", company) if company else None
        at_city = self._place(self._cities, "ci", city) if city else None
        entry = (self._added, cid, name, has_phone)
        self._added += 1
        match = None
        for key in _name_keys(name):
            first = at_company.setdefault(key, entry) if at_company is not None else entry
            if at_city is not None:
                other = at_city.setdefault(key, entry)
                if other is not entry and (first is entry or other[0] < first[0]):
                    first = other
            if match is None and first is not entry:
                match = first  # the strongest key decides; the weaker ones are still remembered for later names
        if match is None:
            return None
        _order, other_id, other_name, other_has_phone = match
        if other_name == name:
            reason = "same name"
        elif simplified(other_name) == simplified(name):
            reason = "traditional/simplified"
        elif char_key(other_name) == char_key(name):
            reason = "name in another order"
        else:
            reason = "same pinyin"
        return Similar(other_id, other_name, reason, has_phone and other_has_phone)

"""How hard a passphrase is to guess, estimated the same way for every language.

The key file beside the backups is protected by the passphrase alone, so its
strength is what an attacker holding that file must beat by guessing.  The
estimate is in bits (log2 of the guesses needed):

* Latin and other non-CJK text: zxcvbn, the estimator used by Dropbox and
  many password managers.  It knows common passwords, dictionary words,
  names, keyboard patterns, dates, repeats and l33t substitutions, so
  ``Password1!`` and ``Welcome2024!`` count for little.
* Chinese, Japanese and Korean text: zxcvbn knows no CJK words and would
  count every character as a random symbol.  The rule here follows zxcvbn's
  own idea (a word is worth log2 of its rank in a frequency list): each run
  of CJK characters is cut into words with jieba, and a word is worth log2 of
  its rank among jieba's dictionary words by frequency, at least
  ``MIN_WORD_BITS`` and at most ``WORD_BITS`` (12 bits: one of the ~4,000
  most common words) or, for a single character, ``CHAR_BITS`` (10 bits: one
  of the ~1,000 most common characters, freely chosen).  Rarer words are not
  credited more: a well-known idiom is rare in text but easy to guess.  A
  word already used in the passphrase is worth ``REPEAT_BITS``.  So a common
  phrase counts for less than freely chosen characters: 我的密码 is about 19
  bits, 我爱你我爱你 about 13, an everyday 11-character sentence about 57.

The two parts are added.  Below ``ENOUGH_BITS`` the user is warned and must
confirm: about 10^11 guesses, months of work for an attacker with fast
hardware against the key file's scrypt (2^18) stretching.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

ENOUGH_BITS = 36
CHAR_BITS = 10.0
WORD_BITS = 12.0
MIN_WORD_BITS = math.log2(10)  # zxcvbn's floor for the commonest word
REPEAT_BITS = 1.0
MAX_LENGTH = 100  # zxcvbn's time grows fast with length; beyond this the passphrase is long enough anyway
# Han ideographs (with extension A and compatibility forms), kana, Hangul syllables.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
# Where the bit count falls, the score shown on the meter: 0 very weak .. 4 very strong.
_BANDS = (20, 28, ENOUGH_BITS, 50)


@dataclass(frozen=True)
class Strength:
    bits: float
    score: int  # 0..4

    @property
    def enough(self) -> bool:
        return self.bits >= ENOUGH_BITS


def estimate(passphrase: str) -> Strength:
    """The passphrase's estimated strength (see the module docstring for the rule)."""
    text = passphrase[:MAX_LENGTH]
    latin = _CJK.sub(" ", text).strip()
    bits = _zxcvbn_bits(latin) if latin else 0.0
    bits += sum(_cjk_bits(run) for run in _CJK.findall(text)) if _CJK.search(text) else 0.0
    return Strength(bits, bisect.bisect_right(_BANDS, bits))


def _zxcvbn_bits(text: str) -> float:
    from zxcvbn import zxcvbn

    return zxcvbn(text, max_length=MAX_LENGTH)["guesses_log10"] * math.log2(10)


def _cjk_bits(run: str) -> float:
    seen: set[str] = set()
    bits = 0.0
    for word in _segment(run):
        bits += REPEAT_BITS if word in seen else _word_bits(word)
        seen.add(word)
    return bits


def _word_bits(word: str) -> float:
    jieba, ranks = _dictionary()
    cap = CHAR_BITS if len(word) == 1 else WORD_BITS
    frequency = jieba.dt.FREQ.get(word, 0)
    if not frequency:  # not a dictionary word: each character freely chosen
        return CHAR_BITS * len(word) if len(word) > 1 else cap
    rank = bisect.bisect_left(ranks, -frequency) + 1
    return min(max(math.log2(rank), MIN_WORD_BITS), cap)


def _segment(run: str) -> list[str]:
    jieba, _ranks = _dictionary()
    return [word for word in jieba.lcut(run) if word.strip()]


@lru_cache(maxsize=1)
def _dictionary():  # noqa: ANN202 - (the jieba module, negated frequencies in ascending order)
    """jieba with its dictionary loaded, and the frequencies to rank words by (loaded on first CJK use)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, sorted(-f for f in jieba.dt.FREQ.values() if f > 0)


def warm_up() -> None:
    """Load jieba's dictionary in the background (a second or more), so the first Chinese keystroke does not wait."""
    threading.Thread(target=_dictionary, name="strength-warm-up", daemon=True).start()

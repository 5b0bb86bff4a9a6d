"""Recurring phrases in survey comments (domain.md 6): what customers keep saying.

Chinese has no spaces, so comments are cut into words with jieba; English
words are taken as they are.  A comment offers three kinds of candidates:
words (two or more characters, stop words removed), pairs of neighbouring
words ("物流" + "慢" -> "物流慢"), and whole short clauses ("客服响应不及时"),
because short complaints recur word for word.  Candidates are counted once
per comment, and a candidate is dropped when a longer one containing it
occurs in just as many comments (it adds nothing).

jieba loads its dictionary (over half a second) the first time a comment is
cut; importing this module does not.  ``warm_up`` starts that load on a thread
while the caller reads the database, which overlaps where SQLite releases the
GIL (measured: about 15 % off loading a million orders plus the dictionary).
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

TOP = 15
_CLAUSE_MAX = 8  # characters; longer clauses are sentences, not phrases
_SPLIT = re.compile(r"[，。！？；、,.!?;:：~～\n…()（）\"“”]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_HAN = re.compile(r"[\u3400-\u9fff]")

STOP_ZH = frozenset(
    "的 了 很 也 都 就 还 和 与 及 是 在 有 我 你 他 她 它 我们 "
    "你们 他们 这 那 这个 那个 一个 一些 一点 有点 一样 非常 特别 比较 "
    "真的 真是 可以 什么 怎么 还是 但是 因为 所以 如果 就是 而且 然后 "
    "已经 一下 一直 会 再 又 吧 呢 啊 吗 哦 呀 嗯 说 们 让 把 被 "
    "给 对 从 到 上 下 个 人 次 太 挺 蛮 好像 感觉 觉得 希望 东西 "
    "时候 还有 这次 下次 以后 之前 总体 整体 不错 一般 还行 还可以".split()
)
STOP_EN = frozenset(
    "a an the and or but if so of to in on at for with from by as is are was were be been being it its this "
    "that these those i me my we our you your he she they them their his her very really too also just not no "
    "yes all any some more most much many can could would should will shall do does did done have has had get "
    "got than then there here what which who when where why how again ever".split()
)


@dataclass(frozen=True)
class Phrase:
    text: str
    comments: int  # how many comments contain it
    customers: np.ndarray  # positions of the customers who wrote them


@lru_cache(maxsize=1)
def _jieba():  # noqa: ANN202 - the jieba module
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def warm_up() -> None:
    """Start loading jieba's dictionary in the background; cutting waits for it (jieba locks its start)."""
    threading.Thread(target=lambda: _jieba().initialize(), name="jieba-warm-up", daemon=True).start()


def _is_stop(token: str) -> bool:
    return token in STOP_ZH or token.lower() in STOP_EN


def _tokens(clause: str) -> list[str]:
    """Words of one clause: jieba for Chinese runs, Latin words lower-cased."""
    words = []
    for token in _jieba().lcut(clause):
        token = token.strip()
        if not token:
            continue
        if _HAN.search(token):
            words.append(token)
        else:
            words.extend(w.lower() for w in _LATIN.findall(token))
    return words


@lru_cache(maxsize=50_000)
def candidates(comment: str) -> frozenset[str]:
    """Every phrase a comment offers, once each."""
    found: set[str] = set()
    for clause in _SPLIT.split(comment):
        if not clause:
            continue
        words = _tokens(clause)
        for word in words:
            if not _is_stop(word) and (len(word) >= 2 if _HAN.search(word) else len(word) >= 3):
                found.add(word)
        for left, right in zip(words, words[1:]):
            if _is_stop(left) or _is_stop(right):
                continue
            han = _HAN.search(left) is not None
            joined = left + right if han else f"{left} {right}"
            if len(joined) >= 3:
                found.add(joined)
        if _HAN.search(clause) and 3 <= len(clause) <= _CLAUSE_MAX:
            stripped = clause
            while words and _is_stop(words[-1]) and stripped.endswith(words[-1]):
                stripped = stripped[: len(stripped) - len(words.pop())]
            if len(stripped) >= 3:
                found.add(stripped)
    return frozenset(found)


def top_phrases(comments: Iterable[str | None], customers: np.ndarray, top: int = TOP) -> list[Phrase]:
    """The ``top`` most frequent phrases, each with the customers who used it."""
    counts: Counter[str] = Counter()
    writers: dict[str, list[int]] = defaultdict(list)
    for comment, customer in zip(comments, customers):
        if not comment or not comment.strip():
            continue
        for phrase in candidates(comment.strip()):
            counts[phrase] += 1
            writers[phrase].append(int(customer))
    same_count: dict[int, list[str]] = defaultdict(list)
    for text, count in counts.items():
        same_count[count].append(text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    kept: list[tuple[str, int]] = []
    for text, count in ranked:
        if any(len(other) > len(text) and text in other for other in same_count[count]):
            continue
        kept.append((text, count))
        if len(kept) == top:
            break
    return [Phrase(text, count, np.unique(np.array(writers[text], dtype=np.int64))) for text, count in kept]

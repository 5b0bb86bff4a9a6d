"""Refresh and compile SoloCRM's translations (Qt Linguist .ts -> .qm).

    python packaging/translations.py            # update the .ts files, then compile them
    python packaging/translations.py update     # only collect strings into the .ts files
    python packaging/translations.py release    # only compile .ts -> .qm

``update`` runs pyside6-lupdate over the UI: new strings arrive in
``resources/translations/solocrm_zh_CN.ts`` marked unfinished (open the file
with ``pyside6-linguist`` or any editor, translate, run again) and strings gone
from the code are dropped.  ``solocrm_en.ts`` holds only the English plural
forms ("1 customer" / "2 customers").  ``release`` compiles both with
pyside6-lrelease; the .qm files are committed so a clone, a wheel and the
bundle all find them without a build step (tests/test_i18n.py checks they
match the .ts).

lupdate only sees literal strings passed to ``tr()``/``translate()``.  Two more
kinds of strings reach the screen through a helper, and are collected here:

* calls of a module's one-line wrapper ``def _t(text): return
  QCoreApplication.translate("labels", text)`` with a literal, e.g.
  ``_t("Prospect")`` (context "labels");
* the labels, help texts and choice labels declared in ``solocrm.settings.SPECS``
  (context "settings", as the settings page translates them).

They are handed to lupdate as ``QT_TRANSLATE_NOOP`` lines in stub files that
keep the original line numbers, and the .ts then points at the real files.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "solocrm"
TRANSLATIONS = ROOT / "resources" / "translations"
# file name -> extra lupdate options
TS_FILES = {
    "solocrm_zh_CN.ts": ["-target-language", "zh_CN"],
    "solocrm_en.ts": ["-target-language", "en", "-pluralonly"],
}
SETTINGS_CONTEXT = "settings"  # the context solocrm.ui.settings_page translates SPECS with
_TRANSLATE_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}
_MARKS = re.compile(r"\b(Q\w*Application\.translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(")


@dataclass(frozen=True)
class Message:
    context: str
    text: str
    line: int


def _tool(name: str) -> str:
    """A Qt tool from the venv that runs this script (or PATH)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 into this Python ({sys.executable}).")
    return found


def sources(package: Path = PACKAGE) -> list[Path]:
    """Every module of the UI, plus any other module that marks strings for translation."""
    result = []
    for path in sorted(package.rglob("*.py")):
        inside_ui = (package / "ui") in path.parents
        if inside_ui or _MARKS.search(path.read_text("utf-8")):
            result.append(path)
    return result


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _wrapper_context(func: ast.FunctionDef) -> str | None:
    """The context of ``def f(text): return QCoreApplication.translate("ctx", text)``, else None."""
    if len(func.args.args) != 1:
        return None
    param = func.args.args[0].arg
    for node in ast.walk(func):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
                and isinstance(node.func.value, ast.Name) and node.func.value.id in _TRANSLATE_OWNERS
                and len(node.args) == 2 and isinstance(node.args[1], ast.Name) and node.args[1].id == param):
            return _literal(node.args[0])
    return None


def wrapper_messages(path: Path) -> list[Message]:
    """Literal strings passed to the module's own translate-wrappers."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    wrappers = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            context = _wrapper_context(node)
            if context is not None:
                wrappers[node.name] = context
    messages = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in wrappers and node.args:
            text = _literal(node.args[0])
            if text:
                messages.append(Message(wrappers[node.func.id], text, node.lineno))
    return messages


def settings_messages(package: Path = PACKAGE) -> list[Message]:
    """Labels, help texts, groups and choice labels of ``SettingSpec(...)`` declarations in settings.py."""
    path = package / "settings.py"
    messages = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "SettingSpec"):
            continue
        texts = [arg for arg in node.args[2:4]]  # key, default, label, help
        texts += [kw.value for kw in node.keywords if kw.arg in ("label", "help", "group")]
        for kw in node.keywords:
            if kw.arg == "choices" and isinstance(kw.value, ast.Tuple):
                texts += [pair.elts[1] for pair in kw.value.elts if isinstance(pair, ast.Tuple) and len(pair.elts) == 2]
        for arg in texts:
            text = _literal(arg)
            if text:
                messages.append(Message(SETTINGS_CONTEXT, text, arg.lineno))
    return messages


def _py_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _write_stub(target: Path, messages: list[Message]) -> None:
    """QT_TRANSLATE_NOOP lines at the messages' own line numbers ("#" keeps lupdate's count right)."""
    by_line: dict[int, list[Message]] = defaultdict(list)
    for message in messages:
        by_line[message.line].append(message)
    lines = []
    for number in range(1, max(by_line) + 1):
        calls = [f"QT_TRANSLATE_NOOP({_py_string(m.context)}, {_py_string(m.text)})" for m in by_line.get(number, [])]
        lines.append("; ".join(calls) if calls else "#")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update(translations_dir: Path = TRANSLATIONS, package: Path = PACKAGE) -> None:
    """Bring every .ts file up to date with the strings in the code."""
    translations_dir.mkdir(parents=True, exist_ok=True)
    files = sources(package)
    extra: dict[Path, list[Message]] = {path: wrapper_messages(path) for path in files}
    extra[package / "settings.py"] = settings_messages(package)
    with tempfile.TemporaryDirectory(prefix="solocrm-i18n-") as tmp:
        stub_root = Path(tmp)
        stubs = []
        for path, messages in extra.items():
            if messages:
                stub = stub_root / path.relative_to(package.parent)
                _write_stub(stub, messages)
                stubs.append(stub)
        for name, options in TS_FILES.items():
            ts = translations_dir / name
            subprocess.run(
                [_tool("lupdate"), "-silent", "-locations", "absolute", "-no-obsolete", *options,
                 *map(str, files), *map(str, stubs), "-ts", str(ts)],
                check=True,
            )
            _point_at_sources(ts, stub_root, package.parent)


def _point_at_sources(ts: Path, stub_root: Path, source_root: Path) -> None:
    """Rewrite the stubs' locations in ``ts`` to the real files they stand for."""
    stub_prefix = Path(os.path.relpath(stub_root, ts.parent)).as_posix() + "/"
    real_prefix = Path(os.path.relpath(source_root, ts.parent)).as_posix() + "/"
    text = ts.read_text(encoding="utf-8")
    ts.write_text(text.replace(f'filename="{stub_prefix}', f'filename="{real_prefix}'), encoding="utf-8")


def release(translations_dir: Path = TRANSLATIONS, out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts to .qm (beside it, or into ``out_dir``); returns the .qm files."""
    out_dir = out_dir or translations_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    compiled = []
    for name in TS_FILES:
        qm = out_dir / Path(name).with_suffix(".qm").name
        subprocess.run([_tool("lrelease"), "-silent", "-nounfinished", str(translations_dir / name), "-qm", str(qm)],
                       check=True)
        compiled.append(qm)
    return compiled


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command not in ("update", "release", "all"):
        print(__doc__, file=sys.stderr)
        return 2
    if command in ("update", "all"):
        update()
    if command in ("release", "all"):
        for qm in release():
            print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

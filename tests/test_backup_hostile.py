"""Hostile and broken input gets a clear answer (issue #17): never a traceback, a hang or a lock-out.

Odd values in a backup's header and manifest, a passphrase file that is not
UTF-8, a key file of another setup, a disk too full for the snapshot, weak
passphrases in any language, the key file's work factor on a fast machine, and
recovering a backup with the real ``age`` tool by the README's steps.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox

from solocrm.backup import container, jobs, keys, snapshot, strength
from solocrm.backup.container import Manifest, open_backup, read_outer_header
from solocrm.backup.errors import (
    BackupError,
    ContentCheckFailed,
    Damaged,
    DiskFull,
    NotABackup,
    UnsupportedVersion,
    WrongKey,
)
from solocrm.cli import main
from solocrm.db.database import Database
from solocrm.ui.backup_dialogs import SetupDialog
from tests.backup_support import (  # noqa: F401
    PASSPHRASE,
    ROOT,
    backup_dir,
    configured,
    count,
    fail_keyring,
    key_template,
    memory_keyring,
)
from tests.conftest import type_text

IDENTITY = keys.generate_identity()
RECIPIENT = keys.recipient_of(IDENTITY)
MAC_KEY = keys.mac_key(IDENTITY)
IMAGE = b"SQLite format 3\x00" + bytes(range(256)) * 4


def _fields(**changes: object) -> dict[str, object]:
    """A manifest as SoloCRM writes it for IMAGE, with ``changes``, signed after the changes."""
    outer = container.outer_header(RECIPIENT)
    manifest = Manifest(app_version="0.1.0", created_at="2026-06-15T09:00:00Z", schema_revisions=["0001"],
                        image_size=len(IMAGE), image_sha256=hashlib.sha256(IMAGE).hexdigest(), integrity="ok",
                        row_counts={"customer": 1}, outer_sha256=hashlib.sha256(outer).hexdigest())
    fields = dataclasses.asdict(manifest)
    fields.update(changes)
    fields["mac"] = container._mac(MAC_KEY, fields)
    return fields


def _crafted(path: Path, body: bytes, *, image: bytes = IMAGE, magic: bytes = container.INNER_MAGIC,
             version: int = container.FORMAT_VERSION, length: int | None = None) -> Path:
    """A backup encrypted to our key (anyone with the public key can make one) around any inner content."""
    inner = container.INNER.pack(magic, version, len(body) if length is None else length) + body + image
    recipient = pyrage.x25519.Recipient.from_str(RECIPIENT)
    path.write_bytes(container.outer_header(RECIPIENT) + pyrage.encrypt(inner, [recipient]))
    return path


def _refusal(path: Path) -> BackupError:
    with pytest.raises(BackupError) as caught:
        open_backup(path, [IDENTITY])
    return caught.value


# ---------------------------------------------------------------- 1. odd values are clear refusals

@pytest.mark.parametrize(("change", "refused", "words"), [
    ({"image_size": "big"}, Damaged, "image_size"),
    ({"image_size": -1}, Damaged, "image_size"),
    ({"image_size": True}, Damaged, "image_size"),
    ({"row_counts": {"customer": "many"}}, Damaged, "row_counts"),
    ({"created_at": 12}, Damaged, "created_at"),
    ({"image_sha256": "zz"}, Damaged, "image_sha256"),
    ({"surprise": 1}, Damaged, "surprise"),
    ({"format": 2}, UnsupportedVersion, "newer SoloCRM"),
])
def test_odd_manifest_values_get_the_right_refusal(tmp_path: Path, change: dict, refused: type,
                                                   words: str) -> None:
    body = json.dumps(_fields(**change)).encode()
    error = _refusal(_crafted(tmp_path / "odd.crmbak", body))
    assert type(error) is refused and words in error.message


def test_a_manifest_missing_a_field_is_damage(tmp_path: Path) -> None:
    fields = _fields()
    del fields["image_size"]
    error = _refusal(_crafted(tmp_path / "odd.crmbak", json.dumps(fields).encode()))
    assert isinstance(error, Damaged) and "image_size" in error.message


def test_an_oversized_manifest_is_not_called_chunk_damage(tmp_path: Path) -> None:
    path = _crafted(tmp_path / "big.crmbak", b"{}", length=container.MAX_MANIFEST + 1)
    error = _refusal(path)
    assert isinstance(error, Damaged) and "impossibly large" in error.message


def test_extra_bytes_after_the_database_are_a_content_check_failure(tmp_path: Path) -> None:
    path = _crafted(tmp_path / "long.crmbak", json.dumps(_fields()).encode(), image=IMAGE + b"extra")
    error = _refusal(path)
    assert isinstance(error, ContentCheckFailed) and "more data than its manifest" in error.message


def test_a_foreign_payload_encrypted_to_our_key_is_not_a_backup(tmp_path: Path) -> None:
    path = _crafted(tmp_path / "foreign.crmbak", b"{}", magic=b"ZIPFILE\x00")
    assert isinstance(_refusal(path), NotABackup)


def test_a_crafted_file_that_is_valid_opens(tmp_path: Path) -> None:
    opened = open_backup(_crafted(tmp_path / "fine.crmbak", json.dumps(_fields()).encode()), [IDENTITY])
    assert opened.manifest.image_size == len(IMAGE)


def test_an_outer_header_of_an_older_or_garbled_version_is_damage_not_newer(tmp_path: Path) -> None:
    for version in ("0", "-3"):
        body = container.OUTER_MAGIC + f"version: {version}\nrecipient: {RECIPIENT}\n".encode()
        header = body + f"check: {hashlib.sha256(body).hexdigest()[:16]}\n\n".encode()
        with pytest.raises(Damaged):
            read_outer_header(io.BytesIO(header))


def test_a_passphrase_file_that_is_not_utf8_is_a_clear_refusal(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_bytes("密码很长很长很长".encode("gb18030") + b"\xff\n")
    code = main(["backup", "init", "--db", str(tmp_path / "shop.sqlite3"), "--to", str(tmp_path / "usb"),
                 "--passphrase-file", str(secret)])
    err = capsys.readouterr().err
    assert code == 1 and "is not UTF-8 text" in err and "Traceback" not in err
    assert not (tmp_path / "usb").exists()


def test_a_passphrase_variable_that_is_not_utf8_is_a_clear_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOLOCRM_BACKUP_PASSPHRASE", "tulip granite \udcff\udcfe onward Kyoto")  # bytes ff fe
    code = main(["backup", "init", "--db", str(tmp_path / "shop.sqlite3"), "--to", str(tmp_path / "usb")])
    err = capsys.readouterr().err
    assert code == 1 and "SOLOCRM_BACKUP_PASSPHRASE environment variable is not UTF-8 text" in err
    assert not (tmp_path / "usb").exists()


def test_a_key_file_of_another_setup_says_so(tmp_path: Path, key_template: tuple[str, bytes],  # noqa: F811
                                             fail_keyring, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    # the folder's key file (another setup, same passphrase) opens, but this backup was made with IDENTITY
    folder = tmp_path / "usb"
    folder.mkdir()
    keys.keys_file(folder).write_bytes(key_template[1])
    backup = _crafted(folder / "shop-20260615-090000.crmbak", json.dumps(_fields()).encode())
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    assert main(["backup", "verify", str(backup), "--passphrase-file", str(secret)]) == 1
    err = capsys.readouterr().err
    assert "belongs to another backup setup" in err and "wrong passphrase" not in err.lower()
    with pytest.raises(WrongKey, match="another backup setup"):
        jobs.unlock_for([backup], folder, PASSPHRASE)


def _free(limit: int):  # noqa: ANN202 - a stand-in for shutil.disk_usage
    real = shutil.disk_usage

    def disk_usage(path):  # noqa: ANN001, ANN202
        usage = real(path)
        return usage._replace(free=limit)

    return disk_usage


def test_a_disk_too_full_for_the_snapshot_says_which_and_how_much(db: Database, configured,  # noqa: F811
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "disk_usage", _free(4096))
    with pytest.raises(DiskFull) as caught:
        jobs.create(db)
    needed = sum(Path(f"{db.path}{suffix}").stat().st_size for suffix in ("", "-wal")
                 if Path(f"{db.path}{suffix}").exists())
    assert str(db.path.parent) in caught.value.message
    assert f"{needed / (1 << 20):.1f} MiB" in caught.value.message
    assert not list(db.path.parent.glob("*.backup-snapshot*"))
    assert list(configured.config.folder.glob("*.crmbak")) == []


def test_a_disk_filling_during_the_snapshot_leaves_no_journal(db: Database, configured,  # noqa: F811
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(_src, dest: Path, **_kwargs) -> None:
        for suffix in ("", "-journal"):  # what SQLite has written when the disk fills
            Path(f"{dest}{suffix}").write_bytes(b"\0" * 512)
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(snapshot, "copy_connection", full_disk)
    with pytest.raises(DiskFull, match="too full for a backup"):
        jobs.create(db)
    assert not list(db.path.parent.glob("*.backup-snapshot*"))


# ---------------------------------------------------------------- 5. fuzzing the header and manifest reader

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                 max_size=4), max_leaves=12)
_FUZZ = settings(max_examples=150, deadline=timedelta(seconds=5),
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@_FUZZ
@given(data=st.one_of(st.binary(max_size=600),
                      st.builds(lambda rest: container.OUTER_MAGIC + rest, st.binary(max_size=600)),
                      st.builds(lambda lines: container.OUTER_MAGIC + "\n".join(lines).encode("utf-8", "replace"),
                                st.lists(st.text(max_size=80), max_size=8))))
def test_fuzzed_outer_headers_are_read_or_refused(data: bytes) -> None:
    try:
        read_outer_header(io.BytesIO(data))
    except BackupError:
        pass


@_FUZZ
@given(changes=st.dictionaries(st.sampled_from([*container._FIELDS, "other"]), _JSON, max_size=3),
       raw=st.one_of(st.none(), st.binary(max_size=200)),
       version=st.integers(min_value=0, max_value=0xFFFF),
       length=st.one_of(st.none(), st.integers(min_value=0, max_value=0xFFFFFFFF)),
       image=st.binary(max_size=64))
def test_fuzzed_manifests_are_opened_or_refused(tmp_path: Path, changes: dict, raw: bytes | None, version: int,
                                                length: int | None, image: bytes) -> None:
    body = raw if raw is not None else json.dumps(_fields(**changes)).encode()
    path = _crafted(tmp_path / "fuzz.crmbak", body, image=IMAGE + image, version=version, length=length)
    try:
        open_backup(path, [IDENTITY])
    except BackupError as error:
        assert "encrypted chunk" not in error.message  # the encryption is intact: what is inside is named


# ---------------------------------------------------------------- 2. a passphrase policy for every language

@pytest.mark.parametrize("weak", ["Password1!", "Qwerty123!", "P@ssw0rd12", "Welcome2024!", "我爱你我爱你",
                                  "我的密码我的密码"])
def test_common_passwords_need_confirmation(weak: str) -> None:
    with pytest.raises(keys.WeakPassphrase, match="easy to guess"):
        keys.check_new_passphrase(weak)
    keys.check_new_passphrase(weak, accept_weak=True)


@pytest.mark.parametrize("good", ["我们今天去公园散步吧好", "今晚七点在老地方见不见不散", "桌子茶杯雨伞风筝",
                                  PASSPHRASE, "tulip granite onward Kyoto"])
def test_sentences_and_unrelated_words_pass_in_any_language(good: str) -> None:
    keys.check_new_passphrase(good)
    assert strength.estimate(good).enough


def test_init_explains_a_weak_passphrase_and_keeps_it_only_when_told(tmp_path: Path, fail_keyring,  # noqa: F811
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("Welcome2024!\n")
    args = ["backup", "init", "--db", str(tmp_path / "shop.sqlite3"), "--to", str(tmp_path / "usb"),
            "--passphrase-file", str(secret)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "easy to guess" in err and "--weak-passphrase-ok" in err
    assert not keys.keys_file(tmp_path / "usb").exists()
    assert main([*args, "--weak-passphrase-ok"]) == 0
    assert keys.unlock_keys_file(keys.keys_file(tmp_path / "usb"), "Welcome2024!")


@pytest.mark.parametrize(("passphrase", "confirm", "warned", "accepted"), [
    ("Password1!", QMessageBox.StandardButton.No, True, False),
    ("Password1!", QMessageBox.StandardButton.Yes, True, True),
    ("我们今天去公园散步吧好", QMessageBox.StandardButton.No, False, True),
])
def test_setup_dialog_warns_below_the_threshold(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                passphrase: str, confirm, warned: bool, accepted: bool) -> None:
    shown: list[str] = []

    def warning(_parent, _title, text, *_args):  # noqa: ANN001, ANN202
        shown.append(text)
        return confirm

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    dialog = SetupDialog(tmp_path, "")
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.passphrase.first, passphrase)
    type_text(qtbot, dialog.passphrase.second, passphrase)
    assert "bits" in dialog.passphrase.verdict.text()
    dialog._accept()
    assert bool(shown) == warned and all("easy to guess" in text for text in shown)
    assert (dialog.choice is not None) == accepted
    if dialog.choice is not None:
        assert dialog.choice.accept_weak == warned


# ---------------------------------------------------------------- 3. the work factor cannot lock the user out

def _tool(name: str) -> str:
    """A system tool the test needs: packaging/dev.sh installs it on Debian; elsewhere the test is skipped."""
    found = shutil.which(name)
    if found is None:
        if Path("/etc/debian_version").exists():
            pytest.fail(f"`{name}` is missing: run packaging/dev.sh, which installs it")
        pytest.skip(f"`{name}` is not installed")
    return found


def test_a_fast_machine_writes_a_key_file_every_machine_opens(tmp_path: Path, fail_keyring) -> None:  # noqa: F811
    # faketime slows the clock four times: rage then thinks this machine is four times faster and, left to
    # choose, writes a work factor 2 higher (what made `backup init` write 2^21, then refuse it).
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = subprocess.run(
        [_tool("faketime"), "-f", "+0 x0.25", sys.executable, "-m", "solocrm", "backup", "init",
         "--db", str(tmp_path / "shop.sqlite3"), "--to", str(tmp_path / "usb"), "--passphrase-file", str(secret)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    data = keys.keys_file(tmp_path / "usb").read_bytes()
    assert re.search(rb"^-> scrypt \S+ (\d+)$", data, re.MULTILINE).group(1) == str(keys.SCRYPT_LOG_N).encode()
    assert keys.unlock_keys_file(keys.keys_file(tmp_path / "usb"), PASSPHRASE)


def test_a_slow_machine_opens_a_key_file_a_faster_one_wrote(tmp_path: Path) -> None:
    # faketime runs the clock 1000 times fast: rage then takes this machine for a very slow one and refuses
    # a work factor above 2^14 (its one-second factor + 4), as a slow laptop refused what a fast desktop wrote
    identity = keys.generate_identity()
    plain = json.dumps({"solocrm_backup_identities": [identity]}).encode()
    good = keys.age_passphrase_encrypt(plain, PASSPHRASE, log_n=16)
    (tmp_path / "good").mkdir()
    keys.keys_file(tmp_path / "good").write_bytes(good)
    (tmp_path / "cut").mkdir()
    keys.keys_file(tmp_path / "cut").write_bytes(good[:-1])
    code = (f"from pathlib import Path\nfrom solocrm.backup import keys\nfrom solocrm.errors import UserError\n"
            f"for folder, passphrase in (('good', {PASSPHRASE!r}), ('good', 'not it'), ('cut', {PASSPHRASE!r})):\n"
            f"    try:\n"
            f"        print(keys.unlock_keys_file(keys.keys_file(Path({str(tmp_path)!r}) / folder), passphrase))\n"
            f"    except UserError as exc:\n"
            f"        print(type(exc).__name__)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([_tool("faketime"), "-f", "+0 x1000", sys.executable, "-c", code], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str([identity]), "WrongPassphrase", "Damaged"]
    assert pyrage.passphrase.decrypt(good, PASSPHRASE) == plain  # rage opens the same file where it is fast enough


# ---------------------------------------------------------------- 4. recovery without SoloCRM, by the README

def _readme_recovery_script() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Recovering without SoloCRM"):]
    return re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)


@pytest.mark.parametrize("spaced", [True, False])
def test_the_readme_recovers_a_backup_with_the_age_tool(tmp_path: Path, db: Database, configured,  # noqa: F811
                                                        spaced: bool) -> None:
    _tool("age")
    made = jobs.create(db)
    code = configured.recovery_code if spaced else configured.recovery_code.replace(" ", "")
    script = _readme_recovery_script()
    script = re.sub(r'^BACKUP=.*$', f'BACKUP="{made.path}"', script, flags=re.MULTILINE)
    script = re.sub(r'^CODE=.*$', f'CODE="{code}"', script, flags=re.MULTILINE)
    work = tmp_path / "by-hand"
    work.mkdir()
    result = subprocess.run(["sh", "-e", "-c", script], cwd=work, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
    restored = work / "restored.sqlite3"
    assert hashlib.sha256(restored.read_bytes()).hexdigest() == manifest["image_sha256"]
    assert count(restored) == manifest["row_counts"]["customer"] == 5
    assert sorted(p.name for p in work.iterdir()) == ["manifest.json", "restored.sqlite3"]
    assert jobs.identities(None, recovery_code=code) == [configured.identity]

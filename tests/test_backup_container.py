"""The .crmbak file refuses everything damaged, cut, reordered, spliced or forged (backup.md tests 1-5, 8).

Every case mutates a real backup file on disk and opens it through the same
code verify and restore use; restore-level cases also check that the live
database is byte-identical afterwards and nothing was left beside it.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import sqlite3
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solocrm.backup import container, keys, restore, snapshot, swap
from solocrm.backup.container import Manifest, open_backup, write_backup
from solocrm.backup.errors import (
    BackupError,
    ContentCheckFailed,
    Damaged,
    NotABackup,
    UnsupportedVersion,
    WrongKey,
)
from tests.backup_support import (
    CHUNK,
    age_encrypt_chunks,
    decrypt_plaintext,
    split_backup,
)

IDENTITY = keys.generate_identity()
RECIPIENT = keys.recipient_of(IDENTITY)
MAC_KEY = keys.mac_key(IDENTITY)


def _manifest(image: Path, **extra: object) -> Manifest:
    data = image.read_bytes()
    fields: dict[str, object] = {
        "app_version": "0.1.0", "created_at": "2026-06-15T09:00:00Z", "schema_revisions": ["0001"],
        "image_size": len(data), "image_sha256": hashlib.sha256(data).hexdigest(), "integrity": "ok",
        "row_counts": {"customer": 1}}
    fields.update(extra)
    return Manifest(**fields)


def _write(path: Path, image: Path, manifest: Manifest | None = None) -> Path:
    with path.open("wb") as out:
        write_backup(out, image, manifest or _manifest(image), RECIPIENT, MAC_KEY)
    return path


def _image(tmp_path: Path, size: int, name: str = "image.bin") -> Path:
    path = tmp_path / name
    path.write_bytes(random.Random(size).randbytes(size))
    return path


def _open_image(path: Path) -> bytes:
    out = io.BytesIO()
    open_backup(path, [IDENTITY], image_out=out)
    return out.getvalue()


def _prefix_len(image_size: int) -> int:
    """Bytes of inner header + manifest in front of an image of ``image_size`` bytes."""
    import dataclasses

    m = _manifest_for_size(image_size)
    body = json.dumps(dataclasses.asdict(m), ensure_ascii=False, sort_keys=True).encode()
    return container.INNER.size + len(body)


def _manifest_for_size(size: int) -> Manifest:
    import dataclasses

    header = container.outer_header(RECIPIENT)
    m = Manifest(app_version="0.1.0", created_at="2026-06-15T09:00:00Z", schema_revisions=["0001"],
                 image_size=size, image_sha256="0" * 64, integrity="ok", row_counts={"customer": 1},
                 outer_sha256=hashlib.sha256(header).hexdigest())
    return dataclasses.replace(m, mac="0" * 64)


# ---------------------------------------------------------------- 1. round trips

def _sqlite_db(path: Path, pages: int) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size=4096")
    conn.execute("VACUUM")
    if pages > 1:
        conn.execute("CREATE TABLE t (x BLOB)")
        while conn.execute("PRAGMA page_count").fetchone()[0] < pages:
            conn.execute("INSERT INTO t VALUES (randomblob(3000))")
        conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("size", [4096, 3 * CHUNK, 3 * CHUNK + 1, 300 * CHUNK + 123])
def test_round_trip_is_byte_identical(tmp_path: Path, size: int) -> None:
    image = _image(tmp_path, size)
    backup = _write(tmp_path / "a.crmbak", image)
    assert _open_image(backup) == image.read_bytes()


@pytest.mark.parametrize("chunks", [1, 2, 5])
def test_round_trip_when_the_plaintext_is_exactly_whole_chunks(tmp_path: Path, chunks: int) -> None:
    # the stream's last chunk is then full: the case STREAM implementations get wrong
    size = chunks * CHUNK - _prefix_len(chunks * CHUNK)
    size = chunks * CHUNK - _prefix_len(size)
    image = _image(tmp_path, size)
    backup = _write(tmp_path / "a.crmbak", image)
    _outer, _age, _nonce, cts = split_backup(backup.read_bytes())
    assert len(cts) == chunks and len(cts[-1]) == CHUNK + 16
    assert _open_image(backup) == image.read_bytes()


@pytest.mark.parametrize("pages", [1, 16 * 20 + 5])  # one page; > 256 chunks is the large-file case above
def test_round_trip_of_real_sqlite_databases(tmp_path: Path, pages: int) -> None:
    db = _sqlite_db(tmp_path / "src.sqlite3", pages)
    snap = snapshot.take(db, tmp_path / "snap.sqlite3")
    assert snap.integrity == "ok"
    backup = _write(tmp_path / "a.crmbak", snap.path,
                    _manifest(snap.path, row_counts=snap.row_counts, schema_revisions=[]))
    restored = _open_image(backup)
    assert restored == snap.path.read_bytes()
    assert hashlib.sha256(restored).hexdigest() == snap.sha256


def test_more_than_256_chunks_of_a_real_database(tmp_path: Path) -> None:
    db = _sqlite_db(tmp_path / "big.sqlite3", 16 * 260)
    snap = snapshot.take(db, tmp_path / "snap.sqlite3")
    backup = _write(tmp_path / "big.crmbak", snap.path, _manifest(snap.path, row_counts=snap.row_counts))
    assert len(split_backup(backup.read_bytes())[3]) > 256
    assert _open_image(backup) == snap.path.read_bytes()


# ---------------------------------------------------------------- fixtures for damage

@pytest.fixture
def valid(tmp_path: Path) -> tuple[Path, bytes]:
    """A backup of a few chunks and the image it holds."""
    image = _image(tmp_path, 5 * CHUNK + 777)
    return _write(tmp_path / "valid.crmbak", image), image.read_bytes()


def _mutated(tmp_path: Path, data: bytes, name: str = "bad.crmbak") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refused(path: Path) -> BackupError:
    out = io.BytesIO()
    with pytest.raises(BackupError) as info:
        open_backup(path, [IDENTITY], image_out=out)
    return info.value


# ---------------------------------------------------------------- 2. truncation and extension

def test_truncations_and_extensions_are_refused(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    backup, _image_bytes = valid
    data = backup.read_bytes()
    outer, age, nonce, cts = split_backup(data)
    payload_start = len(outer) + len(age) + len(nonce)
    boundaries = [payload_start + i * (CHUNK + 16) for i in range(len(cts))]
    cuts = set(boundaries[1:]) | {0, 5, len(outer) - 1, len(outer), len(outer) + 10, len(outer) + len(age) - 3,
                                  len(outer) + len(age), payload_start, payload_start + 100,
                                  boundaries[2] + CHUNK // 2, len(data) - 1, len(data) - 16}
    for cut in sorted(cuts):
        error = _refused(_mutated(tmp_path, data[:cut]))
        assert isinstance(error, (Damaged, NotABackup)), (cut, error)
    for extra in (b"\x00", bytes(range(17))):
        assert isinstance(_refused(_mutated(tmp_path, data + extra)), Damaged)


def test_a_cut_backup_leaves_the_database_untouched(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    backup, _ = valid
    target = _sqlite_db(tmp_path / "live.sqlite3", 3)
    before = target.read_bytes()
    data = backup.read_bytes()
    cut = _mutated(tmp_path, data[: len(data) - CHUNK])
    with pytest.raises(Damaged):
        restore.restore(cut, target, [IDENTITY])
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("live")) == [
        "live.sqlite3", "live.sqlite3.lock"]


# ---------------------------------------------------------------- 3. bit flips

def test_bit_flips_in_every_header_byte_are_damage(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    backup, _ = valid
    data = backup.read_bytes()
    outer, age, _nonce, _cts = split_backup(data)
    for offset in range(len(outer) + len(age)):
        for bit in (0, 7):
            mutated = bytearray(data)
            mutated[offset] ^= 1 << bit
            error = _refused(_mutated(tmp_path, bytes(mutated)))
            assert isinstance(error, Damaged), (offset, bit, error)


def test_bit_flips_in_the_payload_are_damage_and_yield_no_result(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    backup, _ = valid
    data = backup.read_bytes()
    outer, age, _nonce, _cts = split_backup(data)
    rng = random.Random(5)
    for offset in [rng.randrange(len(outer) + len(age), len(data)) for _ in range(150)]:
        mutated = bytearray(data)
        mutated[offset] ^= 1 << rng.randrange(8)
        assert isinstance(_refused(_mutated(tmp_path, bytes(mutated))), Damaged), offset


def test_a_foreign_file_is_not_a_backup(tmp_path: Path) -> None:
    for content in (b"", b"SQLite format 3\x00" + bytes(100), "客户名单\n".encode() * 50, b"age-encryption.org/v1\n"):
        assert isinstance(_refused(_mutated(tmp_path, content)), NotABackup)


def test_a_backup_for_another_key_says_so(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    backup, _ = valid
    with pytest.raises(WrongKey):
        open_backup(backup, [keys.generate_identity()])


def test_a_future_format_version_is_unsupported(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    body = container.OUTER_MAGIC + f"version: 2\nrecipient: {RECIPIENT}\n".encode()
    header = body + f"check: {hashlib.sha256(body).hexdigest()[:16]}\n\n".encode()
    outer, *_ = split_backup(valid[0].read_bytes())
    path = _mutated(tmp_path, header + valid[0].read_bytes()[len(outer):])
    assert isinstance(_refused(path), UnsupportedVersion)


# ---------------------------------------------------------------- 4. chunk order, final flags

def _reencrypt(tmp_path: Path, backup: Path, layout=None, name: str = "forged.crmbak") -> Path:
    plaintext = decrypt_plaintext(backup, IDENTITY)
    outer, *_ = split_backup(backup.read_bytes())
    return _mutated(tmp_path, outer + age_encrypt_chunks(plaintext, RECIPIENT, layout), name)


def test_the_independent_age_writer_makes_files_we_accept(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    backup, image = valid
    assert _open_image(_reencrypt(tmp_path, backup)) == image


@pytest.mark.parametrize("change", ["swap", "duplicate", "drop", "drop_last"])
def test_reordered_duplicated_or_dropped_chunks_are_refused(tmp_path: Path, valid: tuple[Path, bytes],
                                                            change: str) -> None:
    backup, _ = valid
    outer, age, nonce, cts = split_backup(backup.read_bytes())
    if change == "swap":
        cts[1], cts[2] = cts[2], cts[1]
    elif change == "duplicate":
        cts.insert(2, cts[1])
    elif change == "drop":
        del cts[2]
    else:
        del cts[-1]
    assert isinstance(_refused(_mutated(tmp_path, outer + age + nonce + b"".join(cts))), Damaged)


def test_final_flag_on_a_middle_chunk_is_refused(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    def layout(chunks):
        return [(piece, last or i == 1) for i, (piece, last) in enumerate(chunks)]

    assert isinstance(_refused(_reencrypt(tmp_path, valid[0], layout)), Damaged)


def test_stream_ending_at_a_middle_final_chunk_is_refused(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    def layout(chunks):
        return [(piece, i == 2) for i, (piece, _last) in enumerate(chunks[:3])]

    assert isinstance(_refused(_reencrypt(tmp_path, valid[0], layout)), ContentCheckFailed)


def test_empty_final_chunk_is_refused(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    def layout(chunks):
        return [(piece, False) for piece, _last in chunks] + [(b"", True)]

    assert isinstance(_refused(_reencrypt(tmp_path, valid[0], layout)), Damaged)


def test_two_final_chunks_are_refused(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    def layout(chunks):
        return chunks[:-1] + [(chunks[-1][0], True), (b"x" * 10, True)]

    assert isinstance(_refused(_reencrypt(tmp_path, valid[0], layout)), Damaged)


# ---------------------------------------------------------------- 5. splicing

def test_header_of_one_backup_on_the_payload_of_another_is_refused(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.crmbak", _image(tmp_path, 3 * CHUNK, "a.bin"))
    b = _write(tmp_path / "b.crmbak", _image(tmp_path, 3 * CHUNK + 9, "b.bin"))
    outer_a, age_a, _na, _ca = split_backup(a.read_bytes())
    _ob, _agb, nonce_b, cts_b = split_backup(b.read_bytes())
    spliced = _mutated(tmp_path, outer_a + age_a + nonce_b + b"".join(cts_b))
    assert isinstance(_refused(spliced), Damaged)


def test_a_backup_forged_with_only_the_public_key_is_refused(tmp_path: Path, valid: tuple[Path, bytes]) -> None:
    # age alone cannot tell: anyone with the recipient can encrypt to it.  The manifest MAC can.
    backup, _ = valid
    plaintext = bytearray(decrypt_plaintext(backup, IDENTITY))
    magic, version, length = struct.unpack_from(">8sHI", plaintext)
    manifest = json.loads(plaintext[14: 14 + length])
    manifest["created_at"] = "2030-01-01T00:00:00Z"
    body = json.dumps(manifest, sort_keys=True).encode()
    forged = struct.pack(">8sHI", magic, version, len(body)) + body + plaintext[14 + length:]
    outer, *_ = split_backup(backup.read_bytes())
    path = _mutated(tmp_path, outer + age_encrypt_chunks(bytes(forged), RECIPIENT))
    assert isinstance(_refused(path), Damaged)


# ---------------------------------------------------------------- 8. content checks

def _forge_inner(tmp_path: Path, image: bytes, manifest: Manifest) -> Path:
    """An honestly encrypted, correctly signed backup whose content is wrong."""
    import dataclasses

    outer = container.outer_header(RECIPIENT)
    manifest = dataclasses.replace(manifest, outer_sha256=hashlib.sha256(outer).hexdigest()).signed(MAC_KEY)
    body = json.dumps(dataclasses.asdict(manifest), sort_keys=True).encode()
    plaintext = container.INNER.pack(container.INNER_MAGIC, container.FORMAT_VERSION, len(body)) + body + image
    return _mutated(tmp_path, outer + age_encrypt_chunks(plaintext, RECIPIENT), "inner.crmbak")


def test_image_not_matching_the_manifest_hash_is_refused(tmp_path: Path) -> None:
    db = _sqlite_db(tmp_path / "src.sqlite3", 20)
    image = bytearray(db.read_bytes())
    manifest = _manifest(db)
    image[5000] ^= 0xFF
    assert isinstance(_refused(_forge_inner(tmp_path, bytes(image), manifest)), ContentCheckFailed)


def test_snapshot_recorded_as_damaged_is_refused(tmp_path: Path) -> None:
    db = _sqlite_db(tmp_path / "src.sqlite3", 5)
    path = _forge_inner(tmp_path, db.read_bytes(), _manifest(db, integrity="*** in database main ***"))
    assert isinstance(_refused(path), ContentCheckFailed)


def test_corrupt_database_inside_a_consistent_backup_is_refused_on_restore(tmp_path: Path) -> None:
    src = _sqlite_db(tmp_path / "src.sqlite3", 40)
    image = bytearray(src.read_bytes())
    image[4096 * 20 + 8: 4096 * 20 + 200] = b"\xAB" * 192  # garble a b-tree page
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(bytes(image))
    path = _forge_inner(tmp_path, bytes(image), _manifest(broken, schema_revisions=[]))
    target = _sqlite_db(tmp_path / "live.sqlite3", 2)
    before = target.read_bytes()
    with pytest.raises(ContentCheckFailed):
        restore.restore(path, target, [IDENTITY])
    assert target.read_bytes() == before
    assert not swap.restoring_path(target).exists()


# ---------------------------------------------------------------- property: any mutation is refused or harmless

@pytest.fixture(scope="module")
def small_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("prop")
    image = _image(folder, 2 * CHUNK + 300)
    return _write(folder / "p.crmbak", image).read_bytes(), image.read_bytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
                          min_size=1, max_size=4),
       cut=st.one_of(st.none(), st.integers(min_value=0)),
       tail=st.binary(max_size=20))
def test_random_mutations_are_refused_or_restore_the_exact_original(
        tmp_path: Path, small_backup: tuple[bytes, bytes], mutations: list[tuple[int, int]], cut: int | None,
        tail: bytes) -> None:
    data, image = small_backup
    mutated = bytearray(data)
    for offset, value in mutations:
        mutated[offset % len(mutated)] = value
    if cut is not None:
        mutated = mutated[: cut % (len(mutated) + 1)]
    mutated += tail
    path = tmp_path / "m.crmbak"
    path.write_bytes(bytes(mutated))
    out = io.BytesIO()
    try:
        open_backup(path, [IDENTITY], image_out=out)
    except BackupError:
        return
    assert out.getvalue() == image

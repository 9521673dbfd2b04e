"""Untrusted files: size bounds, zip bombs, XML entity tricks, old or encrypted Office files."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO

from atelier.errors import AtelierError
from atelier.french import format_number

MAX_FILE_BYTES = 50 * 1024 * 1024  # a workshop grid is kilobytes; 50 MB is already absurd
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
MAX_RATIO = 200  # XML compresses well, but not 1000:1
MAX_XML_PART_BYTES = 60 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class ImportRefused(AtelierError):
    """The grid cannot be read; nothing was written."""


def check_size(path: Path) -> int:
    """The grid's size; a missing file, a folder, a pipe, a looping link, a file the user may
    not read refused first (opened once here: stat alone says nothing of read permission)."""
    from atelier.store.files import read_head

    try:
        size = read_head(path, 0)[1]
    except AtelierError as exc:
        if exc.key == "file.denied":
            raise ImportRefused("import.unreadable", path=path) from None
        raise ImportRefused(exc.key, **exc.params) from None
    if size > MAX_FILE_BYTES:
        raise ImportRefused(
            "import.too_big", path=path, size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
        )
    if size == 0:
        raise ImportRefused("import.empty", path=path)
    return size


def head(path: Path, count: int = 8) -> bytes:
    with path.open("rb") as handle:
        return handle.read(count)


def refuse_ole(path: Path, expected: str) -> None:
    """An OLE compound file is an old .doc/.xls, or a password-protected .docx/.xlsx."""
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise ImportRefused("import.encrypted", path=path)
    raise ImportRefused("import.old_format", path=path, new=expected)


_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_PROLOG_LIMIT = 1024 * 1024


def _declares_dtd(part: IO[bytes]) -> bool:
    """Whether the XML prolog (everything before the root element) holds a DTD."""
    prolog = b""
    while len(prolog) < _PROLOG_LIMIT:
        chunk = part.read(16384)
        if not chunk:
            break
        prolog += chunk
        # A part may be written in UTF-16 (or UTF-32), which XML allows: its markup is ASCII
        # once the zero bytes are taken out.
        ascii_prolog = prolog.replace(b"\0", b"")
        found = _FIRST_ELEMENT.search(ascii_prolog)
        if found:
            ascii_prolog = ascii_prolog[: found.start()].upper()
            return b"<!DOCTYPE" in ascii_prolog or b"<!ENTITY" in ascii_prolog
    return b"<!DOCTYPE" in prolog.replace(b"\0", b"").upper() or len(prolog) >= _PROLOG_LIMIT


def _inflate_in_chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Unpack a member a slice at a time, checking its CRC. Sizes in the headers are only the
    sender's word, and parsers read a member whole (`ZipFile.read`), inflating everything the
    compressed data holds before cutting it to the announced size: a member announced at
    100 kB that holds 2 GB would fill the memory. Read in slices, zipfile stops at the
    announced size and the CRC then fails (BadZipFile): refused before any parser sees it."""
    with archive.open(member) as part:
        while part.read(1 << 16):
            pass


def check_office_zip(path: Path, expected: str) -> None:
    """Refuse anything but a sane Office zip before a parser sees a byte of it.

    Zip bombs (huge or very compressed members), too many members, and XML parts
    declaring a DTD (entity expansion, external entities: Office never writes one).
    """
    magic = head(path)
    if magic.startswith(OLE_MAGIC):
        refuse_ole(path, expected)
    if not magic.startswith(ZIP_MAGIC):
        raise ImportRefused("import.not_office", path=path, kind=expected)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_ENTRIES:
                raise ImportRefused(
                    "import.too_many_parts",
                    path=path,
                    count=format_number(len(members)),
                    limit=format_number(MAX_ZIP_ENTRIES),
                )
            total = 0
            for member in members:
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if total > MAX_UNZIPPED_BYTES or (member.file_size > 1_000_000 and ratio > MAX_RATIO):
                    raise ImportRefused("import.bomb", path=path)
            for member in members:
                _inflate_in_chunks(archive, member)
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                if member.file_size > MAX_XML_PART_BYTES:
                    raise ImportRefused("import.bomb", path=path)
                with archive.open(member) as part:
                    if _declares_dtd(part):
                        raise ImportRefused("import.xml_entities", path=path)
    except zipfile.BadZipFile:
        raise ImportRefused("import.not_office", path=path, kind=expected) from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError):
        # RuntimeError: an encrypted zip member; NotImplementedError: unknown compression
        raise ImportRefused("import.not_office", path=path, kind=expected) from None

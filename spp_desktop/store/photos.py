"""Strip identifying metadata from JPEG and PNG photos before they are stored (pure Python).

Phone photos carry GPS position, device serials, owner names, dates and thumbnails in EXIF/XMP/IPTC
segments and PNG text or private chunks. We keep only what is needed to draw the picture right: the
image data (copied byte for byte, so there is no re-encoding and no quality loss), the colour profile
(ICC; without it phone colours shift), and the orientation. A JPEG's orientation lives in EXIF, so
its EXIF is replaced by a minimal one of our own holding that single number and nothing else; a
viewer that honours EXIF (QImageReader with autoTransform) then draws a portrait photo upright.
A PNG keeps only the chunks on a list of those that draw the picture.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from .errors import NotAPhoto, PhotoDamaged

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG chunks that draw the picture (image data, palette, transparency, colour, gamma, pixel size,
# animation). Everything else goes: text, EXIF, time, and private chunks (one can carry a GPS fix).
_PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
             b"cICP", b"mDCV", b"cLLI", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"}
_ICC = b"ICC_PROFILE\x00"

_SOI, _EOI, _SOS, _APP0, _APP14, _COM = 0xD8, 0xD9, 0xDA, 0xE0, 0xEE, 0xFE
# Markers with no length field.
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
# Start-of-frame markers (they carry the size); not DHT (C4), JPG (C8), DAC (CC).
_SOF = {*range(0xC0, 0xD0)} - {0xC4, 0xC8, 0xCC}


def _is_jpeg(data: bytes) -> bool:
    return data[:3] == b"\xff\xd8\xff"


def _jpeg_segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """Yield (marker, start, end) for each segment up to and including EOI; entropy-coded data
    after an SOS header is folded into that SOS segment."""
    if not _is_jpeg(data):
        raise NotAPhoto()
    yield _SOI, 0, 2
    i, n = 2, len(data)
    while True:
        if i >= n or data[i] != 0xFF:
            raise PhotoDamaged()
        while i < n and data[i] == 0xFF:  # fill bytes before a marker
            i += 1
        if i >= n:
            raise PhotoDamaged()
        marker, start = data[i], i - 1
        i += 1
        if marker == 0x00:
            raise PhotoDamaged()
        if marker == _EOI:
            yield marker, start, i
            return  # anything after EOI (phone trailers, extra MPF images) is dropped
        if marker in _STANDALONE:
            yield marker, start, i
            continue
        if i + 2 > n:
            raise PhotoDamaged()
        (length,) = struct.unpack(">H", data[i : i + 2])
        if length < 2 or i + length > n:
            raise PhotoDamaged()
        i += length
        if marker == _SOS:
            # Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
            while True:
                j = data.find(b"\xff", i)
                if j < 0 or j + 1 >= n:
                    raise PhotoDamaged()
                nxt = data[j + 1]
                if nxt == 0x00 or 0xD0 <= nxt <= 0xD7:
                    i = j + 2
                elif nxt == 0xFF:
                    i = j + 1  # fill byte; look again from the next 0xFF
                else:
                    i = j
                    break
        yield marker, start, i


def _keep_jpeg_segment(marker: int, payload: bytes) -> bool:
    if marker == _COM:
        return False
    if marker == _APP0:
        return payload.startswith(b"JFIF\x00")  # JFXX thumbnails and others go
    if marker == _APP14:
        # "Adobe" holds only the colour-transform flag; without it CMYK photos draw in wrong colours.
        return payload.startswith(b"Adobe") and len(payload) == 12
    if marker == 0xE2:
        return payload.startswith(_ICC)  # the colour profile (FlashPix and MPF APP2s go)
    return not (0xE1 <= marker <= 0xEF)  # APP1 (EXIF, XMP) .. APP15, incl. APP13 IPTC


def orientation_segment(orientation: int) -> bytes:
    """An APP1 EXIF segment holding only the orientation tag (big-endian TIFF, one IFD entry)."""
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _strip_jpeg(data: bytes) -> bytes:
    orientation = jpeg_orientation(data)
    out = bytearray()
    for marker, start, end in _jpeg_segments(data):
        if _keep_jpeg_segment(marker, data[start + 4 : end]):
            out += data[start:end]
    if orientation != 1:
        # After SOI and the JFIF APP0 (if any), where readers look for EXIF.
        at = 2
        if out[2:4] == b"\xff\xe0":
            at = 4 + struct.unpack(">H", out[4:6])[0]
        out[at:at] = orientation_segment(orientation)
    return bytes(out)


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    """Yield (type, start, end) for each chunk up to and including IEND."""
    if not data.startswith(PNG_SIGNATURE):
        raise NotAPhoto()
    i, n = len(PNG_SIGNATURE), len(data)
    while True:
        if i + 12 > n:
            raise PhotoDamaged()
        length, kind = struct.unpack(">I4s", data[i : i + 8])
        end = i + 12 + length
        if end > n:
            raise PhotoDamaged()
        yield kind, i, end
        if kind == b"IEND":
            return
        i = end


def _strip_png(data: bytes) -> bytes:
    out = bytearray(PNG_SIGNATURE)
    for kind, start, end in _png_chunks(data):
        if kind in _PNG_KEEP:
            out += data[start:end]  # copied whole, so its CRC stays valid
    return bytes(out)


def strip_metadata(data: bytes) -> bytes:
    """Return the photo without EXIF/XMP/IPTC/comments/trailers (JPEG; the orientation and the ICC
    profile stay) or any chunk that does not draw the picture (PNG).

    Raises ValueError with a plain message for other formats or a damaged file.
    """
    data = bytes(data)
    if _is_jpeg(data):
        return _strip_jpeg(data)
    if data.startswith(PNG_SIGNATURE):
        return _strip_png(data)
    raise NotAPhoto()


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels of a JPEG or PNG."""
    data = bytes(data)
    if data.startswith(PNG_SIGNATURE):
        for kind, start, end in _png_chunks(data):
            if kind == b"IHDR" and end - start >= 20:
                width, height = struct.unpack(">II", data[start + 8 : start + 16])
                return width, height
            raise PhotoDamaged()  # IHDR must be the first chunk
    if _is_jpeg(data):
        for marker, start, end in _jpeg_segments(data):
            if marker in _SOF and end - start >= 9:
                height, width = struct.unpack(">HH", data[start + 5 : start + 9])
                return width, height
        raise PhotoDamaged()
    raise NotAPhoto()


def display_size(data: bytes) -> tuple[int, int]:
    """(width, height) as the photo is seen, upright: swapped for a JPEG turned a quarter (EXIF 5-8)."""
    width, height = image_size(data)
    return (height, width) if jpeg_orientation(data) >= 5 else (width, height)


def jpeg_orientation(data: bytes) -> int:
    """The EXIF orientation (1..8; 1 = upright) of a JPEG, or 1 if it has none or is not a JPEG."""
    data = bytes(data)
    if not _is_jpeg(data):
        return 1
    try:
        for marker, start, end in _jpeg_segments(data):
            if marker == _SOS:
                break
            if marker == 0xE1 and data[start + 4 : start + 10] == b"Exif\x00\x00":
                return _tiff_orientation(data[start + 10 : end])
    except (ValueError, struct.error):
        pass
    return 1


def _tiff_orientation(tiff: bytes) -> int:
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return 1
    (ifd,) = struct.unpack(order + "I", tiff[4:8])
    (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
    for k in range(count):
        entry = tiff[ifd + 2 + 12 * k : ifd + 14 + 12 * k]
        tag, kind, _n = struct.unpack(order + "HHI", entry[:8])
        if tag == 0x0112 and kind == 3:  # Orientation, SHORT
            (value,) = struct.unpack(order + "H", entry[8:10])
            return value if 1 <= value <= 8 else 1
    return 1

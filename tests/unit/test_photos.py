import os
import struct
import zlib

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
QtGui = pytest.importorskip("PySide6.QtGui")
QtCore = pytest.importorskip("PySide6.QtCore")

from spp_desktop.store.photos import (  # noqa: E402
    display_size,
    image_size,
    jpeg_orientation,
    orientation_segment,
    strip_metadata,
)

GPS_MARKER = b"GPS-MARKER 51.5074N 0.1278W"


def _encode(fmt, progressive=False, text=None, size=(64, 48)):
    # A pattern, so the entropy-coded data is not trivial. Built from bytes, not setPixel(): each
    # void PySide6 6.12 call on CPython 3.11 drops a reference to None (crashes after ~5,000 calls).
    w, h = size
    pixels = bytes((x * 4 + y * 7 * c) % 256 for y in range(h) for x in range(w) for c in range(3))
    img = QtGui.QImage(pixels, w, h, 3 * w, QtGui.QImage.Format.Format_RGB888).copy()
    if text:
        img.setText("Description", text)
    data = QtCore.QByteArray()
    buf = QtCore.QBuffer(data)
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QImageWriter(buf, fmt.encode())
    writer.setProgressiveScanWrite(progressive)
    assert writer.write(img), writer.errorString()
    return bytes(data)


def _decode(data):
    img = QtGui.QImage()
    assert img.loadFromData(data)
    return img


def _segment(marker, payload):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload


def _exif_with_gps(orientation=6):
    # TIFF (little endian): IFD0 = Orientation + pointer to a GPS IFD holding the marker text.
    gps_ifd = 8 + 2 + 2 * 12 + 4
    text_at = gps_ifd + 2 + 12 + 4
    tiff = b"II*\x00" + struct.pack("<I", 8)
    tiff += struct.pack("<H", 2)
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff += struct.pack("<HHII", 0x8825, 4, 1, gps_ifd)
    tiff += struct.pack("<I", 0)
    tiff += struct.pack("<H", 1) + struct.pack("<HHII", 0x001B, 7, len(GPS_MARKER), text_at)
    tiff += struct.pack("<I", 0) + GPS_MARKER
    return _segment(0xE1, b"Exif\x00\x00" + tiff)


def _with_metadata(jpeg):
    assert jpeg[:4] == b"\xff\xd8\xff\xe0"
    app0_end = 4 + struct.unpack(">H", jpeg[4:6])[0]
    extra = (
        _exif_with_gps()
        + _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>XMP-OWNER Jo Bloggs</x:xmpmeta>")
        + _segment(0xE2, ICC_SEGMENT)
        + _segment(0xED, b"Photoshop 3.0\x008BIM IPTC-BYLINE St Aidan's Primary")
        + _segment(0xFE, b"COMMENT-TEXT classroom 4B")
    )
    return jpeg[:app0_end] + extra + jpeg[app0_end:] + b"TRAILER-AFTER-EOI serial 1234"


ICC_SEGMENT = b"ICC_PROFILE\x00\x01\x01" + b"\x00" * 64
LEAKS = (
    b"II*\x00",  # the camera's own EXIF (ours is big-endian and holds only the orientation)
    GPS_MARKER,
    b"XMP-OWNER",
    b"IPTC-BYLINE",
    b"St Aidan",
    b"COMMENT-TEXT",
    b"TRAILER",
    b"Description",
    b"Mr Khan",
)


@pytest.mark.parametrize("progressive", [False, True])
def test_jpeg_exif_gps_and_friends_are_removed(progressive):
    clean = _encode("JPEG", progressive=progressive, text="Mr Khan's class")
    dirty = _with_metadata(clean)
    assert GPS_MARKER in dirty and b"Exif" in dirty and b"Mr Khan" in dirty
    assert _decode(dirty).size() == QtCore.QSize(64, 48)  # Qt accepts our hand-made segments

    stripped = strip_metadata(dirty)
    for leak in LEAKS:
        assert leak not in stripped, leak
    assert stripped.startswith(b"\xff\xd8\xff\xe0") and b"JFIF\x00" in stripped[:20]
    assert stripped.endswith(b"\xff\xd9")
    # What stays: our one-tag EXIF (the orientation) right after JFIF, and the colour profile.
    assert stripped[20:20 + len(orientation_segment(6))] == orientation_segment(6)
    assert stripped.count(b"Exif\x00\x00") == 1 and _segment(0xE2, ICC_SEGMENT) in stripped
    assert _decode(stripped) == _decode(dirty)  # same pixels: the image data is untouched
    assert image_size(stripped) == image_size(dirty) == (64, 48)
    assert strip_metadata(stripped) == stripped  # idempotent


def test_jpeg_orientation_survives_stripping_and_sets_the_upright_size():
    dirty = _with_metadata(_encode("JPEG"))
    assert jpeg_orientation(dirty) == 6
    stripped = strip_metadata(dirty)
    assert jpeg_orientation(stripped) == 6
    assert image_size(stripped) == (64, 48) and display_size(stripped) == (48, 64)  # portrait, as taken
    array = QtCore.QByteArray(stripped)
    buffer = QtCore.QBuffer(array)
    buffer.open(QtCore.QIODevice.OpenModeFlag.ReadOnly)
    reader = QtGui.QImageReader(buffer)
    reader.setAutoTransform(True)
    assert reader.read().size() == QtCore.QSize(48, 64)  # Qt reads our minimal EXIF and turns it upright
    assert jpeg_orientation(strip_metadata(_encode("JPEG"))) == 1
    assert b"Exif" not in strip_metadata(_encode("JPEG"))  # an upright photo gets no EXIF at all
    assert jpeg_orientation(b"not a jpeg") == 1


def _chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def test_png_text_exif_and_time_chunks_are_removed():
    png = _encode("PNG", text="Mr Khan's class", size=(33, 17))
    assert b"tEXt" in png and b"Mr Khan" in png
    ihdr_end = 8 + 25
    extra = (
        _chunk(b"eXIf", b"MM\x00*" + GPS_MARKER)
        + _chunk(b"tIME", b"\x07\xe8\x05\x01\x0c\x00\x00")
        + _chunk(b"iTXt", b"Author\x00\x00\x00\x00\x00IPTC-BYLINE St Aidan's Primary")
        + _chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"COMMENT-TEXT"))
        + _chunk(b"gpSx", GPS_MARKER)  # a private chunk (a phone app's GPS fix): not on the keep list
        + _chunk(b"iCCP", b"sRGB\x00\x00" + zlib.compress(b"\x00" * 128))  # the colour profile stays
    )
    dirty = png[:ihdr_end] + extra + png[ihdr_end:] + b"TRAILER"
    assert _decode(dirty).size() == QtCore.QSize(33, 17)

    stripped = strip_metadata(dirty)
    for leak in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME", b"gpSx", *LEAKS):
        assert leak not in stripped, leak
    assert b"iCCP" in stripped
    assert _decode(stripped) == _decode(dirty)
    assert image_size(stripped) == (33, 17)
    assert stripped.endswith(_chunk(b"IEND", b""))


def test_other_formats_and_damage_are_refused_in_plain_words():
    with pytest.raises(ValueError, match="Only JPEG, PNG, HEIC and WebP photos can be attached."):
        strip_metadata(b"GIF89a....")
    with pytest.raises(ValueError, match="Only JPEG, PNG, HEIC and WebP"):
        image_size(b"%PDF-1.7")
    jpeg = _encode("JPEG")
    with pytest.raises(ValueError, match="damaged"):
        strip_metadata(jpeg[: len(jpeg) // 2])
    png = _encode("PNG")
    with pytest.raises(ValueError, match="damaged"):
        strip_metadata(png[:-20])

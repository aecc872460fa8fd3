"""Turn what phones and tablets make (HEIC/HEIF, WebP) into JPEG or PNG before stripping and storing.

Everything stays in memory (no temporary file ever holds the picture). The picture is turned upright
from its EXIF orientation and keeps its colour profile (ICC); nothing else of the original's metadata
is carried over: the new file is written from the pixels alone. A photo with transparency becomes a
PNG, any other a JPEG at high quality. JPEG and PNG themselves are never re-encoded (see photos.py).
"""

from __future__ import annotations

import io
import warnings

from .errors import NotAPhoto, PhotoDamaged

JPEG_QUALITY = 92
MAX_PIXELS = 80_000_000  # far above any phone camera (48 MP); refuses decompression bombs


def is_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def is_heif(data: bytes) -> bool:
    # ISO base media file: a "ftyp" box whose brand names HEIF/HEIC (iPhone: "heic", some Androids: "mif1").
    return data[4:8] == b"ftyp" and data[8:12] in {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis",
                                                 b"mif1", b"msf1"}


def needs_conversion(data: bytes) -> bool:
    return is_webp(data) or is_heif(data)


def convert_to_jpeg_or_png(data: bytes) -> bytes:
    """A JPEG (or PNG, if it has transparency) of a HEIC or WebP photo, upright, with its ICC profile.

    NotAPhoto if the format is not one of these (or HEIC support is not installed); PhotoDamaged if it
    cannot be decoded."""
    try:
        from PIL import Image, ImageOps
    except ImportError:  # pragma: no cover - Pillow is a dependency; a trimmed install refuses plainly
        raise NotAPhoto() from None
    if is_heif(data):
        try:
            import pillow_heif
        except ImportError:  # pragma: no cover
            raise NotAPhoto() from None
        pillow_heif.register_heif_opener()
    elif not is_webp(data):
        raise NotAPhoto()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    raise PhotoDamaged()
                icc = opened.info.get("icc_profile")
                upright = ImageOps.exif_transpose(opened)
                upright.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoDamaged() from None
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    out = io.BytesIO()
    options = {"icc_profile": icc} if icc else {}
    if has_alpha:
        upright.convert("RGBA").save(out, "PNG", **options)
    else:
        upright.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, **options)
    return out.getvalue()

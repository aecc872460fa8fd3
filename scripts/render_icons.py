"""Render the app icon (resources/icons/app.svg) to the files each platform's packaging needs.

    .venv/bin/python scripts/render_icons.py            # writes resources/icons/app/
    .venv/bin/python scripts/render_icons.py --check    # exit 1 if the files are stale or missing

Output, in resources/icons/app/:
  spp-desktop-<N>.png   N = 16 ... 1024 (Linux hicolor theme, AppStream, docs)
  spp-desktop.ico       16 ... 256, PNG-compressed entries (Windows exe and Inno Setup; Vista or later)
  spp-desktop.icns      PNG chunks ic07 ... ic14 (macOS .app bundle)
  SOURCE.sha256         the SVG these were rendered from, so a test notices when they go stale

Rendering uses QtSvg offscreen, so it runs on a machine without a display. The .ico and .icns
containers are written by hand: both are a short header and a table of PNG images.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "resources" / "icons" / "app"
STEM = "spp-desktop"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's PNG-capable icns types: (type, pixel size). ic11..ic14 are the @2x variants.
ICNS_TYPES = (("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024),
              ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG bytes of the SVG at each size, transparent background, antialiased."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 wants str
        buffer.close()
        out[size] = bytes(data.data())
    return out


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRYs + PNG payloads (a width or height of 0 means 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """'icns' + total length, then (type, length incl. its 8-byte header, PNG) chunks; all big-endian."""
    chunks = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                      for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def svg_digest(svg: Path = SVG) -> str:
    return hashlib.sha256(svg.read_bytes()).hexdigest()


def expected_files() -> list[Path]:
    return [OUT / f"{STEM}-{n}.png" for n in PNG_SIZES] + [
        OUT / f"{STEM}.ico", OUT / f"{STEM}.icns", OUT / "SOURCE.sha256"]


def is_fresh() -> bool:
    stamp = OUT / "SOURCE.sha256"
    if not all(p.exists() for p in expected_files()):
        return False
    return stamp.read_text(encoding="ascii").split()[0] == svg_digest()


def render(svg: Path = SVG, out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = render_pngs(svg, tuple(sorted(wanted)))
    written = []
    for size in PNG_SIZES:
        path = out / f"{STEM}-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    (out / f"{STEM}.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    (out / f"{STEM}.icns").write_bytes(build_icns(pngs))
    (out / "SOURCE.sha256").write_text(f"{svg_digest(svg)}  {svg.relative_to(ROOT).as_posix()}\n", encoding="ascii")
    written += [out / f"{STEM}.ico", out / f"{STEM}.icns", out / "SOURCE.sha256"]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the rendered files are up to date")
    args = parser.parse_args(argv)
    if args.check:
        if is_fresh():
            print("App icon files are up to date.")
            return 0
        print("App icon files are stale or missing: run python scripts/render_icons.py", file=sys.stderr)
        return 1
    for path in render():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Packaging files agree with the one home of the app's identity, spp_desktop/__init__.py, and are valid.

Fast and always on. The real build is tests/packaging/test_linux_bundle.py (SPP_BUILD_BUNDLE=1).
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from spp_desktop import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
PLIST = PACKAGING / "macos" / "Info.plist"
ISS = PACKAGING / "windows" / "spp-desktop.iss"
SPEC = PACKAGING / "spp-desktop.spec"
# Windows' installer database knows the product by this GUID: changing it breaks upgrades.
INNO_APP_ID = "{{3907C88F-91E7-400F-B529-0E6DAA180E6A}"


def test_pyproject_version_is_the_package_version():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # The version is written once, in spp_desktop/__init__.py; pyproject reads it from there.
    assert "version" not in pyproject["project"], "pyproject.toml restates the version: read it from the package"
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "spp_desktop.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__), __version__


def test_spec_reads_identity_from_the_package():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    func = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_identity")
    namespace: dict = {"ast": ast, "ROOT": ROOT}
    exec(compile(ast.Module(body=[func], type_ignores=[]), str(SPEC), "exec"), namespace)  # noqa: S102
    assert namespace["_identity"]() == (APP_NAME, APP_ID, __version__)


def test_spec_builds_the_console_script_name():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert 'EXE_NAME = "spp-desktop"' in SPEC.read_text(encoding="utf-8")
    assert "spp-desktop" in scripts


def test_desktop_file():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == "spp-desktop"
    assert entry["Icon"] == APP_ID
    assert "Education" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_names_the_same_app_and_version():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    assert root.find("launchable").text == DESKTOP.name
    assert "Education" in [c.text for c in root.findall("categories/category")]
    assert root.find("content_rating").get("type") == "oars-1.1"
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__, "newest release first, and it is this version"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))


@pytest.mark.skipif(not (ROOT / "docs" / "screenshots").is_dir(), reason="no docs/screenshots yet")
def test_metainfo_screenshots_exist_in_docs():
    root = ET.parse(METAINFO).getroot()
    images = [img.text for img in root.findall("screenshots/screenshot/image")]
    assert images
    for url in images:
        assert url.startswith("https://") and "/docs/screenshots/" in url
        name = url.split("/docs/screenshots/", 1)[1]
        assert (ROOT / "docs" / "screenshots" / name).is_file(), f"metainfo names a missing screenshot {name}"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli is not installed")
def test_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_info_plist():
    info = plistlib.loads(PLIST.read_bytes())
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == APP_NAME
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == __version__
    assert info["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+", info["LSMinimumSystemVersion"])
    assert "cy" in info["CFBundleLocalizations"]


def test_spec_bundle_takes_the_plist_and_package_identity():
    spec = SPEC.read_text(encoding="utf-8")
    assert '"macos" / "Info.plist"' in spec
    assert "bundle_identifier=APP_ID" in spec and '"CFBundleShortVersionString": VERSION' in spec


def _iss_defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^#define\s+(\w+)\s+"([^"]*)"', text, flags=re.M))


def test_inno_setup_script():
    text = ISS.read_text(encoding="utf-8")
    defines = _iss_defines(text)
    assert defines["AppName"] == APP_NAME
    assert defines["AppId"] == APP_ID
    assert defines["AppExeName"] == "spp-desktop.exe"
    # the version comes only from iscc /DAppVersion=..., and compiling without it is an error
    assert "AppVersion" not in defines
    assert re.search(r"^#ifndef AppVersion\s*\n\s*#error", text, flags=re.M)
    assert __version__ not in text
    setup = dict(re.findall(r"^(\w+)=(.*)$", text, flags=re.M))
    assert setup["AppId"] == INNO_APP_ID
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["AppVersion"] == "{#AppVersion}"
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    assert (ISS.parent / "..\\..\\dist\\spp-desktop".replace("\\", "/")).resolve() == ROOT / "dist" / "spp-desktop"
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', text, flags=re.M), "Start-menu shortcut"


def test_windows_build_passes_the_package_version_to_iscc():
    ps1 = (PACKAGING / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "spp_desktop.__version__" in ps1
    assert '"/DAppVersion=$version"' in ps1


def test_build_script_parses():
    script = ROOT / "scripts" / "build_linux_bundle.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    assert "packaging/spp-desktop.spec --distpath dist --workpath build/pyinstaller" in text


# --- the app icon ----------------------------------------------------------------------------------------
def _render_icons():
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "scripts" / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rendered_icons_are_up_to_date():
    assert _render_icons().is_fresh(), "resources/icons/app.svg changed: run python scripts/render_icons.py"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_sizes():
    icons = _render_icons()
    for size in icons.PNG_SIZES:
        assert _png_size((icons.OUT / f"spp-desktop-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_every_size_as_png():
    icons = _render_icons()
    data = (icons.OUT / "spp-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    sizes = []
    for i in range(count):
        w, h, _colours, _res, planes, bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        assert (planes, bpp) == (1, 32)
        png = _png_size(data[offset:offset + length])
        assert png == ((w or 256), (h or 256))
        sizes.append(png[0])
    assert sizes == sorted(icons.ICO_SIZES)


def test_icns_chunks():
    icons = _render_icons()
    data = (icons.OUT / "spp-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos:pos + 4].decode("ascii"), struct.unpack(">I", data[pos + 4:pos + 8])[0]
        found[kind] = _png_size(data[pos + 8:pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found == dict(icons.ICNS_TYPES)


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_desktop_file_and_metainfo_speak_welsh():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry.get(f"{key}[cy]"), f"{key}[cy] missing from the desktop file"
    assert "adolygiad cymheiriaid" in entry["GenericName[cy]"]  # the glossary's term (docs/glossary-cy.md)
    root = ET.parse(METAINFO).getroot()
    welsh = {element.tag for element in root.iter() if element.get(XML_LANG) == "cy"}
    assert {"name", "summary", "p", "ul", "keyword", "caption"} <= welsh
    captions = root.findall("screenshots/screenshot")
    assert all(any(c.get(XML_LANG) == "cy" for c in s.findall("caption")) for s in captions)


def test_metainfo_content_rating_says_what_the_app_shares():
    rating = ET.parse(METAINFO).getroot().find("content_rating")
    attributes = {a.get("id"): a.text for a in rating.findall("content_attribute")}
    assert attributes == {"social-info": "intense"}  # sign-in and sync send the user's name to their server

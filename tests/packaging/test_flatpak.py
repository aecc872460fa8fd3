"""The Flatpak manifest (packaging/flatpak/) names this app, installs what the Linux bundle installs, and
pins every runtime dependency within pyproject.toml's ranges. flatpak-builder itself needs Flathub's
runtimes, which this machine cannot fetch; where it is installed, the manifest is also parsed by it."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from spp_desktop import APP_ID

ROOT = Path(__file__).resolve().parents[2]
FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.yml"


def _manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def _pins() -> dict[str, str]:
    lines = [line.strip() for line in (FLATPAK / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    return {line.split("==")[0].lower(): line.split("==")[1] for line in lines}


def test_manifest_names_this_app_and_its_command():
    manifest = _manifest()
    assert manifest["id"] == APP_ID
    assert manifest["command"] == "spp-desktop"
    assert manifest["base"] == "io.qt.PySide.BaseApp" and manifest["runtime"] == "org.kde.Platform"
    assert manifest["base-version"] == manifest["runtime-version"]
    assert "--share=network" in manifest["finish-args"]
    assert not any(arg.startswith("--filesystem") for arg in manifest["finish-args"])  # the portal instead


def test_every_runtime_dependency_is_pinned_within_pyprojects_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    for text in project["dependencies"]:
        requirement = Requirement(text)
        name = requirement.name.lower()
        if name.startswith("pyside6"):
            continue  # from io.qt.PySide.BaseApp
        assert name in pins, f"{name} is not pinned in packaging/flatpak/requirements.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} vs {text}"


def test_the_app_module_installs_what_the_linux_bundle_does():
    module = next(m for m in _manifest()["modules"] if isinstance(m, dict) and m["name"] == "spp-desktop")
    commands = "\n".join(module["build-commands"])
    for path in re.findall(r"(?:install -Dm\d+ )(\S+)", commands):
        if "$n" not in path:
            assert (ROOT / path).is_file(), path
    for n in re.search(r"for n in ([\d ]+);", commands).group(1).split():
        assert (ROOT / "resources" / "icons" / "app" / f"spp-desktop-{n}.png").is_file()
    for tree in ("spp_desktop", "sync", "resources", "docs"):
        assert tree in commands and (ROOT / tree).is_dir()
    assert "share/applications/org.spp.SPPDesktop.desktop" in commands
    assert "share/metainfo/org.spp.SPPDesktop.metainfo.xml" in commands
    launcher = (FLATPAK / "spp-desktop.sh").read_text()
    assert "python3 -m spp_desktop" in launcher and "/app/lib/spp-desktop" in launcher
    assert "python3-deps.json" in _manifest()["modules"]  # made by generate-deps.sh


@pytest.mark.skipif(not shutil.which("flatpak-builder"), reason="flatpak-builder is not installed")
def test_flatpak_builder_reads_the_manifest():
    result = subprocess.run(["flatpak-builder", "--show-manifest", str(MANIFEST)], capture_output=True, text=True)
    assert result.returncode == 0 and APP_ID in result.stdout, result.stderr

#!/usr/bin/env bash
# Build the Linux one-folder bundle of SPP Desktop with PyInstaller: dist/spp-desktop/spp-desktop.
#
#   bash scripts/build_linux_bundle.sh             # the bundle
#   bash scripts/build_linux_bundle.sh --tarball   # and dist/spp-desktop-<version>-linux-<arch>.tar.gz
#
# Sets up .venv with scripts/bootstrap.sh when it is missing, adds PyInstaller from the `packaging` extra,
# re-renders the app icon if resources/icons/app.svg changed, then runs the spec. SPP_VENV=/path/to/venv
# uses an existing virtualenv instead of .venv (it must have the app installed). See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."

tarball=0
for arg in "$@"; do
  case "$arg" in
    --tarball) tarball=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build_linux_bundle.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

venv="${SPP_VENV:-.venv}"
if [ "$venv" = ".venv" ]; then
  bash scripts/bootstrap.sh
fi
py="$venv/bin/python"
if ! "$py" -c "import PyInstaller" >/dev/null 2>&1; then
  echo "Installing PyInstaller (the packaging extra) into $venv"
  "$venv/bin/pip" install -q -e ".[packaging]"
fi

version=$("$py" -c "import spp_desktop; print(spp_desktop.__version__)")
if ! "$py" scripts/render_icons.py --check >/dev/null 2>&1; then
  "$py" scripts/render_icons.py >/dev/null
  echo "Re-rendered the app icon into resources/icons/app/ (commit it)."
fi

echo "Building SPP Desktop $version ..."
start=$(date +%s)
QT_QPA_PLATFORM=offscreen "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  packaging/spp-desktop.spec --distpath dist --workpath build/pyinstaller
elapsed=$(( $(date +%s) - start ))

bundle=dist/spp-desktop
"$bundle/spp-desktop" --version >/dev/null  # fails the build if the executable cannot even start
size=$(du -sh "$bundle" | cut -f1)
echo "Built $bundle in ${elapsed}s ($size). Run it: $bundle/spp-desktop --demo"

if [ "$tarball" = 1 ]; then
  arch=$(uname -m)
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  cp -a "$bundle" "$stage/spp-desktop"
  share="$stage/spp-desktop/share"
  install -Dm644 packaging/linux/org.spp.SPPDesktop.desktop "$share/applications/org.spp.SPPDesktop.desktop"
  install -Dm644 packaging/linux/org.spp.SPPDesktop.metainfo.xml "$share/metainfo/org.spp.SPPDesktop.metainfo.xml"
  install -Dm644 resources/icons/app.svg "$share/icons/hicolor/scalable/apps/org.spp.SPPDesktop.svg"
  for n in 16 24 32 48 64 128 256 512; do
    install -Dm644 "resources/icons/app/spp-desktop-$n.png" "$share/icons/hicolor/${n}x${n}/apps/org.spp.SPPDesktop.png"
  done
  out="dist/spp-desktop-$version-linux-$arch.tar.gz"
  tar -C "$stage" -czf "$out" spp-desktop
  echo "Wrote $out ($(du -h "$out" | cut -f1))"
fi

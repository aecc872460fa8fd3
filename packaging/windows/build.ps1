# Build the Windows installer of SPP Desktop: the PyInstaller folder, then the Inno Setup installer.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs Python 3.11+ (the py launcher) and Inno Setup 6 (iscc.exe on PATH, or in its default folder).
# Output: dist\spp-desktop\ and dist\spp-desktop-<version>-setup.exe. See docs/packaging.md.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
$py = ".venv\Scripts\python.exe"
& $py -m pip install -q -e ".[packaging]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

# The one place the version lives: spp_desktop/__init__.py
$version = (& $py -c "import spp_desktop; print(spp_desktop.__version__)").Trim()

& $py scripts\render_icons.py --check
if ($LASTEXITCODE -ne 0) { & $py scripts\render_icons.py }

& $py -m PyInstaller --noconfirm --clean packaging\spp-desktop.spec --distpath dist --workpath build\pyinstaller
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\spp-desktop.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "Built dist\spp-desktop-$version-setup.exe"

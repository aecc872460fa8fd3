; Inno Setup 6 script for SPP Desktop: installs the PyInstaller folder dist\spp-desktop\ for the current
; user (no administrator rights needed; an administrator may choose "all users" in the first dialog).
;
; Build the folder first (packaging\windows\build.ps1 does both steps), then:
;   iscc /DAppVersion=<version> packaging\windows\spp-desktop.iss
; The version has one home, spp_desktop/__init__.py (__version__); build.ps1 reads it from there and passes
; it with /D, and this script refuses to compile without it. AppName and AppId below must equal APP_NAME
; and APP_ID there (tests/packaging/test_packaging_metadata.py checks). Output: dist\spp-desktop-<version>-setup.exe
;
; Uninstalling removes the program only. The encrypted review store in %LOCALAPPDATA%\SPP\SPP Desktop is
; left in place on purpose: reviews not yet synced must never vanish with the program.

#ifndef AppVersion
  #error AppVersion is not defined: run iscc /DAppVersion=<version from spp_desktop/__init__.py> (see docs/packaging.md)
#endif
#define AppName "SPP Desktop"
#define AppId "org.spp.SPPDesktop"
#define AppPublisher "Schools Partnership Programme"
#define AppExeName "spp-desktop.exe"
#define BundleDir "..\..\dist\spp-desktop"

[Setup]
; The GUID identifies the product to Windows' installer database across versions: never change it.
AppId={{3907C88F-91E7-400F-B529-0E6DAA180E6A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\app\spp-desktop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=spp-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's libraries, so an upgrade never mixes two builds.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; AppUserModelID: "{#AppId}"; Comment: "Encrypted fieldwork for peer reviews"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

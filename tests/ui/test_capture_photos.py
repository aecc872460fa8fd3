"""Photos of pupils' work from the capture form: metadata stripped, stored encrypted, thumbnails
made in memory, plain words for files that are not photos."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import struct  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402

PASS = "correct horse battery staple"
GPS_MARKER = b"GPS-MARKER 51.5074N 0.1278W"


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    s = ReviewStore.create(data_dir, PASS, kdf_params=FAST_TEST_KDF)
    yield s
    s.close()


@pytest.fixture
def review_id(store):
    return store.import_package(demo_package())


@pytest.fixture
def page(qtbot, store, review_id):
    p = EvidencePage(store, review_id)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    return p


def _encode(fmt, size=(96, 64)):
    w, h = size
    # Built from bytes, not setPixel(), to keep Qt calls few.
    pixels = bytes((x * 5 + y * 3 * c) % 256 for y in range(h) for x in range(w) for c in range(3))
    image = QImage(pixels, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data)


def _exif_segment():
    # APP1 "Exif": a TIFF header, IFD0 pointing to a GPS IFD that holds the marker text.
    gps_ifd = 8 + 2 + 12 + 4
    text_at = gps_ifd + 2 + 12 + 4
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1)
    tiff += struct.pack("<HHII", 0x8825, 4, 1, gps_ifd) + struct.pack("<I", 0)
    tiff += struct.pack("<H", 1) + struct.pack("<HHII", 0x001B, 7, len(GPS_MARKER), text_at)
    tiff += struct.pack("<I", 0) + GPS_MARKER
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _jpeg_with_exif():
    jpeg = _encode("JPEG")
    assert jpeg[:4] == b"\xff\xd8\xff\xe0"
    app0_end = 4 + struct.unpack(">H", jpeg[4:6])[0]
    dirty = jpeg[:app0_end] + _exif_segment() + jpeg[app0_end:]
    assert not QImage.fromData(dirty).isNull()
    return dirty


def _all_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


def test_attached_jpeg_leaves_no_jpeg_exif_or_gps_in_any_file(qtbot, page, store, data_dir, review_id, tmp_path):
    photo = tmp_path / "IMG_0042.jpg"
    dirty = _jpeg_with_exif()
    photo.write_bytes(dirty)
    created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    form = page.form
    assert form.attach_photo_file(photo)

    strip = form.photo_strip
    assert strip.count() == 1
    assert not strip.list.item(0).icon().isNull()  # a thumbnail decoded from the decrypted bytes
    row = page.list.model.row_of(created.id)
    assert "1" in page.list.model.index(row, 5).data()
    assert store.get_evidence(review_id, created.id).attachment_ids == tuple(strip.attachment_ids())

    # The decrypted photo is a JPEG without the metadata.
    clean = store.photo_bytes(review_id, strip.attachment_ids()[0])
    assert clean[:3] == b"\xff\xd8\xff" and b"Exif" not in clean and GPS_MARKER not in clean

    # Nothing under the data dir holds the photo or its metadata in the clear. Signatures are checked
    # with their following bytes: a bare 3-byte pattern turns up by chance in ~1 MB of ciphertext.
    page.flush()
    signatures = (dirty[:11], clean[:11], b"JFIF\x00", b"Exif\x00\x00", GPS_MARKER, dirty[-64:-2], clean[200:260])
    for when in ("open", "closed"):
        if when == "closed":
            page.close()
            store.close()
        files = _all_files(data_dir)
        assert any(p.parent.name == "attachments" or "attach" in str(p.parent) for p in files)
        for path in files:
            raw = path.read_bytes()
            for signature in signatures:
                assert signature not in raw, (when, path.name, signature[:12])


def test_png_attaches_and_remove_takes_it_off(qtbot, page, store, review_id, tmp_path):
    photo = tmp_path / "page.png"
    photo.write_bytes(_encode("PNG", (40, 30)))
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    strip = page.form.photo_strip
    assert strip.list.isHidden() and not strip.empty.isHidden()
    assert page.form.attach_photo_file(photo)
    assert strip.count() == 1 and not strip.remove_button.isHidden()
    qtbot.mouseClick(strip.remove_button, Qt.MouseButton.LeftButton)
    assert strip.count() == 0
    assert store.photos(review_id, created.id) == []
    assert store.get_evidence(review_id, created.id).attachment_ids == ()


@pytest.mark.parametrize("name, data", [("drawing.gif", b"GIF89a" + b"\x00" * 40),
                                        ("notes.txt", b"not a photo at all")])
def test_a_file_that_is_not_a_jpeg_or_png_gets_a_plain_message(qtbot, page, store, review_id, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    messages = []
    page.status_changed.connect(messages.append)
    assert page.form.attach_photo_file(path) is False
    assert page.form.problem.text() == "Only JPEG, PNG, HEIC and WebP photos can be attached."
    assert not page.form.problem.isHidden()
    assert messages[-1] == "Only JPEG, PNG, HEIC and WebP photos can be attached."
    assert store.photos(review_id, created.id) == []


def test_a_missing_file_gets_a_plain_message(qtbot, page, tmp_path):
    page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    assert page.form.attach_photo_file(tmp_path / "gone.jpg") is False
    assert page.form.problem.text() == "The file gone.jpg could not be read."


def test_interview_and_other_forms_have_no_photo_strip(qtbot, page):
    page.new_evidence(EvidenceKind.INTERVIEW)
    assert page.form.photo_strip is None
    page.new_evidence(EvidenceKind.SURVEY)
    assert page.form.photo_strip is None


@pytest.mark.parametrize("forget", [True, False], ids=["scrubbed", "control-without-scrub"])
def test_the_file_picker_leaves_no_folder_name_in_qt_settings(qtbot, page, tmp_path, forget):
    # Drives the dialog without its modal exec() (which cannot be answered reliably offscreen): the
    # folder a photo came from is what Qt would save when the dialog is destroyed.
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    folder = tmp_path / "St Aidans review photos"
    folder.mkdir()
    (folder / "page.png").write_bytes(_encode("PNG", (20, 20)))
    config = tmp_path / ("cfg-scrubbed" if forget else "cfg-control")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(config))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    dialog = page.form.photo_dialog()
    dialog.setDirectory(str(folder))
    dialog.selectFile(str(folder / "page.png"))
    if forget:
        page.form.forget_dialog_folder(dialog)
    else:
        dialog.deleteLater()
    QApplication.sendPostedEvents(None, 52)  # DeferredDelete: the dialog saves its settings as it goes
    written = b"".join(p.read_bytes() for p in config.rglob("*") if p.is_file())
    leaked = b"Aidans" in written or b"St%20Aidans" in written
    # Without the scrub Qt does write the folder name (so this test can fail); with it, it does not.
    assert leaked is (not forget)



def _png_of(size: int) -> bytes:
    """A real PNG of random pixels (incompressible) of about `size` bytes."""
    from io import BytesIO

    from PIL import Image
    side = int((size / 3) ** 0.5) + 1
    out = BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, format="PNG", compress_level=0)
    return out.getvalue()


def test_a_photo_above_the_servers_limit_is_refused_with_the_limit_in_words(qtbot, page, store, review_id, tmp_path):
    from spp_desktop.store.errors import MAX_PHOTO_BYTES, MAX_PHOTO_FILE_BYTES, PhotoTooLarge
    created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    big = _png_of(MAX_PHOTO_BYTES + 1024 * 1024)  # a real 26 MB photo: would never reach the team
    path = tmp_path / "huge.png"
    path.write_bytes(big)
    assert page.form.attach_photo_file(path) is False
    assert page.form.problem.text().startswith("This photo is 26 MB; photos of up to 25 MB can be attached")
    assert store.photos(review_id, created.id) == []
    with pytest.raises(PhotoTooLarge, match="up to 25 MB"):  # the store refuses it too
        store.add_photo(review_id, created.id, big)
    # a file far larger still (1 GB, sparse) is refused from its size, before it is read
    sparse = tmp_path / "sparse.png"
    with sparse.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(1024 ** 3)
    assert sparse.stat().st_size > MAX_PHOTO_FILE_BYTES
    assert page.form.attach_photo_file(sparse) is False
    assert "1024 MB" in page.form.problem.text()
    # one just under the limit is attached
    fits = tmp_path / "fits.png"
    fits.write_bytes(_png_of(2 * 1024 * 1024))
    assert page.form.attach_photo_file(fits)
    assert len(store.photos(review_id, created.id)) == 1

"""Photos as a reviewer handles them: several at once, dropped on the form, viewed upright with a
caption, removed with undo; phone formats (HEIC, WebP) converted with their colour profile kept and
their metadata gone."""

import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")
Image = pytest.importorskip("PIL.Image")

from PIL import ImageCms  # noqa: E402
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.photos import jpeg_orientation  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402

MARKER = "GPS-MARKER 51.5074N 0.1278W"


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    s = ReviewStore.create(data_dir, "correct horse battery staple", kdf_params=FAST_TEST_KDF)
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
    yield p
    p.form.close_form()


def _icc():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _photo(fmt, *, size=(90, 60), orientation=1, icc=None):
    """A landscape picture, as a phone stores a portrait shot: pixels sideways plus an EXIF orientation;
    EXIF also carries a stand-in for a GPS fix. The top third is red, so "upright" can be checked."""
    image = Image.new("RGB", size, (20, 90, 200))
    image.paste((220, 20, 20), (0, 0, size[0] // 3, size[1]))  # the left third: the top once turned
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010E] = MARKER
    out = io.BytesIO()
    options = {"exif": exif.tobytes()}
    if icc:
        options["icc_profile"] = icc
    if fmt == "HEIF":
        import pillow_heif
        pillow_heif.register_heif_opener()
    image.save(out, fmt, **options)
    return out.getvalue()


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_several_files_attach_at_once_and_a_bad_one_is_named(qtbot, page, store, review_id, tmp_path):
    created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    files = [_write(tmp_path, "a.jpg", _photo("JPEG")), _write(tmp_path, "b.png", _photo("PNG")),
             _write(tmp_path, "notes.txt", b"not a photo")]
    assert page.form.photos.photo_dialog().fileMode() == page.form.photos.photo_dialog().FileMode.ExistingFiles
    assert page.form.attach_photo_files(files) == 2
    assert page.form.photo_strip.count() == 2
    assert len(store.photos(review_id, created.id)) == 2
    assert page.form.problem.text() == "notes.txt: Only JPEG, PNG, HEIC and WebP photos can be attached."


def test_photos_dropped_on_the_form_are_attached_and_text_is_not_taken(qtbot, page, store, review_id, tmp_path):
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    files = [_write(tmp_path, "one.jpg", _photo("JPEG")), _write(tmp_path, "two.jpg", _photo("JPEG"))]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    form = page.form
    assert form.acceptDrops()
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(form, enter)
    assert enter.isAccepted()  # the form says it takes these (Qt delivers the drop only then)
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(form, drop)
    assert drop.isAccepted()
    assert len(store.photos(review_id, created.id)) == 2 and form.photo_strip.count() == 2
    text = QMimeData()
    text.setText("some words")
    refused = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(form, refused)
    assert not refused.isAccepted()


def test_a_portrait_photo_is_upright_in_the_strip_and_the_viewer_with_its_caption(qtbot, page, store, review_id,
                                                                                  tmp_path):
    page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    assert page.form.attach_photo_file(_write(tmp_path, "IMG_0001.jpg", _photo("JPEG", orientation=6)))
    strip = page.form.photo_strip
    attachment_id = strip.attachment_ids()[0]
    stored = store.photos(review_id, page.form.evidence_id)[0]
    assert (stored.width, stored.height) == (60, 90)  # the upright size
    thumb = strip.list.item(0).icon().availableSizes()[0]
    assert thumb.height() > thumb.width()

    viewer = page.form.photos.make_viewer(attachment_id)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.shown_size().isValid())
    shown = viewer.shown_size()
    assert shown.height() > shown.width()  # portrait, not sideways
    top = viewer.image.pixelColor(viewer.image.width() // 2, 2)
    assert top.red() > 150 and top.blue() < 100  # the red third is at the top
    qtbot.keyClicks(viewer.caption_edit, "Year 5 writing, redrafted")
    viewer.close()
    page.form.photos.save_caption(attachment_id, viewer)
    assert store.photos(review_id, page.form.evidence_id)[0].caption == "Year 5 writing, redrafted"
    assert strip.list.item(0).text() == "Year 5 writing, redrafted"


def test_double_click_or_enter_opens_the_viewer_and_closing_it_keeps_the_caption(qtbot, page, store, review_id,
                                                                                 tmp_path):
    page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    assert page.form.attach_photo_file(_write(tmp_path, "a.jpg", _photo("JPEG")))
    strip, section = page.form.photo_strip, page.form.photos
    item = strip.list.item(0)
    where = strip.list.visualItemRect(item).center()
    qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: section.viewer is not None and section.viewer.isVisible())
    viewer = section.viewer
    qtbot.keyClicks(viewer.caption_edit, "Maths book, Year 3")
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)  # Escape closes and keeps what was typed
    qtbot.waitUntil(lambda: section.viewer is None)
    assert store.photos(review_id, page.form.evidence_id)[0].caption == "Maths book, Year 3"
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.viewer is not None and section.viewer.isVisible())
    assert section.viewer.caption_edit.text() == "Maths book, Year 3"
    section.viewer.close()


def test_remove_offers_undo(qtbot, page, store, review_id, tmp_path):
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    assert page.form.attach_photo_file(_write(tmp_path, "a.jpg", _photo("JPEG")))
    photos = page.form.photos
    qtbot.mouseClick(photos.strip.remove_button, Qt.MouseButton.LeftButton)
    assert store.photos(review_id, created.id) == [] and photos.strip.count() == 0
    assert photos.undo_bar.pending and not photos.undo_bar.isHidden()
    qtbot.mouseClick(photos.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert len(store.photos(review_id, created.id)) == 1 and photos.strip.count() == 1
    assert store.get_evidence(review_id, created.id).attachment_ids != ()
    assert store.photo_bytes(review_id, photos.strip.attachment_ids()[0])  # the bytes are back too


@pytest.mark.parametrize("fmt, name", [("HEIF", "IMG_0002.HEIC"), ("WEBP", "tablet.webp")])
def test_heic_and_webp_are_converted_upright_with_their_colour_profile_and_no_metadata(
        qtbot, page, store, review_id, data_dir, tmp_path, fmt, name):
    if fmt == "HEIF":
        pytest.importorskip("pillow_heif")
    icc = _icc()
    original = _photo(fmt, orientation=6, icc=icc)
    assert MARKER.encode() in original or fmt == "HEIF"  # (HEIF may compress its EXIF box)
    created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    assert page.form.attach_photo_file(_write(tmp_path, name, original)), page.form.problem.text()
    photo = store.photos(review_id, created.id)[0]
    clean = store.photo_bytes(review_id, photo.id)
    assert photo.media_type == "image/jpeg" and clean[:3] == b"\xff\xd8\xff"
    decoded = Image.open(io.BytesIO(clean))
    assert decoded.size == (60, 90) and jpeg_orientation(clean) == 1  # turned upright in the pixels
    assert decoded.info.get("icc_profile") == icc  # the colour profile is kept
    assert MARKER.encode() not in clean and b"Exif" not in clean
    page.flush()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes()


def test_a_damaged_webp_gets_a_plain_message(qtbot, page, store, review_id, tmp_path):
    created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    broken = _photo("WEBP")[:40]
    assert page.form.attach_photo_file(_write(tmp_path, "broken.webp", broken)) is False
    assert page.form.problem.text() == "This photo file is damaged, so it cannot be attached."
    assert store.photos(review_id, created.id) == []


def test_the_photos_column_uses_an_icon(qtbot, page, tmp_path):
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    assert page.form.attach_photo_file(_write(tmp_path, "a.jpg", _photo("JPEG")))
    model = page.list.model
    index = model.index(model.row_of(created.id), 5)
    assert index.data() == "1" and not index.data(Qt.ItemDataRole.DecorationRole).isNull()

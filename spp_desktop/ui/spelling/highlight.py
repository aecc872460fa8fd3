"""Red wavy underlines under misspelt words in a QPlainTextEdit, and the right-click menu that
offers suggestions, "Add to dictionary" and "Ignore".

One Speller is shared by every field of a store (`speller_for`), so a word added in one field is
accepted in all of them at once.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from .speller import Speller

# Letters (any script, incl. Welsh ŵ ŷ) with inner apostrophes and hyphens: "sy'n", "children's".
WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")

_spellers: weakref.WeakKeyDictionary[Any, Speller] = weakref.WeakKeyDictionary()
_no_store_speller: Speller | None = None


def speller_for(store: Any) -> Speller:
    global _no_store_speller
    if store is None:
        if _no_store_speller is None:
            _no_store_speller = Speller(None)
        return _no_store_speller
    if store not in _spellers:
        _spellers[store] = Speller(store)
    return _spellers[store]


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, speller: Speller):
        super().__init__(document)
        self.speller = speller
        self.misspelt = QTextCharFormat()
        self.misspelt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelt.setUnderlineColor(QColor("#d93025"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        # Each distinct word is checked once, and only the misspelt ones are searched for again: a
        # keystroke in a 150 kB paragraph stays a few milliseconds (the regex work runs in C).
        check = self.speller.check
        bad = [w for w in set(WORD.findall(text)) if not check(w)]
        if not bad:
            return
        if len(bad) > 200:
            wanted = set(bad)
            spans = ((m.start(), m.end()) for m in WORD.finditer(text) if m.group(0) in wanted)
        else:
            exact = re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(map(re.escape, sorted(bad, key=len, reverse=True)))
                               + r")(?![\w'\u2019-])")
            spans = ((m.start(), m.end()) for m in exact.finditer(text))
        for start, end in spans:
            self.setFormat(start, end - start, self.misspelt)

    def misspelt_words(self) -> list[str]:
        """Every word the fields shows as misspelt, in order (for tests and screen readers)."""
        text = self.document().toPlainText()
        return [m.group(0) for m in WORD.finditer(text) if not self.speller.check(m.group(0))]


def word_at(editor: QPlainTextEdit, position: QPoint) -> tuple[QTextCursor, str]:
    """The word under a point of the editor's viewport, with a cursor selecting it ("" if none)."""
    cursor = editor.cursorForPosition(position)
    block = cursor.block().text()
    at = cursor.positionInBlock()
    for match in WORD.finditer(block):
        if match.start() <= at <= match.end():
            word = editor.textCursor()
            word.setPosition(cursor.block().position() + match.start())
            word.setPosition(cursor.block().position() + match.end(), QTextCursor.MoveMode.KeepAnchor)
            return word, match.group(0)
    return cursor, ""


class SpellChecking:
    """Spell checking for one editor: the underline and the context menu."""

    def __init__(self, editor: QPlainTextEdit, speller: Speller):
        self.editor = editor
        self.speller = speller
        self.highlighter = SpellHighlighter(editor.document(), speller)
        speller.watchers.add(self.highlighter)
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._show_menu)
        self.last_menu: QMenu | None = None

    def menu_for(self, position: QPoint) -> QMenu:
        """The editor's own menu (undo, cut, copy …) with spelling entries on top for a misspelt word."""
        menu = self.editor.createStandardContextMenu(self.editor.mapToGlobal(position))
        cursor, word = word_at(self.editor, position)
        if word and not self.speller.check(word):
            first = menu.actions()[0] if menu.actions() else None

            def on_top(action: QAction) -> None:
                """Move an entry just added (at the end) above the editor's own; with none, it stays."""
                if first is not None:
                    menu.insertAction(first, action)

            suggestions = self.speller.suggest(word)
            for suggestion in suggestions:
                action = menu.addAction(suggestion)
                action.triggered.connect(lambda _c=False, s=suggestion, c=cursor: self._replace(c, s))
                on_top(action)
            if not suggestions:
                none = menu.addAction(QCoreApplication.translate("SpellChecking", "No suggestions"))
                none.setEnabled(False)
                on_top(none)
            add = menu.addAction(QCoreApplication.translate("SpellChecking", "Add “{word}” to dictionary").format(word=word))
            add.triggered.connect(lambda _c=False, w=word: self.add_word(w))
            on_top(add)
            ignore = menu.addAction(QCoreApplication.translate("SpellChecking", "Ignore “{word}”").format(word=word))
            ignore.triggered.connect(lambda _c=False, w=word: self.ignore_word(w))
            on_top(ignore)
            if first is not None:
                menu.insertSeparator(first)
            else:
                menu.addSeparator()
        return menu

    def _show_menu(self, position: QPoint) -> None:
        self.last_menu = self.menu_for(position)
        self.last_menu.exec(self.editor.viewport().mapToGlobal(position))
        self.last_menu.deleteLater()
        self.last_menu = None

    def _replace(self, cursor: QTextCursor, suggestion: str) -> None:
        cursor.insertText(suggestion)  # one undo step; the editor's textChanged saves it

    def add_word(self, word: str) -> None:
        self.speller.add(word)  # redraws every field of this store

    def ignore_word(self, word: str) -> None:
        self.speller.ignore(word)

"""Words the sync screens share, all through Qt's translate (context "Sync") for the Welsh catalogue."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from ..i18n import short_day_name

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for: translate("Sync", "...")


def stage_text(stage: str, done: int, total: int) -> str:
    """What a sync is doing now, for the status bar: "Sending changes: 3 of 12"."""
    if stage == "pull":
        if done:
            return translate("Sync", "Receiving changes from the server: {n} so far").format(n=done)
        return translate("Sync", "Receiving changes from the server…")
    if stage == "push":
        if total:
            return translate("Sync", "Sending changes: {done} of {total}").format(done=min(done, total), total=total)
        return translate("Sync", "Sending changes…")
    if stage == "upload":
        if total:
            return translate("Sync", "Sending photos: {percent}%").format(percent=min(100, done * 100 // total))
        return translate("Sync", "Sending photos…")
    if stage == "download":
        if total:
            return translate("Sync", "Receiving photos: {done} of {total}").format(done=min(done, total), total=total)
        return translate("Sync", "Receiving photos…")
    if stage == "check":
        return translate("Sync", "Checking this laptop and the server match…")
    return translate("Sync", "Syncing…")


def local_time(moment: datetime, now: datetime | None = None) -> str:
    """A time as people say it on review day: "14:05", "yesterday at 14:05", "Tue 10 Mar at 14:05"."""
    here = moment.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    if here.date() == today:
        return translate("Sync", "today at {time}").format(time=f"{here:%H:%M}")
    if (today - here.date()).days == 1:
        return translate("Sync", "yesterday at {time}").format(time=f"{here:%H:%M}")
    month = QLocale().monthName(here.month, QLocale.FormatType.ShortFormat)
    return translate("Sync", "{day} {date} at {time}").format(day=short_day_name(here.date()),
                                                              date=f"{here.day} {month}", time=f"{here:%H:%M}")

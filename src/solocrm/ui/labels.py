"""User-facing names of stored codes (stages, tiers, channels), translatable in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def stage(code: str) -> str:
    return {
        "prospect": _t("Prospect"),
        "new": _t("New"),
        "repeat": _t("Repeat"),
        "loyal": _t("Loyal"),
        "churned": _t("Churned"),
    }.get(code, code)


def membership(code: str) -> str:
    return {
        "regular": _t("Regular"),
        "silver": _t("Silver"),
        "gold": _t("Gold"),
        "diamond": _t("Diamond"),
    }.get(code, code)


def rfm_tier(code: str) -> str:
    return {
        "high": _t("High value"),
        "medium": _t("Medium value"),
        "low": _t("Low value"),
        "churned": _t("Churned"),
    }.get(code, code)


def channel(code: str) -> str:
    return {
        "phone": _t("Phone"),
        "wechat": _t("WeChat"),
        "email": _t("Email"),
        "meeting": _t("Meeting"),
        "store": _t("Store visit"),
        "douyin": _t("Douyin"),
        "other": _t("Other"),
    }.get(code, code)


def kind(code: str) -> str:
    return {"person": _t("Person"), "organization": _t("Organisation")}.get(code, code)


STAGE_CODES = ("prospect", "new", "repeat", "loyal", "churned")

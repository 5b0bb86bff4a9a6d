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


def field_name(code: str) -> str:
    """Names of customer fields as the history shows them; custom fields keep their own name."""
    if code.startswith("custom:"):
        return code.split(":", 1)[1]
    return {
        "created": _t("Created"),
        "kind": _t("Kind"),
        "name": _t("Name"),
        "company": _t("Company"),
        "title": _t("Job title"),
        "wechat_id": _t("WeChat ID"),
        "address": _t("Address"),
        "region": _t("Province / region"),
        "city": _t("City"),
        "industry": _t("Industry"),
        "gender": _t("Gender"),
        "birthday": _t("Birthday"),
        "source_channel": _t("Source channel"),
        "source_campaign": _t("Campaign"),
        "consent_marketing": _t("Marketing consent"),
        "preferred_channel": _t("Preferred channel"),
        "preferred_hours": _t("Preferred hours"),
        "personal_details": _t("Personal details"),
        "notes": _t("Notes"),
        "referred_by_id": _t("Referred by"),
        "phones": _t("Phones"),
        "emails": _t("Emails"),
        "tags": _t("Tags"),
        "archived": _t("Archived"),
    }.get(code, code)


def gender(code: str) -> str:
    return {"female": _t("Female"), "male": _t("Male"), "other": _t("Other")}.get(code, code)


def order_status(code: str) -> str:
    return {"paid": _t("Paid"), "refunded": _t("Refunded")}.get(code, code)


def field_value(field: str, value: str) -> str:
    """A stored value of field ``field`` (a customer's, or an order's status) as the user reads it: 女 rather
    than "female", 是 rather than "1"."""
    if not value:
        return value
    if field in ("consent_marketing", "archived"):
        return _t("Yes") if value.lower() in ("1", "yes", "true") else _t("No")
    decode = {"gender": gender, "kind": kind, "preferred_channel": channel, "stage": stage,
              "status": order_status}.get(field)
    return decode(value) if decode else value


def recurrence(code: str) -> str:
    return {
        "none": _t("Once"),
        "daily": _t("Every day"),
        "weekly": _t("Every week"),
        "monthly": _t("Every month"),
        "yearly": _t("Every year"),
    }.get(code, code)

"""Interface words of the catalogue in both languages: statuses, states, kinds of deadline."""

from __future__ import annotations

from sitegen.compose.contract import Text

STATUS_NAMES: dict[str, Text] = {
    "draft": Text("草稿", "Draft"),
    "in_review": Text("审核中", "In review"),
    "signed": Text("已签署", "Signed"),
    "terminated": Text("已终止", "Terminated"),
}
STATE_NAMES: dict[str, Text] = {
    "draft": Text("草稿", "Draft"),
    "in_review": Text("审核中", "In review"),
    "upcoming": Text("尚未生效", "Not yet in effect"),
    "active": Text("生效中", "Active"),
    "in_renewal_window": Text("临近续签", "Renewal due"),
    "expired": Text("已到期", "Expired"),
    "terminated": Text("已终止", "Terminated"),
}
KIND_NAMES: dict[str, Text] = {
    "objection_deadline": Text("续签异议截止", "Objection deadline"),
    "expiry": Text("协议到期", "Expiry"),
    "review": Text("定期评审", "Review due"),
}
VISIBILITY_NAMES: dict[str, Text] = {
    "internal": Text("内部", "Internal"),
    "restricted": Text("受限", "Restricted"),
}
NONE = Text("—", "—")

"""SG405-SG408: personal data. Contacts and signatories are roles; no phone numbers, e-mail
addresses, ID numbers or personal names belong in an agreement that is published."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.cn import ric

from sitegen.findings import FieldPath, Severity
from sitegen.lint.registry import Hit, Subject, Texts, rule, text_rule
from sitegen.lint.texts import Text, has_placeholder
from sitegen.load.model import Bilingual

_SEP = r"[\s-]?"
PHONE = re.compile(
    r"(?<![\w.+])(?:"
    rf"(?:(?:\+|00)86{_SEP})?1[3-9]\d(?:{_SEP}\d){{8}}"  # mobile, 1[3-9]x xxxx xxxx
    r"|(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{7,8}"  # landline, 0xx(x)-xxxxxxx(x)
    rf"|[48]00(?:{_SEP}\d){{7}}"  # 400 / 800 service numbers
    r")(?![\w])"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
ID_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")

ROLE_WORDS_ZH = (
    "经理",
    "主管",
    "负责人",
    "负责",
    "工程师",
    "专员",
    "总监",
    "值班",
    "联系人",
    "对接人",
    "代表",
    "管理员",
    "团队",
    "部",
    "中心",
    "小组",
    "组长",
    "岗",
    "席",
    "董事",
    "主任",
    "处长",
    "科长",
    "部长",
    "局长",
    "行长",
    "院长",
    "校长",
    "所长",
    "厂长",
    "站长",
    "班长",
    "队长",
    "会长",
    "社长",
    "秘书",
    "助理",
    "顾问",
    "师",
    "官",
    "法务",
    "财务",
    "客服",
    "人员",
    "窗口",
    "办公室",
    "委员会",
    "服务台",
    "运维",
    "支持",
    "专家",
    "签字人",
    "授权",
    "员",
    "协调",
    "用户",
)
ROLE_WORDS_EN = re.compile(
    r"\b(?:manager|engineer|director|officer|representative|lead|leader|head|team|desk|"
    r"cent(?:re|er)|department|dept|supervisor|administrator|admin|coordinator|liaison|"
    r"contact|specialist|analyst|owner|chief|president|chair(?:man|woman|person)?|"
    r"executive|staff|agent|operator|on-call|duty|support|service|counsel|secretary|"
    r"architect|consultant|controller|board|committee|group|unit|office|signatory|"
    r"person|member|expert|assistant|helpdesk|function|role|user|coordinator|[A-Z]?C[A-Z]O|VP)\b",
    re.IGNORECASE,
)
TITLE_EN = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\b\.?")
_SURNAMES = (
    "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢"
    "蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟"
    "龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
# A surname directly followed by a title: 李经理, 王总, 张工. Not after another Han character
# (兼任主管), except after 方 or 的 (客户方王经理).
SURNAME_TITLE = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[方的]))[{_SURNAMES}]"
    r"(?:总经理|经理|总监|总|工|主管|主任|老师|先生|女士|小姐|部长|处长|科长|董)"
)
_ROLE_FIXES = "write the role instead (e.g. 客户服务经理 / Customer Service Manager)"


def _phones(text: Text) -> Iterator[str]:
    """Phone numbers as written; digits inside an ID number are not one."""
    folded = text.folded.text
    without_ids = ID_CANDIDATE.sub(lambda m: " " * len(m.group()), folded)
    for match in PHONE.finditer(without_ids):
        yield text.folded.written(match.start(), match.end())


def _resident_ids(text: Text) -> Iterator[tuple[str, str]]:
    """ID numbers: as read (for the check digit) and as written."""
    for match in ID_CANDIDATE.finditer(text.folded.text):
        if ric.is_valid(match.group()):
            yield match.group(), text.folded.written(match.start(), match.end())


@text_rule("SG405", Severity.ERROR, "phone number in a text: contacts are roles only")
def phone_numbers(subject: Texts) -> Iterator[Hit]:
    for text in subject.texts:
        for number in _phones(text):
            yield Hit(
                text.field,
                f"phone number {number!r}: an agreement names roles, not ways to reach a "
                "person; keep numbers in the contact list outside the agreement",
                needle=number,
            )


@text_rule("SG406", Severity.ERROR, "e-mail address in a text: contacts are roles only")
def email_addresses(subject: Texts) -> Iterator[Hit]:
    for text in subject.texts:
        for address in text.found(EMAIL):
            yield Hit(
                text.field,
                f"e-mail address {address!r}: an agreement names roles, not mailboxes; "
                "keep addresses in the contact list outside the agreement",
                needle=address,
            )


@text_rule("SG407", Severity.ERROR, "resident ID number (身份证号) in a text")
def resident_ids(subject: Texts) -> Iterator[Hit]:
    for text in subject.texts:
        for number, written in _resident_ids(text):
            yield Hit(
                text.field,
                f"resident ID number {number[:6]}…: personal ID numbers must not be in an "
                "agreement; remove it and name the role",
                needle=written,
            )


def _name_in_zh(role: str) -> str | None:
    match = SURNAME_TITLE.search(role)
    if match:
        return f"{match.group()!r} looks like a person (surname and title)"
    if not any(word in role for word in ROLE_WORDS_ZH):
        return f"{role.strip()!r} names no role (经理, 工程师, 负责人, 中心, …)"
    return None


def _name_in_en(role: str) -> str | None:
    match = TITLE_EN.search(role)
    if match:
        return f"{match.group()!r} addresses a person"
    if not ROLE_WORDS_EN.search(role):
        return f"{role.strip()!r} names no role (manager, engineer, representative, …)"
    return None


def _roles(subject: Subject) -> Iterator[tuple[FieldPath, str, str]]:
    agreement = subject.agreement
    roles: list[tuple[str, int, Bilingual]] = [
        *(("contacts", i, contact.role) for i, contact in enumerate(agreement.contacts)),
        *(("signatories", i, signer.role) for i, signer in enumerate(agreement.signatories or ())),
    ]
    for kind, index, role in roles:
        for lang in ("zh", "en"):
            yield (kind, index, "role", lang), lang, role.get(lang)
    notice = agreement.data.breach_notice if agreement.data is not None else None
    if notice is not None:  # a breach is notified to a role, as a contact is one
        for lang in ("zh", "en"):
            yield ("data", "breach_notice", "to", lang), lang, notice.to.get(lang)


@rule(
    "SG408",
    Severity.WARNING,
    "contact, signatory or breach-notice role looks like a personal name",
)
def personal_names(subject: Subject) -> Iterator[Hit]:
    for field, lang, role in _roles(subject):
        if not role.strip() or has_placeholder(role):
            continue
        problem = _name_in_zh(role) if lang == "zh" else _name_in_en(role)
        if problem:
            yield Hit(field, f"{problem}: {_ROLE_FIXES}")


def contact_details(text: str) -> str | None:
    """What in `text` reaches a person (an e-mail address, a phone number), described as
    SG405/SG406 describe it; None when nothing does. For texts outside an agreement (a
    review's action owners and participants), which are roles by the same rule."""
    address = EMAIL.search(text)
    if address:
        return f"e-mail address {address.group()!r}"
    number = PHONE.search(ID_CANDIDATE.sub(lambda m: " " * len(m.group()), text))
    if number:
        return f"phone number {number.group()!r}"
    return None


def not_a_role(role: str, lang: str) -> str | None:
    """Why `role` looks like a person's name or names no role (SG408's rule), or None."""
    return _name_in_zh(role) if lang == "zh" else _name_in_en(role)

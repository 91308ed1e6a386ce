"""The identifiers a party may carry, named in both languages: one table, in one place.

A party outside mainland China carries `id: {scheme, value}`, the scheme named as
python-stdnum names the module that checks it (`lei`, `gb.vat`, `us.ein`). stdnum has some
240 modules, most of them numbers of persons (resident cards, social security, passports),
of goods or of accounts, none of which names a party to a service agreement: this table
lists the organisations' own numbers (legal entity, company register, business and tax
numbers), so a personal number is refused where it is written (SG409) instead of printed
in a contract. A scheme is added here with its names; `tests/test_identifiers.py` checks
that each one is a stdnum module that validates.

The USCC is not here: a mainland-China organisation carries `uscc`, checked by SG401–SG403.
"""

from __future__ import annotations

from sitegen.compose.contract import Lang, Text
from sitegen.compose.vocabulary import Words
from sitegen.load.model import Identifier, Party

USCC_NAME = Text("统一社会信用代码", "Unified Social Credit Code")
NO_IDENTIFIER = Text("无登记号码", "No registered number")

SCHEME_NAMES = Words(
    {
        # international
        "lei": Text("法人机构识别编码（LEI）", "Legal Entity Identifier (LEI)"),
        "vatin": Text("增值税识别号（VATIN）", "VAT identification number (VATIN)"),
        "eu.vat": Text("欧盟增值税识别号", "EU VAT number"),
        # Europe
        "at.businessid": Text("奥地利公司登记号", "Austrian company register number"),
        "at.uid": Text("奥地利增值税识别号（UID）", "Austrian VAT number (UID)"),
        "be.vat": Text("比利时企业编号", "Belgian enterprise number"),
        "ch.uid": Text("瑞士企业识别号（UID）", "Swiss business identification number (UID)"),
        "ch.vat": Text("瑞士增值税号", "Swiss VAT number"),
        "cz.dic": Text("捷克增值税号（DIČ）", "Czech VAT number (DIČ)"),
        "de.handelsregisternummer": Text(
            "德国商业登记号", "German commercial register number (Handelsregisternummer)"
        ),
        "de.stnr": Text("德国税号（Steuernummer）", "German tax number (Steuernummer)"),
        "de.vat": Text("德国增值税识别号（USt-IdNr.）", "German VAT number (USt-IdNr.)"),
        "dk.cvr": Text("丹麦企业登记号（CVR）", "Danish business register number (CVR)"),
        "ee.registrikood": Text("爱沙尼亚登记号", "Estonian registration code"),
        "es.cif": Text("西班牙公司税号（CIF）", "Spanish company tax number (CIF)"),
        "fi.ytunnus": Text("芬兰企业识别号（Y-tunnus）", "Finnish business ID (Y-tunnus)"),
        "fr.siren": Text("法国企业识别号（SIREN）", "French company number (SIREN)"),
        "fr.siret": Text("法国机构识别号（SIRET）", "French establishment number (SIRET)"),
        "fr.tva": Text("法国增值税号", "French VAT number (n° TVA)"),
        "gb.utr": Text("英国纳税人识别号（UTR）", "UK Unique Taxpayer Reference (UTR)"),
        "gb.vat": Text("英国增值税登记号", "UK VAT registration number"),
        "ie.vat": Text("爱尔兰增值税号", "Irish VAT number"),
        "it.iva": Text("意大利增值税号（Partita IVA）", "Italian VAT number (Partita IVA)"),
        "lu.tva": Text("卢森堡增值税号", "Luxembourg VAT number"),
        "nl.btw": Text("荷兰增值税识别号", "Dutch VAT number (btw-id)"),
        "no.orgnr": Text("挪威组织编号", "Norwegian organisation number"),
        "pl.nip": Text("波兰税号（NIP）", "Polish tax number (NIP)"),
        "pl.regon": Text("波兰统计登记号（REGON）", "Polish business register number (REGON)"),
        "pt.nif": Text("葡萄牙税号（NIF）", "Portuguese tax number (NIF)"),
        "se.orgnr": Text("瑞典组织编号", "Swedish organisation number"),
        # the Americas
        "br.cnpj": Text("巴西法人登记号（CNPJ）", "Brazilian company number (CNPJ)"),
        "ca.bn": Text("加拿大商业号码（BN）", "Canadian Business Number (BN)"),
        "mx.rfc": Text("墨西哥联邦纳税人登记号（RFC）", "Mexican tax number (RFC)"),
        "us.ein": Text("美国雇主识别号（EIN）", "US Employer Identification Number (EIN)"),
        # Asia and Oceania
        "au.abn": Text("澳大利亚商业号码（ABN）", "Australian Business Number (ABN)"),
        "au.acn": Text("澳大利亚公司号码（ACN）", "Australian Company Number (ACN)"),
        "in_.gstin": Text("印度商品及服务税识别号（GSTIN）", "Indian GST number (GSTIN)"),
        "jp.cn": Text("日本法人番号", "Japanese Corporate Number (hōjin bangō)"),
        "kr.brn": Text("韩国营业登记号", "South Korean business registration number"),
        "sg.uen": Text("新加坡单一实体识别号（UEN）", "Singapore Unique Entity Number (UEN)"),
        "th.tin": Text("泰国纳税人识别号", "Thai taxpayer identification number"),
        "tw.ubn": Text("台湾地区统一编号", "Taiwan Unified Business Number"),
        "vn.mst": Text("越南税号", "Vietnamese tax number (MST)"),
    }
)


def known(scheme: str) -> bool:
    return scheme in SCHEME_NAMES


def identifier(party: Party, lang: Lang) -> str:
    """A party's number with its scheme's name: 统一社会信用代码：9131… / Unified Social Credit
    Code: 9131…; 法人机构识别编码（LEI）：5299… / Legal Entity Identifier (LEI): 5299…;
    无登记号码（reason） / No registered number (reason)."""
    if party.uscc is not None:
        return f"{USCC_NAME.get(lang)}{_sep(lang)}{party.uscc}"
    assert party.id is not None  # the model requires one of the two
    return registered(party.id, lang)


def registered(number: Identifier, lang: Lang) -> str:
    """An `id` with its scheme's name, or the reason the party has none."""
    if number.value is None:
        reason = number.reason.get(lang) if number.reason else ""
        none = NO_IDENTIFIER.get(lang)
        return f"{none}（{reason}）" if lang == "zh" else f"{none} ({reason})"
    name = SCHEME_NAMES(number.scheme, lang) if known(number.scheme) else number.scheme
    return f"{name}{_sep(lang)}{number.value}"


def _sep(lang: Lang) -> str:
    return "：" if lang == "zh" else ": "

"""The output contract: pydantic v2 models, the single source of truth.

``schemas/announcement.schema.json`` is generated from :class:`Announcement`
(``python -m pipeline schema``) and committed; a test fails when they drift.
Every extracted item has ``text`` and ``span`` with
``original_text[span.start:span.end] == text`` (code-point offsets into the
decoded input, BOM excluded).
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1.4.0"
SCHEMA_ID = "https://github.com/vn-announce/vn-announce/schemas/announcement.schema.json"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Span(Model):
    """Half-open code-point offsets [start, end) into the decoded input text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Grounded(Model):
    """A piece of the source text."""

    text: str
    span: Span


class Source(Model):
    path: Optional[str] = Field(description="input path as given, '-' for stdin, null for a Python string")
    sha256: str = Field(description="SHA-256 of the input bytes (of the UTF-8 encoding for a Python string)")
    chars: int = Field(ge=0, description="length of the decoded input text in code points")
    encoding: Literal["utf-8", "utf-16", "str", "tcvn3", "vni", "windows-1258"] = Field(description="how the input bytes were decoded (legacy Vietnamese encodings since 1.2.0)")
    nfc_changed: bool = Field(description="true when the input was not NFC (offsets still point into the input as decoded)")
    furniture: list[Grounded] = Field(default_factory=list, description="web-page furniture cut from extraction")


DocumentKind = Literal["congress_report", "resolution", "plan", "notice", "decision", "news", "unknown"]


class Term(Model):
    start: int
    end: int


class Congress(Model):
    ordinal: Optional[int] = None
    ordinal_text: Optional[Grounded] = None
    term: Optional[Term] = None
    term_text: Optional[Grounded] = None
    start_date: Optional[str] = Field(default=None, description="ISO date")
    end_date: Optional[str] = Field(default=None, description="ISO date")
    dates_text: Optional[Grounded] = None
    dates_inferred_year_from: Optional[Literal["nearby_date", "national_congress", "document_date", "term", "text_year"]] = Field(
        default=None, description=("where the year of a date written without one ('từ ngày 2 đến 3/10', '18 - 25/4') "
                                   "was taken from: a complete date nearby, the year the Party's national congress the "
                                   "text is about was held ('Đại hội X của Đảng': 2006; since 1.4.0), the document's own "
                                   "date, the start of the term, or the latest year the text states as a time of its own; "
                                   "null when the text states it; since 1.2.0"))
    venue: Optional[Grounded] = None
    theme: Optional[Grounded] = None
    motto: Optional[Grounded] = None


class DocumentYear(Grounded):
    """The year the document speaks from (since 1.3.0): what a figure's own year is measured
    against (later: a goal; earlier: an achievement). ``text``/``span``: where it was read."""

    value: int
    source: Literal["document_date", "date_line", "term", "text_year"] = Field(description=(
        "where it was read: the document's own date, a date line at its head ('ngày 15 tháng 10 năm 2025', "
        "'15/10/2025'), the start of the term it names, or (a text with none of these) the latest year the "
        "text states as a time of its own, not a period's bound nor a goal's horizon"))


class DocumentInfo(Model):
    title: Optional[Grounded] = None
    kind: DocumentKind = "unknown"
    organization: Optional[Grounded] = None
    date: Optional[str] = Field(default=None, description="ISO date the document was adopted ('thông qua ngày ...') or issued (its header date); since 1.1.0")
    date_text: Optional[Grounded] = None
    year: Optional[DocumentYear] = None
    congress: Optional[Congress] = None


#: Heading kinds are data (``headings.yaml``; since 1.2.0 a rule file may add one). Built-in kinds:
#: chapter, part, section, article, roman, upper_letter, decimal, arabic, letter, paren, ordinal_word, star, dash, markdown.
SectionKind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description=(
    "heading kind, an identifier from the heading rules; built-in: chapter, part, section, article, roman, upper_letter, "
    "decimal, arabic, letter, paren, ordinal_word, star, dash, markdown (rule files may add kinds; since 1.2.0 not an enum)"))]


class Section(Grounded):
    """A heading and its body: ``text``/``span`` cover both; ``heading`` is the heading line."""

    id: str = Field(description="path-like, unique: 'IV.2.3'; a repeated number gets '~2'")
    label: str = Field(description="as written without punctuation: 'IV', '2.3', 'a', '1'")
    kind: SectionKind
    list_item: bool = Field(description="bullets, '(1)', 'Một là,': sub-items rather than structural headings")
    title: Optional[str]
    level: int = Field(ge=1)
    parent: Optional[str]
    heading: Grounded


Comparator = Literal[">=", ">", "<=", "<", "~", "="]


class Period(Model):
    start: int
    end: int


#: Target categories are data (``targets.yaml`` categories; since 1.2.0 a rule file may add one).
TargetCategory = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description=(
    "category, an identifier from the target rules; built-in: party_building, defence_security, economy, digital, "
    "social, environment, science_technology, infrastructure (rule files may add categories; since 1.2.0 not an enum)"))]


class Percentage(Grounded):
    value: float
    value_max: Optional[float] = None
    comparator: Comparator = "="
    count: Optional[float] = Field(default=None, description="the count this percentage is a share of, when stated")
    base: Optional[float] = Field(default=None, description="the whole the share is taken of, when known")
    label: Optional[str] = Field(default=None, description="the category: 'Nam', 'từ 41 đến 50 tuổi'")
    section: Optional[str] = None


class Evidence(Grounded):
    """Why a figure was read as a target or a result (since 1.2.0): a cue or a time, where it stood.

    ``code``: ``prospective`` (a goal: "phấn đấu", "mục tiêu", "đến năm 2030"), ``perfective``
    (achieved: "đã", "đạt được", "nhiệm kỳ qua"), ``estimate`` ("ước năm 2025"), ``future_time`` /
    ``past_time`` / ``current_time`` (the figure's own year or period against the document's),
    ``norm`` (a rule's limit: "không quá", "theo quy định"), ``hypothetical`` ("nếu"),
    ``target_section`` / ``result_section`` (a heading), ``table_target`` / ``table_result`` /
    ``table_estimate`` (the column header of a table cell), ``achieved_plan`` ("41.250/36.000 tỷ
    đồng": achieved over planned), ``ratio_to_plan`` ("đạt 101% kế hoạch"), ``baseline`` ("từ 4,2%
    xuống 1,5%": where a change starts, a level measured, so a result). A prospective cue outside
    the figure's sentence decides only for a sentence that elaborates it (the next one, one
    opening with "Trong đó"/"Cụ thể", a list item under it). The codes are an open set: a rule may
    add one. ``scope``: table, clause, sentence, paragraph, section or document; the
    nearest scope with evidence decides."""

    code: str
    scope: Literal["table", "clause", "sentence", "paragraph", "section", "document"]


class Quantity(Grounded):
    """A numeric target (forward-looking) or result (achieved)."""

    indicator: Optional[str] = None
    indicator_id: Optional[str] = None
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    per: Optional[str] = None
    comparator: Comparator = "="
    stretch: Optional[float] = None
    year: Optional[int] = None
    period: Optional[Period] = None
    frequency: Optional[str] = None
    category: Optional[TargetCategory] = None
    section: Optional[str] = None
    direction: Optional[Literal["increase", "decrease"]] = Field(default=None, description="a change: 'tăng 2,7%' increase, 'giảm 3,4%' decrease (since 1.2.0)")
    reference_year: Optional[int] = Field(default=None, description="the year a change is measured against: 'so với năm 2020' (since 1.2.0); not the figure's own year")
    estimate: bool = Field(default=False, description="an estimate of the current period: 'ước năm 2025' (results only; since 1.2.0)")
    plan: Optional[float] = Field(default=None, description="the planned value of an achieved/plan pair '41.250/36.000 tỷ đồng' (results only; since 1.2.0)")
    evidence: list[Evidence] = Field(default_factory=list, description="the cues and times the target/result decision rests on, nearest scope first (since 1.2.0)")


class Stat(Grounded):
    value: int


class Breakdown(Grounded):
    dimension: str
    category: str
    count: Optional[int] = None
    percent: Optional[float] = None


class Delegates(Model):
    summoned: Optional[Stat] = None
    attended: Optional[Stat] = None
    absent: Optional[Stat] = None
    ex_officio: Optional[Stat] = None
    appointed: Optional[Stat] = None
    alternates_promoted: Optional[Stat] = None
    breakdowns: list[Breakdown] = Field(default_factory=list)


class Title(Grounded):
    position: Optional[str] = None
    organization: Optional[str] = None


class Appointment(Grounded):
    verb: str
    position: Optional[str] = None
    body: Optional[str] = None
    term: Optional[Term] = None


class Official(Grounded):
    """A named person in a public role; ``text``/``span`` are the first mention."""

    name: str
    mentions: list[Grounded]
    titles: list[Title] = Field(default_factory=list)
    birth_year: Optional[int] = None
    age: Optional[int] = None
    appointments: list[Appointment] = Field(default_factory=list)
    role_in_document: Optional[str] = None


class Body(Grounded):
    name: str
    members: Optional[int] = None
    alternates: Optional[int] = None
    term: Optional[Term] = None
    decided_by: Optional[str] = None


class Related(Model):
    kind: str
    id: Optional[str] = None
    span: Optional[Span] = None


class Warning(Grounded):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    related: list[Related] = Field(default_factory=list)


class Announcement(Model):
    """One processed announcement."""

    model_config = ConfigDict(
        extra="forbid", json_schema_serialization_defaults_required=True,
        json_schema_extra={"$id": SCHEMA_ID, "$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    _validated_dump: Optional[dict] = PrivateAttr(default=None)

    schema_version: Literal["1.4.0"] = SCHEMA_VERSION
    source: Source
    document: DocumentInfo
    sections: list[Section] = Field(default_factory=list)
    delegates: Delegates = Field(default_factory=Delegates)
    percentages: list[Percentage] = Field(default_factory=list)
    targets: list[Quantity] = Field(default_factory=list)
    results: list[Quantity] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

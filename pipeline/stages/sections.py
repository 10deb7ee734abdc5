"""Stage 4, sections: the heading tree of the document.

Heading labels are data (``data/headings.json``). A heading is a line that starts
with a label (after optional markdown ``**``/``#``). Levels come from a stack: a
heading whose kind is already open closes that kind's section and everything below
it (a sibling); an unseen kind opens a child. Decimal labels nest by depth
("2.3" under "2"). List items (bullets, "(1)", "Một là,") are sub-items of the
enclosing heading and never start a tree on their own.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..context import Context
from ..contract.models import Section
from ..text.normalise import NormText
from ..rules import Rules
from ..products import SectionTree
from ..registry import component
from ..text.patterns import VI_LOWER


@dataclass
class RawSection:
    kind: str
    label: str
    list_item: bool
    start: int            # heading start (norm offsets)
    heading_end: int
    title_start: int
    title_end: int
    depth_key: tuple
    level: int = 0
    parent: "RawSection | None" = None
    clause: bool = False  # an article's clause (list_item for the contract; its title still scopes what it holds)
    end: int = 0
    id: str = ""
    children: list = field(default_factory=list)


class SectionFinder:
    def __init__(self, rules: Rules):
        cfg = rules["headings"]
        alts = []
        self.kinds = []
        for i, k in enumerate(cfg["kinds"]):
            pat = k["pattern"].replace("(?P<label>", f"(?P<label{i}>")
            alts.append(f"(?P<k{i}>{pat})")
            self.kinds.append((k["kind"], bool(k.get("list_item", False))))
        self.sequence_kinds = {k["kind"] for k in cfg["kinds"] if k.get("sequence")}
        self.rx = re.compile(
            # before the label: indentation, markdown emphasis ("**", "*3.2.", "***2."), '#' marks
            r"^(?P<pre>[ \t]*+(?:(?:\*\*|__)[ \t]*+|[*_]{1,3}(?=[\dIVXLCa-zđ(]))?(?:#{1,6}[ \t]++)?(?:\*\*[ \t]*+)?)(?:" + "|".join(alts) + r")",
            re.MULTILINE,
        )
        self.md_rx = re.compile(r"^[ \t]*+(?P<hashes>#{1,6})[ \t]++(?P<title>\S[^\n]*)$", re.MULTILINE)
        self.title_max = int(cfg.get("title_max_chars", 200))
        parts = cfg.get("part_starts") or ["\x00"]
        self.part_start = re.compile(r"(?m)^[ \t*_#]*(?:" + "|".join(map(re.escape, parts)) + r")(?![^\W\d_])")

    def find(self, nt: NormText) -> list[RawSection]:
        text = nt.fold
        wrapped = nt.wrapped
        found: list[RawSection] = []
        starts_seen = set()
        for m in self.rx.finditer(text):
            idx = next(i for i, (kind, _) in enumerate(self.kinds) if m.group(f"k{i}") is not None)
            kind, list_item = self.kinds[idx]
            label = m.group(f"label{idx}")
            line_start = m.start()
            if wrapped and not _starts_block(text, line_start) and "**" not in m.group("pre"):
                continue  # a soft-wrapped continuation line that happens to start with a number
            after = m.end()
            title_start, title_end, heading_end = self._title(text, after, m.group("pre"), wrapped)
            if kind in ("arabic", "decimal", "roman", "letter") and title_end <= title_start:
                continue  # a bare number on a line is not a heading
            if kind in ("arabic", "decimal") and re.match(r"\s*(?:%|đ|tỷ|triệu|nghìn)", text[after:after + 8]):
                continue
            depth_key = ("decimal", label.count(".") + 1) if kind in ("decimal", "arabic") else (kind,)
            if kind == "arabic":
                depth_key = ("decimal", 1)
            starts_seen.add(line_start)
            found.append(RawSection(kind, label, list_item, line_start + len(m.group("pre")) - len(m.group("pre").lstrip(" \t")),
                                    heading_end, title_start, title_end, depth_key))
        for m in self.md_rx.finditer(text):
            if m.start() in starts_seen:
                continue
            level = len(m.group("hashes"))
            t_end = m.end("title")
            title = text[m.start("title"):t_end].rstrip("*# \t")
            found.append(RawSection("markdown", "#" * level, False, m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t")), t_end,
                                    m.start("title"), m.start("title") + len(title), ("markdown", level)))
        found.sort(key=lambda s: s.start)
        blocks = _quoted_blocks(text, nt.blank_lines)
        if blocks:
            # the clauses of a provision the page quotes ("Căn cứ Điều 3 Thông tư 43/2024/TT-BYT quy định
            # như sau: 1. ... 2. ...", and the article line quoted with them, "Điều 14. Điều kiện ...") are the quoted
            # text's items, not the page's own headings
            starts = [a for a, _ in blocks]
            for s in found:
                k = bisect.bisect_right(starts, s.start) - 1
                if k >= 0 and s.start < blocks[k][1] and (s.kind in _CLAUSE_KINDS or s.kind == "article"):
                    s.list_item = True
        for kind in self.sequence_kinds:
            labels = [s.label for s in found if s.kind == kind]
            if labels and not _one_run(labels):
                found = [s for s in found if s.kind != kind]
        _plain_letters_are_clauses(text, found)
        return self._tree(found, nt)

    def _title(self, text: str, pos: int, pre: str, wrapped: bool = False) -> tuple[int, int, int]:
        """Title span after the label: up to a colon (inline heading), else to the end of the heading line (in a
        hard-wrapped text, of the lines that go on with its words)."""
        n = len(text)
        while pos < n and text[pos] in " \t.):":
            pos += 1
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = n
        first_end = line_end
        if wrapped:
            # a hard-wrapped heading runs on over the lines that continue it: a line that ends no clause and a next
            # one that opens in lower case ("**Điều 1.** Bổ sung có mục tiêu\ntừ ngân sách trung ương cho 27 địa phương")
            for _ in range(3):
                if line_end >= n or _CLAUSE_END.search(text, max(pos, line_end - 3), line_end):
                    break
                if not _LOWER_START.match(text, line_end + 1):
                    break
                nxt = text.find("\n", line_end + 1)
                line_end = n if nxt < 0 else nxt
        heading_end = line_end
        if "**" in pre and "**" not in text[pos:line_end]:
            close = text.find("**", pos, min(n, pos + 400))
            if close > 0:
                heading_end = close + 2
                line_end = close
        if not text[pos:line_end].strip(" \t*_") and ("*" in pre or "#" in pre):
            # a marked label alone on its line ("*2.1.\nThu ngân sách nhà nước*" hard-wrapped, "### Điều 1."
            # above its first paragraph): the title is the next line's
            k = line_end
            while k < n and text[k] in " \t\n" and text.count("\n", line_end, k + 1) <= 2:
                k += 1
            nxt_end = text.find("\n", k)
            nxt_end = n if nxt_end < 0 else nxt_end
            j = k
            while j < nxt_end and text[j] in "*_ \t":
                j += 1
            if k < n and text[k] not in "#|" and not _ITEM_LABEL.match(text, j) and not _OWN_LABEL.match(text, j):
                pos, line_end = k, nxt_end
                close = text.find("*", pos, line_end) if "*" in pre else -1
                if close > pos:
                    line_end = close
                heading_end = line_end
        while heading_end > pos and text[heading_end - 1].isspace():
            heading_end -= 1
        seg = text[pos:line_end]
        cut = len(seg)
        colon = seg.find(":")
        if 0 < colon <= 150:
            cut = colon
        else:
            m = re.search(r"(?<!\d)[.;!?](?:\s|$)", seg)  # "Nhiệm vụ 3. Lĩnh vực ...": a number's period is no sentence end
            if m and m.start() > 0:
                cut = m.start()
        if cut > self.title_max:
            sp = seg.rfind(" ", 0, self.title_max)
            cut = sp if sp > 0 else self.title_max
        # the raw extent, without markdown marks at its ends
        end = pos + len(seg[:cut].rstrip(" \t*_"))
        start = pos
        while start < end and text[start] in "*_ ":
            start += 1
        if line_end > first_end and heading_end > first_end:
            heading_end = max(end, first_end)  # (a heading run on over wrapped lines ends with its title)
        return start, end, heading_end

    def _tree(self, found: list[RawSection], nt: NormText) -> list[RawSection]:
        stack: list[RawSection] = []
        # where a new part of the text begins (the list of recipients, an attached plan, rules or an
        # appendix under its own title in capitals): no article's clauses run past one
        parts = [m.start() for m in self.part_start.finditer(nt.fold)]
        out: list[RawSection] = []
        for s in found:
            if s.list_item and not any(not x.list_item for x in stack):
                continue  # bullets in a text with no structural heading above them: not a tree
            # close the same kind (a sibling) and everything under it
            pos = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].depth_key == s.depth_key), None)
            if pos is not None:
                del stack[pos:]
            elif s.depth_key[0] == "decimal":
                # "2.3" after "2.2.1": close deeper decimals
                while stack and stack[-1].depth_key[0] == "decimal" and stack[-1].depth_key[1] > s.depth_key[1]:
                    stack.pop()
            if s.depth_key[0] == "markdown":
                # a markdown heading closes every numbered item and every deeper markdown heading
                while stack and (stack[-1].depth_key[0] != "markdown" or stack[-1].depth_key[1] >= s.depth_key[1]):
                    stack.pop()
            if stack and stack[-1].kind in _BULLET_KINDS:
                if s.kind in ("arabic", "letter", "paren") and not _emphasised(nt.fold, s):
                    # (scope) what a bullet holds is its item's: plain numbered lines under "- Bước 2: ..." ("1. Tích
                    # chọn ...", "2. ...") are a list inside that item, never headings of the document
                    s.list_item = True
                elif not s.list_item:
                    # a heading of the document (an article, a decimal, a heading in emphasis) never stands inside a
                    # bullet: the bullets open above it are closed ("- Cà Mau: 71.500 triệu đồng" above "Điều 1. ...")
                    while stack and stack[-1].kind in _BULLET_KINDS:
                        stack.pop()
            s.parent = stack[-1] if stack else None
            s.level = len(stack) + 1
            if s.kind in _CLAUSE_KINDS and _in_article(stack, s.start, parts):
                # the numbered and lettered items of an article ("Điều 5. ... 1. ... a) ...") are its
                # clauses (khoản, điểm): the article's own text, not headings of the document
                s.list_item = s.clause = True
            stack.append(s)
            out.append(s)
        # ends: next heading at the same or a shallower level
        text_end = nt.body_end
        # the next heading at the same or a shallower level of each: one pass from the end with a
        # stack of the headings not yet closed (each pushed and popped once)
        next_start: list[int] = [text_end] * len(out)
        pending: list[RawSection] = []
        for i in range(len(out) - 1, -1, -1):
            while pending and pending[-1].level > out[i].level:
                pending.pop()
            if pending:
                next_start[i] = pending[-1].start
            pending.append(out[i])
        for i, s in enumerate(out):
            end = next_start[i]
            while end > s.start and nt.fold[end - 1].isspace():
                end -= 1
            s.end = max(end, s.heading_end if s.heading_end <= text_end else s.start)
        # ids
        used: dict[str, int] = {}
        bullets: dict[tuple, int] = {}
        for s in out:
            label = s.label
            if s.kind in ("dash", "star"):
                key = (id(s.parent), s.kind)
                bullets[key] = bullets.get(key, 0) + 1
                label = f"{'-' if s.kind == 'dash' else '*'}{bullets[key]}"
            if s.parent is not None:
                pid = s.parent.id
                plabel = s.parent.label
                if s.kind == "decimal" and label.startswith(plabel + ".") and pid.endswith(plabel):
                    base = pid[: len(pid) - len(plabel)] + label
                else:
                    base = f"{pid}.{label}"
            else:
                base = label
            n = used.get(base, 0) + 1
            used[base] = n
            s.id = base if n == 1 else f"{base}~{n}"
        return out


# a provision cited where a quotation starts: "Căn cứ Điều 3 Thông tư ... quy định như sau:", a
# heading "Tiêu chuẩn Thẩm phán (Điều 94)"; its items follow, each paragraph opening with a label
_PROVISION = re.compile(r"(?:Điều|điều|khoản|Khoản|điểm)[ \t]+\d{1,3}")  # (a word start: checked after the match)
# the line that cites it ends in a quoting word and a colon ("... quy định như sau:", "... nêu rõ:")
# or, as a heading, in the provision in brackets ("Tiêu chuẩn Thẩm phán (Điều 94)")
_QUOTING_END = re.compile(r"(?:quy định|như sau|sau đây|nêu rõ|ghi rõ|nêu|cụ thể)[^:\n]{0,20}:$|\([^()\n]*\)$")
# a line that opens with a label of its own is a heading of its own, not the title of the one above it
_OWN_LABEL = re.compile(r"(?i)(?:câu|điều|mục|phần|chương)[ \t]+(?:\d+|[IVXLC]+)\b")
_ITEM_LABEL = re.compile(r"[ \t*_]*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|\(\d{1,3}\))[ \t]")
_ELLIPSIS_LINE = re.compile(r"[ \t*_]*(?:\.{3}|…)[ \t*_]*(?:\n|$)")
_CLAUSE_KINDS = ("arabic", "decimal", "letter", "paren")
_BULLET_KINDS = ("dash", "star")


def _in_article(stack: list[RawSection], pos: int, parts: list[int]) -> bool:
    """Whether the open headings end in an article and only clauses under it: "Điều 5." > "1." >
    "a)", with no new part of the text (``parts``: "Nơi nhận:", "KẾ HOẠCH ...") between the article
    and ``pos``. A plan set out under its own headings inside an article ("Điều 1. Phê duyệt Kế
    hoạch ... I. MỤC TIÊU 1. ...") keeps them."""
    for x in reversed(stack):
        if x.kind == "article":
            k = bisect.bisect_right(parts, x.start)
            return not (k < len(parts) and parts[k] < pos)
        if x.kind not in _CLAUSE_KINDS and not x.list_item:  # (a bullet, "* 1. ...", is an item too)
            return False
    return False


_LETTER = re.compile(r"[^\W\d_]")


def _quoted_blocks(text: str, blank_lines: bool) -> list[tuple[int, int]]:
    """(start, end) of the items of each provision a page quotes: from the end of the line that
    cites it (ending in a quoting word and ':' or, as a heading, in "(Điều 94)") over the
    paragraphs that open with an item label ("1.", "a)", "(2)"), elisions ("...") and, first, the
    article's own name ("Giải thích từ ngữ"), to the first paragraph that opens otherwise ("Như
    vậy, ...", a heading "II. GIẢI PHÁP"). In a text of blank-line paragraphs the lines inside a
    paragraph continue its item; in a text of one paragraph a line, every line is a paragraph."""
    out: list[tuple[int, int]] = []
    n = len(text)
    last = -1  # the end of the last line read: one look per line, however many provisions it cites
    for m in _PROVISION.finditer(text):
        if m.start() < last or (m.start() and _LETTER.match(text, m.start() - 1)):
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        eol = text.find("\n", m.end())
        eol = n if eol < 0 else eol
        last = eol
        if not _LETTER.search(text, ls, m.start()):
            continue  # "Điều 2. Tổ chức thực hiện:" opens the document's own article: no citation
        qm = _QUOTING_END.search(text[max(ls, eol - 60):eol].rstrip(" \t*_"))
        if not qm or (qm.group(0).startswith("(") and eol - ls > 150):
            continue  # (a provision in brackets at the end of a long sentence is no heading)
        pos = end = eol
        first = True
        lead_ok = True  # the article's own lead-in to its clauses, before the first of them
        last_num = None  # the number of the last clause read ("2." of "1.", "2.")
        while pos < n:
            k = pos
            while k < n and text[k] in " \t\n":
                k += 1
            if k >= n:
                break
            blank = text.count("\n", pos, k) > 1
            line_end = text.find("\n", k)
            line_end = n if line_end < 0 else line_end
            line = text[k:line_end].rstrip(" \t*_")
            item = _ITEM_LABEL.match(text, k) or _ELLIPSIS_LINE.match(text, k)
            if not (item
                    or (first and 0 < len(line) <= 150 and line[-1] not in ".:;?!")
                    or (lead_ok and 0 < len(line) <= 400 and line[-1] == ":")
                    or (blank_lines and not blank and end > eol)):
                resume = _clause_resumes(text, k, last_num) if last_num is not None else None
                if resume is None:
                    break  # a paragraph that opens with no label: the quotation is over
                end = pos = resume  # (a clause's own further paragraph, the numbering going on after it)
                continue
            num = _CLAUSE_NUMBER.match(text, k)
            if num:
                last_num = int(num.group(1))
            if item or line[-1:] == ":":
                lead_ok = False  # ("Công dân ... có đủ các tiêu chuẩn sau đây ...:": once, before the clauses)
            first = False
            end = pos = line_end
        if end > eol:
            out.append((eol, end))
            last = end
    return out


_CLAUSE_END = re.compile(r"[.:;!?*_|][ \t]*$")
_LOWER_START = re.compile(r"[ \t]*[" + VI_LOWER + r"]")
_BLOCK_END = re.compile(r"[.:;!?|*\"”)]\s*$")
# a quoted clause's number ("2. Thời hạn ..."), and what opens the page's own words again after a quotation
_CLAUSE_NUMBER = re.compile(r"[ \t]*(\d{1,3})\.[ \t]")
_PAGE_RESUMES = re.compile(r"[*_#>|]|(?:như vậy|theo đó|do đó|vì vậy|vậy|tóm lại|trên đây|ngoài ra|tuy nhiên|căn cứ|theo quy định|"
                           r"lưu ý|xem thêm|tham khảo)(?![^\W\d_])", re.I)


def _clause_resumes(text: str, k: int, last_num: int, most: int = 2, reach: int = 3000) -> "int | None":
    """Where a quotation's numbering resumes after the paragraphs that open with no label at ``k`` (a clause's
    own further paragraphs: "2. Thời hạn sử dụng kết quả ... \n\nQuá thời hạn nêu trên ... \n\n3. Hành vi vi phạm
    ..."): the start of the paragraph numbered ``last_num + 1`` within ``most`` paragraphs and ``reach``
    characters, none of them opening the page's own words ("Như vậy, ...", a heading in emphasis, a question).
    None when the numbering does not resume there."""
    n = len(text)
    pos = k
    for _ in range(most):
        if _PAGE_RESUMES.match(text, pos):
            return None
        line_end = text.find("\n", pos, min(n, k + reach))
        if line_end < 0:
            return None
        if text[pos:line_end].rstrip().endswith("?"):
            return None
        nxt = line_end
        while nxt < n and text[nxt] in " \t\n":
            nxt += 1
        num = _CLAUSE_NUMBER.match(text, nxt)
        if num:
            return nxt if int(num.group(1)) == last_num + 1 else None
        if _ITEM_LABEL.match(text, nxt):
            return None
        pos = nxt
    return None


_ALPHABET = "ABCDĐEFGHIKLMNOPQRSTUVXY"


def _emphasised(text: str, s: RawSection) -> bool:
    return text.startswith(("*", "_", "#"), s.start)


def _plain_letters_are_clauses(text: str, found: list[RawSection]) -> None:
    """A document that sets its headings in emphasis ("**I. MỤC ĐÍCH**", "**1. Mục đích**"; a line that
    opens with '*', '_' or '#') marks what is a heading by that emphasis: a lettered item in plain text under
    them ("a) Triển khai nghiêm túc ...") is a clause of the heading's text, not a heading of its own.
    The convention must be the document's: two roman headings and three numbered ones in emphasis at
    least, and at most one numbered heading in four plain (a plan that emphasises only its parts keeps
    its plain "a)" headings)."""
    roman = numbered = plain = 0
    for s in found:
        if s.kind == "roman" and _emphasised(text, s):
            roman += 1
        elif s.kind in ("arabic", "decimal"):
            if _emphasised(text, s):
                numbered += 1
            else:
                plain += 1
    if roman < 2 or numbered < 3 or plain > numbered // 4:
        return
    for s in found:
        if s.kind == "letter" and not s.list_item and not _emphasised(text, s):
            s.list_item = True


def _one_run(labels: list[str]) -> bool:
    """Whether letter labels run as one sequence from the first letter ("A B C D"; "Đ" after
    "D" optional), with no repeat."""
    pos = [(_ALPHABET.index(x) if x in _ALPHABET else -1) for x in labels]
    if pos[0] != 0 or -1 in pos:
        return False
    for p, q in zip(pos, pos[1:]):
        if not (q == p + 1 or (_ALPHABET[p] == "D" and q == p + 2)):
            return False
    return True


def _starts_block(text: str, line_start: int) -> bool:
    if line_start == 0:
        return True
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    prev = text[prev_start:prev_end]
    return not prev.strip() or bool(_BLOCK_END.search(prev))


@component("sections", assigns=("sections",), rules=("headings",))
def extract_sections(ctx: Context) -> SectionTree:
    """The heading tree of the document."""
    raw = ctx.rules.compiled("sections", SectionFinder).find(ctx.nt)
    out = []
    for s in raw:
        title = ctx.nt.orig_text(s.title_start, s.title_end).replace("**", "").strip() or None
        out.append(Section(
            id=s.id, label=s.label, kind=s.kind, list_item=s.list_item, title=title, level=s.level,
            parent=s.parent.id if s.parent else None,
            heading=ctx.ground(s.start, s.heading_end), **ctx.span(s.start, s.end),
        ))
    return SectionTree(tuple(raw), tuple(out))

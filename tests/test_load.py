"""Stage 1: bytes to text; bad input is a clear error naming the input."""
import codecs
import unicodedata

import pytest

from pipeline import InputError, extract, extract_bytes
from pipeline.text.load import decode

TEXT = "Đồng chí Lê Tiến Châu được chỉ định giữ chức vụ Bí thư Thành uỷ khoá I."


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_accepted_encodings_decode_to_the_same_text(data, encoding):
    loaded = decode(data, "x.txt")
    assert loaded.text == TEXT
    assert loaded.encoding == encoding


@pytest.mark.parametrize("data,problem", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
    ("Thành phố Hải Phòng".encode("cp1258", errors="ignore") + b"\xff\xfe\xfa", "not valid UTF-8"),
    ("Hải Phòng".encode("utf-16-le"), "binary"),  # UTF-16 without BOM has NUL bytes
])
def test_bad_bytes_are_a_clear_error_naming_the_file(data, problem):
    with pytest.raises(InputError) as err:
        decode(data, "bad/file.txt")
    assert err.value.source == "bad/file.txt"
    assert problem in str(err.value)


def test_bom_is_not_part_of_the_text_offsets_count_from_after_it():
    doc = extract_bytes(codecs.BOM_UTF8 + "I. KẾT QUẢ\n1. Nội dung: tốt.".encode("utf-8"))
    assert doc.sections[0].span.start == 0
    assert doc.sections[0].heading.text.startswith("I. KẾT QUẢ")


def test_nfd_input_gives_offsets_into_the_nfd_text():
    nfc = "I. KẾT QUẢ ĐẠI HỘI\n1. Công tác chuẩn bị Đại hội: Được triển khai nghiêm túc.\n"
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    doc = extract(nfd)
    assert doc.source.nfc_changed is True
    assert [s.label for s in doc.sections] == ["I", "1"]
    for s in doc.sections:
        assert nfd[s.span.start:s.span.end] == s.text
        assert nfd[s.heading.span.start:s.heading.span.end] == s.heading.text
    assert unicodedata.normalize("NFC", doc.sections[1].title) == "Công tác chuẩn bị Đại hội"


def test_empty_string_is_an_input_error():
    with pytest.raises(InputError):
        extract("  \n ")

"""Stage 3: syllable tokens with punctuation split off; sentences."""
import pytest

from pipeline.text.tokenise import sentence_starts, tokenise


@pytest.mark.parametrize("text,tokens", [
    ("(bằng 99,8%);", ["(", "bằng", "99,8", "%", ")", ";"]),
    ("11.247 USD/người", ["11.247", "USD", "/", "người"]),
    ("15,5 - 16,5%/năm", ["15,5", "-", "16,5", "%", "/", "năm"]),
    ("62%-63%", ["62", "%", "-", "63", "%"]),
    ("ngày 26/9/2025,", ["ngày", "26/9/2025", ","]),
    ("“Dân vận khéo”", ["“", "Dân", "vận", "khéo", "”"]),
    ("kinh tế-xã hội", ["kinh", "tế", "-", "xã", "hội"]),
    ("2025-2030", ["2025", "-", "2030"]),
])
def test_tokens(text, tokens):
    assert [t.text for t in tokenise(text)] == tokens


def test_token_offsets_are_character_offsets():
    text = "Nam: 351 đại biểu (bằng 78,9%), nữ: 94 đại biểu."
    doc = tokenise(text)
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text


def test_sentences_end_at_punctuation_headings_and_line_breaks():
    text = "I. VỀ ĐẠI BIỂU\n1.1. Số đại biểu: 446 đại biểu. Trong đó có 77 đại biểu.\n- Nam: 351 đại biểu"
    sents = [s.text.strip() for s in tokenise(text).sents]
    assert sents == ["I. VỀ ĐẠI BIỂU", "1.1. Số đại biểu: 446 đại biểu.", "Trong đó có 77 đại biểu.", "- Nam: 351 đại biểu"]


def test_seed_has_many_sentences(seed_text):
    # blank("vi") without pyvi finds one sentence in the whole text; ours must not.
    assert len(sentence_starts(seed_text)) > 200


def test_regression_period_before_a_footnote_mark_is_split_off():
    assert [t.text for t in tokenise("Chủ tịch Quốc hội Trần Thanh Mẫn.[6]")][-5:] == ["Mẫn", ".", "[", "6", "]"]


def test_regression_a_list_run_together_by_scraping_was_one_sentence():
    # ":- A.- B." and "... thải.Tổng ...": a sentence starts at each item's dash and after a glued stop
    from pipeline.text.tokenise import sentence_starts
    text = "Mục tiêu:- 85% dân số có nước sạch.- 70% hộ có nhà tiêu.Tổng kinh phí 20 tỷ đồng. TP.HCM có 2 cầu."
    starts = sentence_starts(text, wrapped=False)
    assert text.index("- 85%") in starts and text.index("- 70%") in starts and text.index("Tổng") in starts
    assert text.index("HCM") not in starts  # an abbreviation's stop between capitals is no sentence end

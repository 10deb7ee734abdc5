"""Review pages: the document text with every extracted item highlighted, as self-contained HTML.

>>> from pipeline import extract, to_html
>>> text = "I. KẾT QUẢ\\n1. Số đại biểu: 445 đại biểu (bằng 99,8%)."
>>> page = to_html(extract(text), text)
>>> page.startswith("<!DOCTYPE html>")
True
"""
from .items import SpanMismatch
from .page import index_html, to_html

__all__ = ["to_html", "index_html", "SpanMismatch"]

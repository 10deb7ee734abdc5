"""vn-announce: a staged, rule-based pipeline turning Vietnamese official announcements into
schema-validated JSON grounded in the source by character offsets.

>>> from pipeline import extract
>>> doc = extract("I. KẾT QUẢ\\n1. Số đại biểu: 445 đại biểu (bằng 99,8%).")
>>> [s.id for s in doc.sections]
['I', 'I.1']
"""
from .errors import ContractError, InputError, RuleError
from .extract import extract, extract_bytes, extract_file, to_json
from .contract.models import SCHEMA_VERSION, Announcement
from .rules import Rules, load_rules
from .review import index_html, to_html
from .stream import Result, extract_many

__version__ = "0.1.0"
__all__ = ["extract", "extract_file", "extract_bytes", "to_json", "Announcement", "SCHEMA_VERSION",
           "InputError", "RuleError", "ContractError", "Rules", "load_rules",
           "to_html", "index_html", "extract_many", "Result", "__version__"]

"""Print the pass rate per phenomenon of the construction tables and every failing row;
`--update` raises tests/corpus/constructions_floor.json to the current rates (never lowers)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from constructions import FLOORS, figure_row_problems, load, people_row_problems, score  # noqa: E402

TABLES = {"constructions_figures.yaml": figure_row_problems,
          "constructions_people_event.yaml": people_row_problems}

if __name__ == "__main__":
    old = json.load(open(FLOORS, encoding="utf-8")) if os.path.exists(FLOORS) else {}
    new = {}
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    for table, check in TABLES.items():
        if only and not any(o in table for o in only):
            new[table] = old.get(table, {})
            continue
        rates, fails = score(load(table), check)
        print(f"== {table}")
        for k, v in sorted(rates.items()):
            print(f"  {k:<28} {v:.3f}  (floor {old.get(table, {}).get(k, 0):.3f})")
        if "--rows" in sys.argv:
            for rid, probs in sorted(fails.items()):
                print(f"  FAIL {rid}: {'; '.join(probs)}")
        new[table] = {k: max(v, old.get(table, {}).get(k, 0.0)) for k, v in rates.items()}
    if "--update" in sys.argv:
        with open(FLOORS, "w", encoding="utf-8") as fh:
            json.dump(new, fh, indent=1, sort_keys=True)
            fh.write("\n")
        print("floors written")

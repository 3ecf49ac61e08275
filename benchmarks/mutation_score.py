"""The kill rate of the last `mutmut run`, per module and in all; exits 1 below the gate.

Reads mutmut's own result files (mutants/**/*.py.meta). A mutant that no selected test runs
("no tests") counts as a survivor. Mutants listed in benchmarks/mutation-equivalent.txt, each
with why no test can tell it from the original, are left out of the rate and shown apart.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

GATE = 95.0
ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = Path(__file__).resolve().parent / "mutation-equivalent.txt"
KILLED = {1, 3, 24, -24, 36, 37, 152, 255}  # a failing test, pytest's internal error, a timeout, the type check


def equivalent() -> dict[str, str]:
    """Mutant name -> why it cannot be killed, from ``name  # reason`` lines."""
    if not EQUIVALENT.exists():
        return {}
    out = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        name, _, why = line.partition("#")
        if name.strip():
            out[name.strip()] = why.strip()
    return out


def main() -> int:
    metas = sorted((ROOT / "mutants").rglob("*.py.meta"))
    if not metas:
        print("No mutation results: run `make mutation` first.")
        return 1
    skip = equivalent()
    totals: Counter[str] = Counter()
    survivors: list[str] = []
    print(f"{'module':28} {'mutants':>8} {'killed':>7} {'alive':>6} {'equiv.':>6} {'rate':>7}")
    for meta in metas:
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        row: Counter[str] = Counter()
        for name, code in codes.items():
            if name in skip:
                row["equivalent"] += 1
            elif code is None:
                row["unchecked"] += 1
                survivors.append(f"{name} (not checked)")
            elif code in KILLED:
                row["killed"] += 1
            else:
                row["alive"] += 1
                survivors.append(name if code == 0 else f"{name} (exit {code})")
        counted = row["killed"] + row["alive"] + row["unchecked"]
        rate = 100.0 * row["killed"] / counted if counted else 100.0
        module = str(meta.relative_to(ROOT / "mutants")).removesuffix(".meta")
        print(f"{module:28} {len(codes):8} {row['killed']:7} {row['alive'] + row['unchecked']:6} "
              f"{row['equivalent']:6} {rate:6.1f}%")
        totals.update(row)
    counted = totals["killed"] + totals["alive"] + totals["unchecked"]
    rate = 100.0 * totals["killed"] / counted if counted else 100.0
    print(f"{'all':28} {counted + totals['equivalent']:8} {totals['killed']:7} "
          f"{totals['alive'] + totals['unchecked']:6} {totals['equivalent']:6} {rate:6.1f}%")
    if survivors:
        print("\nAlive (see them with `.venv/bin/mutmut show NAME`):")
        print("\n".join(f"  {name}" for name in survivors))
    checked = totals["killed"] + totals["alive"]
    among = 100.0 * totals["killed"] / checked if checked else 100.0
    print(f"\nKill rate {rate:.1f}% (gate {GATE:.0f}%), equivalent mutants left out: {totals['equivalent']}")
    if totals["unchecked"]:
        print(f"{totals['unchecked']} mutants not checked yet (counted alive above); "
              f"of the {checked} checked, {among:.1f}% were killed")
    return 0 if rate >= GATE else 1


if __name__ == "__main__":
    sys.exit(main())

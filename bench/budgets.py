"""Figures beside their budgets: every benchmark reports through figure(), run.py sums up.

A budget is a promise about this product on a machine like the one in bench/README.md; a
figure that misses it prints FAIL and makes `make bench` exit non-zero. Figures without a
budget are printed for comparison only.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    budget: float | None = None
    at_least: bool = True  # the budget is a floor (throughput) rather than a ceiling (time)

    @property
    def holds(self) -> bool | None:
        if self.budget is None:
            return None
        return self.value >= self.budget if self.at_least else self.value <= self.budget

    def __str__(self) -> str:
        text = f"{self.name}: {self.value:,.1f} {self.unit}"
        if self.budget is None:
            return text + "  (no budget, for comparison)"
        sign = ">=" if self.at_least else "<="
        verdict = "PASS" if self.holds else "FAIL"
        return f"{text}  (budget {sign} {self.budget:,g} {self.unit})  {verdict}"


FIGURES: list[Figure] = []


def figure(
    name: str, value: float, unit: str, budget: float | None = None, *, at_least: bool = True
) -> Figure:
    """Record and print one figure."""
    measured = Figure(name, value, unit, budget, at_least)
    FIGURES.append(measured)
    print(f"  {measured}", flush=True)
    return measured

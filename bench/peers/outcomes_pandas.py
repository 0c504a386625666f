#!/usr/bin/python3
"""pandas peer of the `outcomes` benchmark (bench/Research.Bench/Outcomes/OutcomeBenchmark.cs).

Reads the register columns the C# harness wrote (person, month index, on_benefit, contract hours, earnings; per person
randomisation month, municipality, arm, intervention-end month) into a DataFrame (not timed), then times the same
derivation as the C# side, written as idiomatic vectorised pandas: relative months, CPB statuses (> 27 h off benefit,
> 12 h, off benefit), one person x month pivot of all outcomes, values at months 12, 24 and the intervention end, the mean
over months 1-24, the 12-month baseline, monthly means by municipality and arm, durable outflow (a 6-month moving
sum of shifted columns within months 1-24; DataFrame.rolling over 400,000 transposed columns takes minutes) and the
first outflow month (censored at 48). Prints one JSON line with best-of-N seconds, peak RSS and the checksums the C#
side compares.
Usage: /usr/bin/python3 outcomes_pandas.py FOLDER [REPEATS]
"""
import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd

STATUSES = {"full": "FullOutflow", "partial": "PartialOrFullOutflow", "indep": "BenefitIndependence"}
AMOUNTS = {"earnings": "Earnings", "hours": "Hours"}
MONTHS_AFTER = 48


def load(folder):
    def read(name, dtype):
        return np.fromfile(os.path.join(folder, name), dtype=dtype)

    register = pd.DataFrame({
        "person": read("person.i32", "<i4"),
        "month": read("month.i32", "<i4"),
        "on_benefit": read("on_benefit.u8", "u1"),
        "hours": read("hours.f64", "<f8"),
        "earnings": read("earnings.f64", "<f8"),
    })
    people = pd.DataFrame({
        "randomised": read("randomised.i32", "<i4"),
        "municipality": read("municipality.i32", "<i4"),
        "arm": read("arm.i32", "<i4"),
        "end": read("intervention_end.i32", "<i4"),
    })
    return register, people


def derive(register, people):
    n = len(people)
    df = register.assign(t=register["month"].to_numpy() - people["randomised"].to_numpy()[register["person"].to_numpy()])
    df = df[df["t"] >= -12]
    off = df["on_benefit"] == 0
    df = df.assign(full=(off & (df["hours"] > 27)).astype(float))
    df = df.assign(partial=((df["hours"] > 12) | (df["full"] == 1)).astype(float), indep=off.astype(float))
    df = df.merge(people[["municipality", "arm"]], left_on="person", right_index=True)
    rows = np.arange(n)
    checksums = {}
    columns = list({**STATUSES, **AMOUNTS})
    # One reshape and one grouping for all five outcomes, as a pandas user would write it.
    panel = df.pivot(index="person", columns="t", values=columns)
    monthly = df.groupby(["municipality", "arm", "t"])[columns].mean()
    for col, name in {**STATUSES, **AMOUNTS}.items():
        wide = panel[col]
        first = wide.columns[0]
        checksums[f"{name}_at_12"] = wide[12].mean()
        checksums[f"{name}_at_24"] = wide[24].mean()
        checksums[f"{name}_at_end"] = wide.to_numpy()[rows, people["end"].to_numpy() - first].mean()
        checksums[f"{name}_mean_1_24"] = wide.loc[:, 1:24].mean(axis=1).mean()
        checksums[f"{name}_pre_12"] = wide.loc[:, -12:-1].mean(axis=1).mean()
        checksums[f"{name}_monthly"] = monthly[col].sum()
        if col in STATUSES:
            window = wide.loc[:, 1:24]
            run6 = sum(window.shift(k, axis=1) for k in range(6))
            checksums[f"{name}_durable_6_24"] = (run6.max(axis=1) >= 6).mean()
            hit = wide.loc[:, 1:MONTHS_AFTER].eq(1)
            event = hit.any(axis=1)
            months = hit.idxmax(axis=1).where(event, MONTHS_AFTER)
            checksums[f"{name}_ttf_months"] = months.mean()
            checksums[f"{name}_ttf_events"] = float(event.sum())
    return {k: float(v) for k, v in checksums.items()}


def main():
    folder = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    register, people = load(folder)
    times, checksums = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        checksums = derive(register, people)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": min(times), "peak_rss_mib": peak, "checksums": checksums}))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Independent pandas computation of the outcome measures (lib/Research.Analysis/Outcomes) on the fixture extract.

Usage: /usr/bin/python3 reference_outcomes.py   (writes reference_persons.csv and reference_monthly.csv next to itself)

Definitions (CPB defaults): month t is relative to the calendar month of randomisation; months before -12 are dropped.
  full outflow     = off benefit and contract_hours > 27
  partial or full  = contract_hours > 12, or full outflow
  benefit indep.   = off benefit
  earnings outflow = off benefit and earnings >= 1105 (70% of the 2018 minimum wage)
  at_<h>           = value in month h (h = 12, 24, end = month holding the intervention end, primary = primary horizon)
  mean_1_24        = mean over months 1..24 (share of months for a status)
  pre_12           = mean over months -12..-1
  durable_by_6_24  = some run of >= 6 consecutive status months within months 1..24
  durable_at_3_12  = status in each of months 10, 11, 12
  ttf_<cap>        = first status month from month 1 on (event) or censoring at min(cap, last register month)
The measures are computed with pandas reshaping and rolling windows, not by porting the C# loops.
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
EXTRACT = os.path.join(HERE, "extract")
STATUSES = {"full": "FullOutflow", "partial": "PartialOrFullOutflow", "indep": "BenefitIndependence", "earn": "EarningsOutflow"}
AMOUNTS = {"earnings": "Earnings", "hours": "Hours", "benefit_amount": "BenefitAmount"}


def month_index(text):
    return text.str.slice(0, 4).astype(int) * 12 + text.str.slice(5, 7).astype(int) - 1


def main():
    people = pd.read_csv(os.path.join(EXTRACT, "participants.csv"), dtype={"person_id": str})
    register = pd.read_csv(os.path.join(EXTRACT, "register_months.csv"), dtype={"person_id": str})
    designs = pd.DataFrame(json.load(open(os.path.join(EXTRACT, "experiments.json")))["experiments"])
    people = people.merge(designs[["municipality", "interventionEnd", "primaryHorizonMonths"]], on="municipality", how="left", validate="m:1")
    people["rand"] = month_index(people["randomisation_date"])
    people["end"] = month_index(people["interventionEnd"]) - people["rand"]

    register = register.merge(people[["person_id", "rand"]], on="person_id", how="inner", validate="m:1")
    register["t"] = month_index(register["month"]) - register["rand"]
    register = register[register["t"] >= -12]
    off = register["on_benefit"] == 0
    register["full"] = (off & (register["contract_hours"] > 27)).astype(float)
    register["partial"] = ((register["contract_hours"] > 12) | (register["full"] == 1)).astype(float)
    register["indep"] = off.astype(float)
    register["earn"] = (off & (register["earnings"] >= 1105)).astype(float)
    register = register.rename(columns={"contract_hours": "hours"})

    ids = people["person_id"]
    out = pd.DataFrame({"person_id": ids})
    last = register.groupby("person_id")["t"].max().reindex(ids).to_numpy()
    out["last"] = last
    for col, name in {**STATUSES, **AMOUNTS}.items():
        wide = register.pivot(index="person_id", columns="t", values=col).reindex(ids)
        out[f"{name}_at_12"] = wide[12].to_numpy()
        out[f"{name}_at_24"] = wide[24].to_numpy()
        out[f"{name}_at_end"] = [wide.at[p, e] for p, e in zip(ids, people["end"])]
        out[f"{name}_at_primary"] = [wide.at[p, h] for p, h in zip(ids, people["primaryHorizonMonths"])]
        out[f"{name}_mean_1_24"] = wide.loc[:, 1:24].mean(axis=1).to_numpy()
        out[f"{name}_pre_12"] = wide.loc[:, -12:-1].mean(axis=1).to_numpy()
        if col in STATUSES:
            window = wide.loc[:, 1:24]
            out[f"{name}_durable_by_6_24"] = (window.T.rolling(6).sum().T.max(axis=1) >= 6).astype(float).to_numpy()
            out[f"{name}_durable_at_3_12"] = (wide.loc[:, 10:12].sum(axis=1) == 3).astype(float).to_numpy()
            after = wide.loc[:, 1:]
            for cap in (24, 100):
                capped = after.loc[:, :cap]
                hit = capped.eq(1)
                first = hit.idxmax(axis=1).where(hit.any(axis=1))
                out[f"{name}_ttf_{cap}_event"] = first.notna().astype(int).to_numpy()
                out[f"{name}_ttf_{cap}_months"] = first.fillna(np.minimum(cap, pd.Series(last, index=ids))).astype(int).to_numpy()
    out.to_csv(os.path.join(HERE, "reference_persons.csv"), index=False, float_format="%.17g")

    monthly = (register.merge(people[["person_id", "municipality", "arm"]], on="person_id")
               .groupby(["municipality", "arm", "t"])
               .agg(n=("full", "size"), FullOutflow=("full", "mean"), Earnings=("earnings", "mean"))
               .reset_index())
    monthly.to_csv(os.path.join(HERE, "reference_monthly.csv"), index=False, float_format="%.17g")


if __name__ == "__main__":
    main()

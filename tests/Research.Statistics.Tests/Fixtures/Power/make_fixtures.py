"""Reference values for Research.Statistics.Power from statsmodels (two-sided, both tails): NormalIndPower for the
z test, and statsmodels.stats.power.ttest_power (scipy's noncentral t) for the t test, with noncentrality
lambda = delta / SE passed as effect_size with nobs = 1 and df = randomised units - 2.

Run with the system python that has statsmodels:  /usr/bin/python3 make_fixtures.py  (writes power_cases.json)
Clustering enters through effective sample sizes n/DEFF per arm, DEFF = 1 + ((1 + CV^2) m - 1) ICC.
"""
import json
import math

from scipy.optimize import brentq
from statsmodels.stats.power import NormalIndPower, ttest_power

ENGINE = NormalIndPower()


def sd_of(outcome):
    kind, value = outcome
    return value if kind == "continuous" else math.sqrt(value * (1 - value))


def deff(clustering, n):
    if clustering is None:
        return 1.0
    icc, m, j, cv = clustering["icc"], clustering.get("m"), clustering.get("j"), clustering.get("cv", 0.0)
    size = m if m is not None else n / j
    return 1 + ((1 + cv * cv) * size - 1) * icc


def units_df(n_t, n_c, clustering):
    if clustering is None:
        return n_t + n_c - 2
    if clustering.get("j") is not None:
        return 2 * clustering["j"] - 2
    return (n_t + n_c) / clustering["m"] - 2


def t_power(effect, sd, n_t, n_c, clustering, alpha):
    se = sd * math.sqrt(deff(clustering, n_t) / n_t + deff(clustering, n_c) / n_c)
    return float(ttest_power(effect / se, 1, alpha, df=units_df(n_t, n_c, clustering), alternative="two-sided"))


def effective(n_t, n_c, clustering):
    e_t, e_c = n_t / deff(clustering, n_t), n_c / deff(clustering, n_c)
    return e_t, e_c / e_t  # nobs1 and ratio for statsmodels


designs = [
    dict(n_t=50, n_c=50, outcome=("binary", 0.3), clustering=None, alpha=0.05, power=0.8, effect=0.1),
    dict(n_t=1000, n_c=1000, outcome=("binary", 0.1), clustering=None, alpha=0.05, power=0.9, effect=0.03),
    dict(n_t=300, n_c=150, outcome=("continuous", 12.5), clustering=None, alpha=0.1, power=0.8, effect=3.0),
    dict(n_t=400, n_c=400, outcome=("binary", 0.25), clustering=dict(icc=0.05, m=20), alpha=0.05, power=0.8, effect=0.08),
    dict(n_t=400, n_c=400, outcome=("binary", 0.25), clustering=dict(icc=0.05, m=20, cv=0.4), alpha=0.05, power=0.8, effect=0.08),
    dict(n_t=600, n_c=500, outcome=("continuous", 1.0), clustering=dict(icc=0.02, j=10), alpha=0.05, power=0.8, effect=0.25),
    # Three clusters per arm with a high ICC: no arm size reaches the effect (n_per_arm = null).
    dict(n_t=300, n_c=300, outcome=("continuous", 1.0), clustering=dict(icc=0.2, j=3), alpha=0.05, power=0.8, effect=0.3),
    dict(n_t=12, n_c=12, outcome=("continuous", 1.0), clustering=None, alpha=0.05, power=0.5, effect=1.0),
]

cases = []
for d in designs:
    sd = sd_of(d["outcome"])
    nobs1, ratio = effective(d["n_t"], d["n_c"], d["clustering"])
    # solve_power stops at about 1e-6 relative; refine its answer with a tight brentq on NormalIndPower.power itself.
    rough = ENGINE.solve_power(effect_size=None, nobs1=nobs1, alpha=d["alpha"], power=d["power"], ratio=ratio, alternative="two-sided")
    std_mde = brentq(lambda es: ENGINE.power(es, nobs1, d["alpha"], ratio=ratio, alternative="two-sided") - d["power"],
                     rough * 0.9, rough * 1.1, xtol=1e-15, rtol=1e-15)
    power = ENGINE.power(d["effect"] / sd, nobs1, d["alpha"], ratio=ratio, alternative="two-sided")
    # Sample size for the same effect with equal allocation: control n such that power is reached.
    clustering = d["clustering"]

    def target(n):
        n1, r = effective(n, n, clustering)
        return ENGINE.power(d["effect"] / sd, n1, d["alpha"], ratio=r, alternative="two-sided") - d["power"]

    low = clustering["j"] if clustering and "j" in clustering else 2.0
    n_needed = brentq(target, low, 1e9, xtol=1e-12, rtol=1e-15) if target(1e9) > 0 else None

    # t test: the same three quantities.
    n_t, n_c, alpha = d["n_t"], d["n_c"], d["alpha"]
    mde_t = brentq(lambda e: t_power(e, sd, n_t, n_c, clustering, alpha) - d["power"], 1e-9 * sd, 100 * sd, xtol=1e-15, rtol=1e-15)
    target_t = lambda n: t_power(d["effect"], sd, n, n, clustering, alpha) - d["power"]
    low_t = max(low, 3 * (clustering["m"] if clustering and "m" in clustering else 1) / 2)
    n_needed_t = brentq(target_t, low_t + 1e-9, 1e9, xtol=1e-12, rtol=1e-15) if n_needed is not None else None
    cases.append(dict(d, sd=sd, mde=std_mde * sd, standardised_mde=float(std_mde), power_at_effect=float(power), n_per_arm=n_needed,
                      df=units_df(n_t, n_c, clustering), mde_t=mde_t, power_at_effect_t=t_power(d["effect"], sd, n_t, n_c, clustering, alpha),
                      n_per_arm_t=n_needed_t))

with open("power_cases.json", "w") as f:
    json.dump(cases, f, indent=2)

"""Reference for CaseworkerIcc: one-way ANOVA intraclass correlation via statsmodels' anova_lm.

Writes icc_data.csv (caseworker, y) and icc_expected.json. Run with /usr/bin/python3 (statsmodels, pandas, numpy).
"""
import json
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm

rng = np.random.default_rng(20261127)
rows = []
for j in range(12):
    size = int(rng.integers(3, 15))          # unequal cluster sizes
    effect = rng.normal(0, 0.15)
    for _ in range(size):
        rows.append((f"CW-{j:02d}", float(rng.random() < 0.3 + effect)))
data = pd.DataFrame(rows, columns=["caseworker", "y"])
data.to_csv("icc_data.csv", index=False, float_format="%.1f")

table = anova_lm(smf.ols("y ~ C(caseworker)", data=data).fit())
msb = table.loc["C(caseworker)", "mean_sq"]
msw = table.loc["Residual", "mean_sq"]
sizes = data.groupby("caseworker").size().to_numpy()
n, j = sizes.sum(), len(sizes)
m0 = (n - (sizes ** 2).sum() / n) / (j - 1)
icc = max(0.0, (msb - msw) / (msb + (m0 - 1) * msw))
mean = n / j
cv = sizes.std(ddof=0) / mean
with open("icc_expected.json", "w") as f:
    json.dump({"icc": icc, "mean_cluster_size": mean, "size_variation": cv}, f, indent=1)
print(icc, mean, cv)

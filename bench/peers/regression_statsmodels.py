#!/usr/bin/python3
"""statsmodels peer of the `regression` benchmark (bench/Research.Bench/Statistics/RegressionBenchmark.cs).

Reads the data the C# harness wrote (X row-major float64, y, yb, int32 cluster ids) and times
OLS(...).fit(cov_type='cluster') (statsmodels' default small-sample correction, the same as CR1) and
Logit(...).fit() (Newton). Prints one JSON line with best-of-N seconds, peak RSS and the estimates.
Usage: /usr/bin/python3 regression_statsmodels.py FOLDER [REPEATS]
"""
import json
import os
import resource
import sys
import time

import numpy as np
import statsmodels.api as sm


def best(repeats, fn):
    result, times = None, []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    folder = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    n, k = (int(v) for v in open(os.path.join(folder, "shape.txt")).read().split())
    X = np.fromfile(os.path.join(folder, "X.f64"), dtype="<f8").reshape(n, k)
    y = np.fromfile(os.path.join(folder, "y.f64"), dtype="<f8")
    yb = np.fromfile(os.path.join(folder, "yb.f64"), dtype="<f8")
    groups = np.fromfile(os.path.join(folder, "cluster.i32"), dtype="<i4")

    ols_seconds, ols = best(repeats, lambda: sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": groups}))
    logit_seconds, logit = best(repeats, lambda: sm.Logit(yb, X).fit(disp=0, tol=1e-12, maxiter=100))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({
        "ols_seconds": ols_seconds,
        "logit_seconds": logit_seconds,
        "peak_rss_mib": peak,
        "ols_params": ols.params.tolist(),
        "ols_bse": ols.bse.tolist(),
        "logit_params": logit.params.tolist(),
        "logit_bse": logit.bse.tolist(),
    }))


if __name__ == "__main__":
    main()

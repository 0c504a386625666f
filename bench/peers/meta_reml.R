# Peer for the meta-reml benchmark: metafor rma(REML, knha) + confint (Q-profile), k = 13 (dat.bcg).
# Rscript bench/peers/meta_reml.R
suppressPackageStartupMessages(library(metafor))
dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
n <- 1000
t <- system.time(for (i in seq_len(n)) confint(rma(yi, vi, data = dat, method = "REML", test = "knha")))
cat(sprintf("metafor k = 13 x %d: %.1f ms  (%.1f us per fit)\n", n, 1000 * t[["elapsed"]], 1e6 * t[["elapsed"]] / n))

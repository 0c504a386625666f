# Peer for `Research.Bench scales-scoring`: the same workload in R.
# Usage: Rscript bench/peers/scales_scoring.R [rows]   (default 1,000,000)
# 30 item columns (WHO-5 0-5, SWLS 1-7, K10 1-5, GSE 1-4), 4 % missing; scores as declared in data-schema/instruments:
# WHO-5 raw and x4 (complete), SWLS sum (complete), K10 flipped sum with per-wave sample-item-mean imputation
# (<= 2 missing), GSE mean with >= 7 answered and sum (complete). Timed twice: vectorised base R, and psych::scoreItems.
suppressPackageStartupMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args) > 0) as.integer(args[1]) else 1e6
set.seed(20261127)
latent <- runif(n, -1, 1)
make <- function(k, lo, hi) {
  sapply(seq_len(k), function(j) {
    p <- pmin(pmax(0.5 + 0.35 * latent + 0.25 * (runif(n) - 0.5), 0), 1)
    x <- lo + round(p * (hi - lo))
    x[runif(n) < 0.04] <- NA
    x
  })
}
who5 <- make(5, 0, 5); swls <- make(5, 1, 7); k10 <- make(10, 1, 5); gse <- make(10, 1, 4)
wave <- rep(0:1, length.out = n)
cat(sprintf("%s respondents x 30 items, R %s, psych %s\n", format(n, big.mark = ",", scientific = FALSE), getRversion(), packageVersion("psych")))

base_r <- function() {
  raw <- rowSums(who5); pct <- raw * 4
  sw <- rowSums(swls)
  f <- 6 - k10; miss <- rowSums(is.na(f)); k <- rep(NA_real_, n)
  for (w in 0:1) {
    rows <- wave == w; fw <- f[rows, ]; means <- colMeans(fw, na.rm = TRUE)
    fw[is.na(fw)] <- means[col(fw)[is.na(fw)]]
    k[rows] <- rowSums(fw)
  }
  k[miss >= 3] <- NA
  gm <- rowMeans(gse, na.rm = TRUE); gm[rowSums(!is.na(gse)) < 7] <- NA
  gs <- rowSums(gse)
  list(raw, pct, sw, k, gm, gs)
}
with_psych <- function() {
  list(
    scoreItems(rep(1, 5), who5, totals = TRUE, impute = "none", min = 0, max = 5)$scores,
    scoreItems(rep(1, 5), swls, totals = TRUE, impute = "none", min = 1, max = 7)$scores,
    lapply(0:1, function(w) scoreItems(rep(1, 10), 6 - k10[wave == w, ], totals = TRUE, impute = "mean", min = 1, max = 5)$scores),
    scoreItems(rep(1, 10), gse, totals = FALSE, impute = "none", min = 1, max = 4)$scores)
}
for (run in 1:3) cat(sprintf("base R run %d: %8.1f ms\n", run, 1000 * system.time(base_r())[["elapsed"]]))
cat(sprintf("psych::scoreItems:  %8.1f ms\n", 1000 * system.time(suppressWarnings(with_psych()))[["elapsed"]]))
alpha_time <- system.time(suppressWarnings(alpha(6 - k10)))[["elapsed"]]
cat(sprintf("psych::alpha K10 (pairwise): %8.1f ms\n", 1000 * alpha_time))

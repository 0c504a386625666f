# Reference values for Research.Statistics.Indices.SummaryIndex: Anderson's (2008) inverse-covariance-weighted index,
# written out by hand in base R (no package implements it on Debian). Run from this folder:
#   Rscript make_fixtures.R   (writes summary_index_cases.json)
suppressPackageStartupMessages(library(jsonlite))
set.seed(20261204)

n <- 160
arm <- sample(rep(c("control", "A", "B"), c(60, 50, 50)))
latent <- rnorm(n) + 0.4 * (arm == "A")
who5 <- round(50 + 15 * latent + rnorm(n, 0, 10))
k10 <- round(20 - 4 * latent + rnorm(n, 0, 4))            # higher = more distress: flipped
swls <- round(20 + 4 * latent + rnorm(n, 0, 4))
mastery <- round(24 + 3 * latent + rnorm(n, 0, 3))
ladder <- round(pmin(10, pmax(0, 6 + 1.2 * latent + rnorm(n, 0, 1.5))))
# Item nonresponse: each component missing for some respondents, a few missing everything.
for (v in c("who5", "k10", "swls", "mastery", "ladder")) { x <- get(v); x[sample(n, 12)] <- NA; assign(v, x) }
gone <- sample(n, 4); who5[gone] <- NA; k10[gone] <- NA; swls[gone] <- NA; mastery[gone] <- NA; ladder[gone] <- NA

Y <- cbind(who5, k10, swls, mastery, ladder)
higher_is_better <- c(TRUE, FALSE, TRUE, TRUE, TRUE)
control <- arm == "control"

anderson <- function(sample_rows, minimum, restandardise) {
  k <- ncol(Y)
  z <- Y
  mu <- numeric(k); s <- numeric(k)
  for (j in 1:k) {
    cj <- Y[control & !is.na(Y[, j]), j]
    mu[j] <- sum(cj) / length(cj)
    s[j] <- sqrt(sum((cj - mu[j])^2) / (length(cj) - 1))
    z[, j] <- (if (higher_is_better[j]) 1 else -1) * (Y[, j] - mu[j]) / s[j]
  }
  S <- matrix(0, k, k)
  for (a in 1:k) for (b in 1:k) {
    both <- sample_rows & !is.na(z[, a]) & !is.na(z[, b])
    za <- z[both, a]; zb <- z[both, b]
    S[a, b] <- sum((za - mean(za)) * (zb - mean(zb))) / (sum(both) - 1)
  }
  stopifnot(max(abs(S - cov(z[sample_rows, ], use = "pairwise.complete.obs"))) < 1e-12)
  w <- rowSums(solve(S))
  index <- rep(NA_real_, n); count <- integer(n)
  for (i in 1:n) {
    have <- !is.na(z[i, ])
    count[i] <- sum(have)
    if (count[i] >= minimum && sum(w[have]) > 0) index[i] <- sum(w[have] * z[i, have]) / sum(w[have])
  }
  if (restandardise) {
    ci <- index[control & !is.na(index)]
    index <- (index - mean(ci)) / sd(ci)
  }
  list(index = index, count = count, weights = w, means = mu, sds = s, covariance = as.numeric(S))
}

cases <- list(
  c(list(name = "anderson_default", sample = "FullSample", scale = "ControlStandardised", minimum = 1), anderson(rep(TRUE, n), 1, TRUE)),
  c(list(name = "control_covariance_raw", sample = "Control", scale = "WeightedMean", minimum = 1), anderson(control, 1, FALSE)),
  c(list(name = "at_least_three", sample = "FullSample", scale = "WeightedMean", minimum = 3), anderson(rep(TRUE, n), 3, FALSE)))
write_json(list(data = list(arm = arm, who5 = who5, k10 = k10, swls = swls, mastery = mastery, ladder = ladder), cases = cases),
           "summary_index_cases.json", digits = NA, auto_unbox = TRUE, pretty = FALSE, na = "null")

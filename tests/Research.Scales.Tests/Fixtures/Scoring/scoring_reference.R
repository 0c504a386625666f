# Independent scoring reference with psych::scoreItems for Research.Scales.
# Run from this directory:  Rscript scoring_reference.R
# Writes scoring_<instrument>.csv: simulated raw answers (survey codes, NA = missing), a wave column, and the
# expected score computed by psych::scoreItems plus the instrument's missing-item rule.
suppressPackageStartupMessages(library(psych))

simulate <- function(n, k, lo, hi, p_missing, seed) {
  set.seed(seed)
  f <- rnorm(n)
  x <- sapply(seq_len(k), function(j) {
    latent <- 0.7 * f + sqrt(1 - 0.49) * rnorm(n)
    as.integer(cut(latent, qnorm(seq(0, 1, length.out = hi - lo + 2)), labels = FALSE)) + lo - 1L
  })
  # more missing answers in some respondents so that every missing-count case occurs
  heavy <- runif(n) < 0.3
  for (j in seq_len(k)) x[runif(n) < ifelse(heavy, 4 * p_missing, p_missing), j] <- NA
  x
}

write_case <- function(name, x, columns, wave, expected) {
  colnames(x) <- columns
  out <- data.frame(wave = wave, x, expected = expected)
  write.csv(out, sprintf("scoring_%s.csv", name), row.names = FALSE, na = "NA")
}

# K10, Dutch CBS: answers 1 altijd .. 5 nooit, flipped 6 - x; sum; <= 2 missing imputed with the SAMPLE item mean
# (per wave: scoreItems is run on each wave separately); >= 3 missing -> NA.
k10 <- simulate(600, 10, 1, 5, 0.06, 201)
wave <- rep(1:2, each = 300)
expected <- rep(NA_real_, nrow(k10))
for (w in 1:2) {
  rows <- wave == w
  flipped <- 6 - k10[rows, ]
  s <- scoreItems(rep(1, 10), flipped, totals = TRUE, impute = "mean", min = 1, max = 5)
  e <- as.numeric(s$scores)
  e[rowSums(is.na(flipped)) >= 3] <- NA
  expected[rows] <- e
}
write_case("k10", k10, paste0("k10_", 1:10), wave, expected)

# GSE: mean of the answered items when at most 3 of 10 are missing (scoreItems impute = "none" = person mean).
gse <- simulate(400, 10, 1, 4, 0.08, 202)
s <- scoreItems(rep(1, 10), gse, totals = FALSE, impute = "none", min = 1, max = 4)
expected <- as.numeric(s$scores)
expected[rowSums(is.na(gse)) > 3] <- NA
write_case("gse", gse, paste0("gse_", 1:10), rep(1, nrow(gse)), expected)

# Rosenberg: items 2, 5, 6, 8, 9 reversed ((1 + 4) - x); canonical 0-30 = sum - 10; complete cases only.
rses <- simulate(400, 10, 1, 4, 0.03, 203)
keys <- c(1, -1, 1, 1, -1, -1, 1, -1, -1, 1)
s <- scoreItems(keys, rses, totals = TRUE, impute = "none", min = 1, max = 4)
expected <- as.numeric(s$scores) - 10
expected[rowSums(is.na(rses)) > 0] <- NA
write_case("rses", rses, paste0("rses_", 1:10), rep(1, nrow(rses)), expected)

# Pearlin mastery (LASA 1-5): items 1, 2, 3, 5, 7 reversed; sum; complete cases only.
mastery <- simulate(400, 7, 1, 5, 0.03, 204)
keys <- c(-1, -1, -1, 1, -1, 1, -1)
s <- scoreItems(keys, mastery, totals = TRUE, impute = "none", min = 1, max = 5)
expected <- as.numeric(s$scores)
expected[rowSums(is.na(mastery)) > 0] <- NA
write_case("pearlin_mastery", mastery, paste0("mastery_", 1:7), rep(1, nrow(mastery)), expected)
cat("done\n")

# Exact randomisation distributions by brute-force enumeration in base R (combn / expand.grid), as the reference for
# Research.Statistics.Randomisation. Statistic: difference in means (treated minus control).
# Run from this folder:  Rscript make_fixtures.R   (writes randomisation_cases.json)
suppressPackageStartupMessages(library(jsonlite))

diff_means <- function(y, z) mean(y[z == 1]) - mean(y[z == 0])
tol <- sqrt(.Machine$double.eps)

p_values <- function(t_obs, dist) {
  m <- tol * max(1, abs(t_obs))
  list(two_sided = mean(abs(dist) >= abs(t_obs) - m), greater = mean(dist >= t_obs - m), less = mean(dist <= t_obs + m))
}

# All assignments of 'treated' of the units in 'units' (indices), as a list of treated-index vectors.
choices <- function(units, treated) combn(units, treated, simplify = FALSE)

cases <- list()
add_case <- function(name, y, z, assignments, strata = NULL, clusters = NULL) {
  dist <- sapply(assignments, function(tr) { zz <- rep(0, length(y)); zz[tr] <- 1; diff_means(y, zz) })
  t_obs <- diff_means(y, z)
  cases[[length(cases) + 1]] <<- c(list(name = name, y = y, assignment = z, strata = strata, clusters = clusters,
                                        observed = t_obs, n_assignments = length(dist),
                                        distribution_sorted = sort(dist)), p_values(t_obs, dist))
}

# 1. Completely randomised, 4 of 8 treated: choose(8, 4) = 70.
y1 <- c(3.1, 4.7, 2.2, 5.9, 6.3, 1.8, 7.4, 5.0)
z1 <- c(1, 0, 0, 1, 1, 0, 1, 0)
add_case("complete_8", y1, z1, choices(1:8, 4))

# 2. Ties in the outcome, 3 of 7 treated (equal statistics across assignments).
y2 <- c(1, 1, 2, 2, 2, 3, 5)
z2 <- c(0, 1, 0, 1, 0, 1, 0)
add_case("ties_7", y2, z2, choices(1:7, 3))

# 3. Two strata of 5 and 4 units, 2 treated in each: choose(5, 2) * choose(4, 2) = 60.
y3 <- c(10, 12, 9, 14, 11, 20, 25, 22, 27)
z3 <- c(1, 0, 0, 1, 0, 0, 1, 1, 0)
s3 <- c("a", "a", "a", "a", "a", "b", "b", "b", "b")
grid <- expand.grid(a = seq_along(choices(1:5, 2)), b = seq_along(choices(6:9, 2)))
ca <- choices(1:5, 2); cb <- choices(6:9, 2)
add_case("stratified_9", y3, z3, lapply(seq_len(nrow(grid)), function(r) c(ca[[grid$a[r]]], cb[[grid$b[r]]])), strata = s3)

# 4. Six clusters of unequal size, 3 treated: choose(6, 3) = 20.
y4 <- c(2.0, 2.5, 3.1, 4.0, 3.8, 5.2, 1.1, 1.9, 6.0, 5.5, 4.4, 2.8, 3.3)
k4 <- c("c1", "c1", "c2", "c2", "c2", "c3", "c4", "c4", "c5", "c5", "c5", "c6", "c6")
treated_clusters <- c("c2", "c3", "c5")
z4 <- as.numeric(k4 %in% treated_clusters)
ids <- sort(unique(k4))
add_case("clustered_13", y4, z4, lapply(choices(seq_along(ids), 3), function(tc) which(k4 %in% ids[tc])), clusters = k4)

# 5. Clusters within strata: stratum a has clusters a1..a4 (2 treated), stratum b has b1..b3 (1 treated):
#    choose(4, 2) * choose(3, 1) = 18.
y5 <- c(4.1, 3.9, 5.5, 2.2, 2.8, 6.1, 5.0, 7.3, 6.6, 8.0, 7.7, 6.9)
k5 <- c("a1", "a1", "a2", "a3", "a3", "a4", "b1", "b1", "b2", "b2", "b3", "b3")
s5 <- substr(k5, 1, 1)
z5 <- as.numeric(k5 %in% c("a2", "a4", "b2"))
ga <- c("a1", "a2", "a3", "a4"); gb <- c("b1", "b2", "b3")
grid5 <- expand.grid(a = seq_along(choices(ga, 2)), b = seq_along(gb))
add_case("stratified_clusters_12", y5, z5,
         lapply(seq_len(nrow(grid5)), function(r) which(k5 %in% c(choices(ga, 2)[[grid5$a[r]]], gb[grid5$b[r]]))),
         strata = s5, clusters = k5)

write_json(cases, "randomisation_cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null")

# ---------------------------------------------------------------------------------------------------------------
# One arm against control in a three-arm trial randomised within strata: units of arms A and C are re-randomised
# among themselves within each stratum (realised counts kept), units of arm B stay put. Statistics: Welch's t and
# the HC2 t of arm A in estimatr::lm_lin with one covariate, both recomputed for every assignment.
# Writes arm_versus_control.json.
suppressPackageStartupMessages(library(estimatr))
y6 <- c(4.2, 5.1, 3.3, 6.0, 2.9, 4.4,   5.5, 6.2, 3.8, 4.9, 5.0, 7.1,   2.5, 3.9, 4.6, 5.8, 3.1)
x6 <- c(1.2, 0.4, -0.8, 2.0, -1.1, 0.3, 0.9, 1.7, -0.2, 0.5, 0.1, 2.2, -1.5, -0.3, 0.8, 1.4, -0.9)
s6 <- c(rep("s1", 6), rep("s2", 6), rep("s3", 5))
z6 <- c("A", "C", "B", "A", "C", "B",   "A", "C", "C", "A", "C", "B",   "A", "C", "A", "C", "B")
welch <- function(z) {
  a <- y6[z == "A"]; c0 <- y6[z == "C"]
  (mean(a) - mean(c0)) / sqrt(var(a) / length(a) + var(c0) / length(c0))
}
lin_t <- function(z) {
  d <- data.frame(y = y6, x = x6, z = factor(z, levels = c("C", "A", "B")))
  f <- lm_lin(y ~ z, covariates = ~ x, data = d, se_type = "HC2")
  unname(f$statistic["zA"])
}
lin_estimate <- function(z) {
  d <- data.frame(y = y6, x = x6, z = factor(z, levels = c("C", "A", "B")))
  unname(coef(lm_lin(y ~ z, covariates = ~ x, data = d, se_type = "HC2"))["zA"])
}
# Every assignment: per stratum, which of its A-or-C units get A.
per_stratum <- lapply(split(seq_along(z6), s6), function(idx) {
  pool <- idx[z6[idx] %in% c("A", "C")]
  combn(pool, sum(z6[idx] == "A"), simplify = FALSE)
})
grid6 <- expand.grid(lapply(per_stratum, seq_along))
assignments <- lapply(seq_len(nrow(grid6)), function(r) {
  z <- z6
  for (s in names(per_stratum)) {
    idx <- which(s6 == s & z6 %in% c("A", "C"))
    z[idx] <- "C"
    z[per_stratum[[s]][[grid6[[s]][r]]]] <- "A"
  }
  z
})
summarise <- function(stat) {
  dist <- sapply(assignments, stat)
  t_obs <- stat(z6)
  c(list(observed = t_obs, n_assignments = length(dist), distribution_sorted = sort(dist)), p_values(t_obs, dist))
}
write_json(list(y = y6, x = x6, strata = s6, arms = z6,
                welch = summarise(welch), lin_t = summarise(lin_t), lin_estimate = summarise(lin_estimate)),
           "arm_versus_control.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

# Reference values for Research.Statistics.Survival.ClusteredLogRankTest: the robust (cluster-adjusted) score test of
# a Cox model at beta = 0 that survival::coxph reports as "Robust" (fit$rscore) with cluster(), for Breslow and Efron
# ties, plus the cluster-collapsed score residuals at beta = 0. Run from this folder:
#   Rscript make_clustered_fixtures.R   (writes clustered_logrank_cases.json)
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
set.seed(20261202)

# Monthly outflow in three arms with caseworker frailties: many tied times, censoring at 36 months.
n <- 240
arm <- sample(rep(c("control", "exemption", "coaching"), c(100, 70, 70)))
caseworker <- ifelse(arm == "control", paste0("c", sample(1:5, n, TRUE)),
              ifelse(arm == "exemption", paste0("e", sample(1:3, n, TRUE)), paste0("k", sample(1:4, n, TRUE))))
frailty <- setNames(exp(rnorm(12, 0, 0.5)), sort(unique(caseworker)))
rate <- 0.03 * frailty[caseworker] * ifelse(arm == "coaching", 1.3, 1)
time <- pmin(ceiling(rexp(n, rate)), 36)
status <- as.integer(time < 36 & runif(n) > 0.1)
monthly <- list(time = time, status = status, group = arm, cluster = caseworker)

# Small, hand-checkable: two groups, four clusters, ties between events and censorings.
small <- list(time = c(2, 3, 3, 5, 6, 6, 6, 8, 9, 12, 3, 4, 6, 6, 7, 9, 10, 12),
              status = c(1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 0),
              group = c(rep("a", 10), rep("b", 8)),
              cluster = c("k1", "k1", "k2", "k2", "k1", "k2", "k1", "k2", "k1", "k2", "k3", "k4", "k3", "k4", "k3", "k4", "k3", "k4"))

# Each individual its own cluster: the Lin-Wei robust score (log-rank) test.
individual <- monthly; individual$cluster <- paste0("i", seq_len(n))

cases <- list()
for (name in c("monthly", "small", "individual")) {
  d <- get(name)
  g <- factor(d$group, levels = sort(unique(d$group)))
  for (ties in c("breslow", "efron")) {
    fit <- coxph(Surv(d$time, d$status) ~ g + cluster(d$cluster), ties = ties)
    at0 <- coxph(Surv(d$time, d$status) ~ g, ties = ties, init = rep(0, nlevels(g) - 1), control = coxph.control(iter.max = 0))
    r <- residuals(at0, type = "score", collapse = d$cluster)
    r <- as.matrix(r)
    sd <- survdiff(Surv(d$time, d$status) ~ g)
    cases[[length(cases) + 1]] <- list(name = name, ties = ties, time = d$time, status = d$status, group = d$group, cluster = d$cluster,
      rscore = as.numeric(fit$rscore), df = nlevels(g) - 1, p_value = pchisq(as.numeric(fit$rscore), nlevels(g) - 1, lower.tail = FALSE),
      score = I(as.numeric(colSums(r))), robust_variance = I(as.numeric(crossprod(r))), clusters = length(unique(d$cluster)),
      logrank_chisq = sd$chisq)
  }
}
write_json(cases, "clustered_logrank_cases.json", digits = NA, auto_unbox = TRUE, pretty = FALSE)

# Reference values for Research.Statistics.MetaAnalysis, produced with metafor::rma.
# Run from this folder:  Rscript make_fixtures.R   (writes meta_cases.json, meta_subgroups.json, meta_moderators.json)
# metafor's iteration controls are tightened (Fisher scoring threshold, uniroot tol) so that the
# reference is accurate far beyond the 1e-8 comparison tolerance.
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })

ctrl <- list(threshold = 1e-13, tol = 1e-13, maxiter = 10000, tau2.max = 1e4)

bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)

datasets <- list(
  bcg = list(yi = as.numeric(bcg$yi), vi = as.numeric(bcg$vi),
             labels = paste(bcg$author, bcg$year), moderator = as.character(bcg$alloc)),
  k2_heterogeneous = list(yi = c(-0.9, 0.3), vi = c(0.04, 0.09), labels = c("A", "B")),
  k3_homogeneous = list(yi = c(0.10, 0.12, 0.08), vi = c(0.02, 0.03, 0.025), labels = c("A", "B", "C")),
  k3_heterogeneous = list(yi = c(-0.5, 0.2, 0.9), vi = c(0.01, 0.05, 0.02), labels = c("A", "B", "C")),
  k6_moderate = list(yi = c(0.21, 0.35, -0.05, 0.48, 0.12, 0.30),
                     vi = c(0.012, 0.030, 0.020, 0.045, 0.008, 0.025),
                     labels = c("S1", "S2", "S3", "S4", "S5", "S6")),
  # tau^2 = 0 and Q = 0; Knapp-Hartung is degenerate here (zero residual), so only z tests.
  k4_identical = list(yi = c(0.2, 0.2, 0.2, 0.2), vi = c(0.01, 0.02, 0.03, 0.04), labels = c("A", "B", "C", "D"))
)

level_ci <- function(x) {
  if (x$method == "FE") return(NULL)
  ci <- confint(x, control = list(tol = 1e-13, tau2.max = 1e4))$random
  list(tau2_lb = ci["tau^2", "ci.lb"], tau2_ub = ci["tau^2", "ci.ub"],
       i2_lb = ci["I^2(%)", "ci.lb"], i2_ub = ci["I^2(%)", "ci.ub"],
       h2_lb = ci["H^2", "ci.lb"], h2_ub = ci["H^2", "ci.ub"])
}

cases <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  for (method in c("FE", "DL", "REML", "PM")) {
    for (test in if (name == "k4_identical") "z" else c("z", "knha")) {
      x <- suppressWarnings(rma(yi = d$yi, vi = d$vi, method = method, test = test, control = ctrl))
      p <- predict(x)
      case <- list(
        dataset = name, method = method, test = test,
        yi = d$yi, vi = d$vi, labels = d$labels,
        estimate = as.numeric(x$beta), se = x$se, statistic = x$zval, pval = x$pval,
        ci_lb = x$ci.lb, ci_ub = x$ci.ub, df = if (test == "knha") x$k - 1 else NA,
        tau2 = x$tau2, q = x$QE, q_pval = x$QEp, i2 = x$I2, h2 = x$H2,
        # metafor gives no prediction interval for a fixed-effect model.
        pi_lb = if (is.null(p$pi.lb)) NA else p$pi.lb, pi_ub = if (is.null(p$pi.ub)) NA else p$pi.ub, weights = as.numeric(weights(x)))
      cases[[length(cases) + 1]] <- c(case, level_ci(x))
    }
  }
}
write_json(cases, "meta_cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

# Subgroups: separate random-effects fits per subgroup (each its own tau^2), then the test of
# subgroup differences is the fixed-effect Q between the subgroup pooled estimates (Q-between,
# df = G - 1), as in RevMan and meta::metagen(subgroup=, tau.common=FALSE).
d <- datasets$bcg
subgroups <- list()
for (method in c("FE", "DL", "REML", "PM")) {
  groups <- sort(unique(d$moderator))
  fits <- lapply(groups, function(g) {
    s <- d$moderator == g
    rma(yi = d$yi[s], vi = d$vi[s], method = method, control = ctrl)
  })
  est <- sapply(fits, function(f) as.numeric(f$beta))
  se <- sapply(fits, function(f) f$se)
  between <- rma(yi = est, sei = se, method = "FE")
  subgroups[[length(subgroups) + 1]] <- list(
    method = method, yi = d$yi, vi = d$vi, labels = d$labels, moderator = d$moderator,
    groups = groups, estimate = est, se = se,
    ci_lb = sapply(fits, function(f) f$ci.lb), ci_ub = sapply(fits, function(f) f$ci.ub),
    tau2 = sapply(fits, function(f) f$tau2), k = sapply(fits, function(f) f$k),
    q_between = between$QE, q_between_df = length(groups) - 1, q_between_pval = between$QEp)
}
write_json(subgroups, "meta_subgroups.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

# Moderator with a common tau^2 (mixed-effects model): QM from mods = ~ factor(g), group means and SEs from
# mods = ~ factor(g) - 1 (cell means; same fit, different parametrisation). The k6 set has a single-study group.
moderated <- list(
  bcg = datasets$bcg,
  k6_singleton = c(datasets$k6_moderate, list(moderator = c("cash", "cash", "coaching", "coaching", "coaching", "training"))))
moderators <- list()
for (name in names(moderated)) {
  m <- moderated[[name]]
  g <- factor(m$moderator, levels = sort(unique(m$moderator)))
  for (method in c("FE", "DL", "REML", "PM")) {
    for (test in c("z", "knha")) {
      x <- suppressWarnings(rma(yi = m$yi, vi = m$vi, mods = ~ g, method = method, test = test, control = ctrl))
      cm <- suppressWarnings(rma(yi = m$yi, vi = m$vi, mods = ~ g - 1, method = method, test = test, control = ctrl))
      moderators[[length(moderators) + 1]] <- list(
        dataset = name, method = method, test = test, yi = m$yi, vi = m$vi, moderator = m$moderator,
        groups = levels(g), estimate = as.numeric(cm$beta), se = cm$se, ci_lb = cm$ci.lb, ci_ub = cm$ci.ub,
        qm = x$QM, qm_df1 = x$QMdf[1], qm_df2 = x$QMdf[2], qm_pval = x$QMp,
        tau2 = x$tau2, qe = x$QE, qe_pval = x$QEp, i2 = x$I2, h2 = x$H2)
    }
  }
}
write_json(moderators, "meta_moderators.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

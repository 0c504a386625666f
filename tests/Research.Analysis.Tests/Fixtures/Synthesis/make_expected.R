# Reference for the synthesis meta table: metafor 3.8 rma() on sites.csv.
# Arms of one site and type are first combined by GLS; two arms sharing the control arm are given the correlation of two
# differences in means with a common control and equal variances, 1/sqrt((1 + nc/ni)(1 + nc/nj)) (Dunnett).
# Writes meta_expected.csv (type, outcome, horizon, method, k, estimate, se, ci_low, ci_high, p, tau2, i2, h2, q, q_p, pi_low, pi_high)
# and type_differences_expected.csv (outcome, horizon, q_between, df, p).
suppressPackageStartupMessages(library(metafor))
d <- read.csv("sites.csv", stringsAsFactors = FALSE)
primary <- c(deventer = 24, groningen = 24, nijmegen = 24, tilburg = 24, utrecht = 16, wageningen = 22)
d$is_primary <- d$horizon == primary[d$site]
d <- d[!is.na(d$estimate), ]
combine <- function(g) {
  v <- g$se^2
  if (nrow(g) == 1) return(data.frame(site = g$site[1], est = g$estimate, se = g$se))
  r <- 1 / sqrt(outer(1 + g$n_control / g$n_arm, 1 + g$n_control / g$n_arm))
  diag(r) <- 1
  S <- r * outer(g$se, g$se)
  P <- solve(S, rep(1, nrow(g)))
  data.frame(site = g$site[1], est = sum(P * g$estimate) / sum(P), se = sqrt(1 / sum(P)))
}
types <- c("exemption", "intensification", "earnings_disregard", "combination", "choice")
rows <- list(); diffs <- list()
for (h in c("primary", "24")) {
  sel <- if (h == "primary") d[d$is_primary, ] else d[d$horizon == as.numeric(h), ]
  fits <- list()
  for (t in types) {
    s <- sel[sel$arm_type == t, ]
    if (nrow(s) == 0) next
    eff <- do.call(rbind, lapply(split(s, s$site), combine))
    for (m in c("reml_hksj", "dl")) {
      if (nrow(eff) == 1) {
        rows[[length(rows) + 1]] <- data.frame(type = t, outcome = "partial_full_outflow", horizon = h, method = m, k = 1,
          estimate = eff$est, se = eff$se, ci_low = NA, ci_high = NA, p = NA, tau2 = NA, i2 = NA, h2 = NA, q = NA, q_p = NA, pi_low = NA, pi_high = NA)
        next
      }
      fit <- if (m == "reml_hksj") rma(eff$est, sei = eff$se, method = "REML", test = "adhoc", control = list(threshold = 1e-14, maxiter = 10000))
             else rma(eff$est, sei = eff$se, method = "DL")
      pr <- predict(fit)
      if (m == "reml_hksj") fits[[t]] <- fit
      rows[[length(rows) + 1]] <- data.frame(type = t, outcome = "partial_full_outflow", horizon = h, method = m, k = fit$k,
        estimate = as.numeric(fit$beta), se = fit$se, ci_low = fit$ci.lb, ci_high = fit$ci.ub, p = fit$pval, tau2 = fit$tau2,
        i2 = fit$I2, h2 = fit$H2, q = fit$QE, q_p = fit$QEp, pi_low = pr$pi.lb, pi_high = pr$pi.ub)
    }
  }
  if (length(fits) >= 2) {
    between <- rma(sapply(fits, function(f) as.numeric(f$beta)), sei = sapply(fits, function(f) f$se), method = "FE")
    diffs[[length(diffs) + 1]] <- data.frame(outcome = "partial_full_outflow", horizon = h, q_between = between$QE, df = length(fits) - 1, p = between$QEp)
  }
}
write.csv(do.call(rbind, rows), "meta_expected.csv", row.names = FALSE, na = "")
write.csv(do.call(rbind, diffs), "type_differences_expected.csv", row.names = FALSE, na = "")

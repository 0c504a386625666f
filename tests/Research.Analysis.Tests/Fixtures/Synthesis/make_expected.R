# Reference for the synthesis meta table: metafor 3.8 rma() on sites.csv.
# Arms of one site and type are first combined by GLS; two arms sharing the control arm are given the correlation of two
# differences in means with a common control and equal variances, 1/sqrt((1 + nc/ni)(1 + nc/nj)) (Dunnett).
# Each site's variance is inflated for its small degrees of freedom by (qt(0.975, df) / qnorm(0.975))^2 (the smallest
# df of the arms combined), so its normal interval is the t interval the municipal report printed.
# The component model (components_expected.csv): metafor rma.mv over every arm that is not self-chosen at its site's
# primary horizon, moderators ~ 0 + the components the arms carry (from data-schema/experiments.json), V with the
# shared-control covariance above and the same inflation (correlations kept), a random effect per arm; REML and FE.
# Writes meta_expected.csv (type, outcome, horizon, method, k, estimate, se, ci_low, ci_high, p, tau2, i2, h2, q, q_p, pi_low, pi_high)
# and type_differences_expected.csv (outcome, horizon, q_between, df, p).
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
inflate <- function(df) (qt(0.975, df) / qnorm(0.975))^2
d <- read.csv("sites.csv", stringsAsFactors = FALSE)
primary <- c(deventer = 24, groningen = 24, nijmegen = 24, tilburg = 24, utrecht = 16, wageningen = 22)
d$is_primary <- d$horizon == primary[d$site]
d <- d[!is.na(d$estimate), ]
combine <- function(g) {
  v <- g$se^2
  if (nrow(g) == 1) return(data.frame(site = g$site[1], est = g$estimate, se = g$se * sqrt(inflate(g$df)), se_raw = g$se))
  r <- 1 / sqrt(outer(1 + g$n_control / g$n_arm, 1 + g$n_control / g$n_arm))
  diag(r) <- 1
  S <- r * outer(g$se, g$se)
  P <- solve(S, rep(1, nrow(g)))
  data.frame(site = g$site[1], est = sum(P * g$estimate) / sum(P), se = sqrt(inflate(min(g$df)) / sum(P)), se_raw = sqrt(1 / sum(P)))
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
          estimate = eff$est, se = eff$se_raw, ci_low = NA, ci_high = NA, p = NA, tau2 = NA, i2 = NA, h2 = NA, q = NA, q_p = NA, pi_low = NA, pi_high = NA)
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

design <- fromJSON("../../../../data-schema/experiments.json", simplifyVector = FALSE)$experiments
arm_of <- function(site, code) {
  e <- design[[which(sapply(design, function(x) x$municipality) == site)]]
  e$arms[[which(sapply(e$arms, function(a) a$code) == code)]]
}
m <- d[d$is_primary, ]
m <- m[order(m$site, m$arm), ]
arms <- lapply(seq_len(nrow(m)), function(i) arm_of(m$site[i], m$arm[i]))
keep <- !sapply(arms, function(a) isTRUE(a$componentSelfChosen))
m <- m[keep, ]; arms <- arms[keep]
has <- function(a, x) x %in% unlist(a$interventions)
X <- cbind(exemption = sapply(arms, has, "exemption"), intensification = sapply(arms, has, "intensification"),
           earnings_disregard = sapply(arms, has, "earnings_disregard"), bonus = sapply(arms, function(a) isTRUE(a$fullTimeBonus))) * 1
X <- X[, colSums(X) > 0, drop = FALSE]
k <- nrow(m)
R <- diag(k)
for (i in 1:k) for (j in 1:k) if (i != j && m$site[i] == m$site[j]) R[i, j] <- 1 / sqrt((1 + m$n_control[i] / m$n_arm[i]) * (1 + m$n_control[j] / m$n_arm[j]))
f <- sqrt(inflate(m$df))
V <- R * outer(m$se * f, m$se * f)
m$id <- seq_len(k)
# metafor's optimiser stops near 1e-7 relative, so tau^2 is the root of the REML score solved with uniroot, checked
# against rma.mv's own estimate, and rma.mv is refitted with sigma2 fixed at it.
reml_root <- function(yi) {
  score <- function(t2) {
    M <- V + t2 * diag(k); Mi <- solve(M)
    P <- Mi - Mi %*% X %*% solve(t(X) %*% Mi %*% X) %*% t(X) %*% Mi
    c(t(yi) %*% P %*% P %*% yi) - sum(diag(P))
  }
  if (score(0) <= 0) return(0)
  hi <- 1e-4; while (score(hi) > 0) hi <- hi * 2
  uniroot(score, c(0, hi), tol = 1e-18, maxiter = 10000)$root
}
comp <- list()
for (method in c("REML", "FE")) {
  fit <- if (method == "REML") {
    tau2 <- reml_root(m$estimate)
    free <- rma.mv(m$estimate, V, mods = ~ 0 + X, random = ~ 1 | id, data = m, method = "REML")$sigma2
    stopifnot(abs(free - tau2) <= 1e-5 * tau2 + 1e-10)
    rma.mv(m$estimate, V, mods = ~ 0 + X, random = ~ 1 | id, data = m, method = "REML", sigma2 = tau2)
  } else rma.mv(m$estimate, V, mods = ~ 0 + X, data = m, method = "FE")
  for (j in seq_len(ncol(X))) {
    comp[[length(comp) + 1]] <- data.frame(component = colnames(X)[j], model = tolower(method), k = k, estimate = fit$beta[j], se = fit$se[j],
      ci_low = fit$ci.lb[j], ci_high = fit$ci.ub[j], p = fit$pval[j], tau2 = if (method == "REML") fit$sigma2 else 0)
  }
}
write.csv(do.call(rbind, comp), "components_expected.csv", row.names = FALSE, na = "")

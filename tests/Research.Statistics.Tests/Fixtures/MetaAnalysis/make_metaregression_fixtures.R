# Reference values for Research.Statistics.MetaAnalysis.MetaRegression: multivariate meta-regression with a known
# sampling covariance matrix V (off-diagonal covariance between arms that share a control group), component
# moderators and a random effect per arm (or per site), from metafor::rma.mv.
# Run from this folder:  Rscript make_metaregression_fixtures.R   (writes metaregression_cases.json)
#
# metafor maximises the restricted likelihood numerically to about 1e-7 relative (nlminb's default tolerances; a
# tighter rel.tol fails to converge). So tau^2 is taken as the root of the REML score equation, written out by hand
# below and solved with uniroot to ~1e-15; the script checks that metafor's own estimate lies within 1e-5 of it, and
# every other quantity comes from rma.mv with sigma2 fixed at that root.
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
set.seed(20261203)

# Six sites with two or three arms each; each arm effect is (arm mean - control mean) of the same site, so arms of
# one site covary by the variance of their shared control mean.
sites <- c("Deventer", "Groningen", "Nijmegen", "Tilburg", "Utrecht", "Wageningen")
arms_per_site <- c(2, 3, 2, 2, 3, 2)
site <- rep(sites, arms_per_site)
k <- length(site)
component <- data.frame(
  exemption = c(1, 0,  1, 0, 0,  1, 0,  0, 1,  1, 0, 0,  1, 0),
  coaching  = c(0, 1,  0, 1, 1,  0, 1,  1, 0,  0, 1, 0,  0, 1),
  disregard = c(0, 0,  0, 0, 1,  0, 0,  1, 1,  0, 0, 1,  0, 0),
  bonus     = c(0, 0,  0, 1, 0,  0, 0,  0, 0,  0, 0, 0,  0, 0))
var_arm <- runif(k, 0.6e-4, 3e-4)
var_control <- setNames(runif(length(sites), 0.4e-4, 1.5e-4), sites)
V <- diag(var_arm + var_control[site])
for (i in 1:k) for (j in 1:k) if (i != j && site[i] == site[j]) V[i, j] <- var_control[site[i]]
truth <- 0.01 + 0.02 * component$coaching + 0.03 * component$disregard
yi_het <- as.numeric(truth + t(chol(V)) %*% rnorm(k) + rnorm(k, 0, 0.03))
yi_hom <- as.numeric(truth + t(chol(V)) %*% rnorm(k) * 0.3)
# Component combinations to predict (columns exemption, coaching, disregard, bonus; the intercept is implied).
newmods <- rbind(c(1, 0, 0, 0), c(0, 1, 0, 0), c(0, 0, 1, 0), c(0, 1, 1, 0))

reml_root <- function(yi, Z, X) {
  score <- function(t2) {
    M <- V + t2 * Z %*% t(Z); Mi <- solve(M)
    P <- Mi - Mi %*% X %*% solve(t(X) %*% Mi %*% X) %*% t(X) %*% Mi
    c(t(yi) %*% P %*% Z %*% t(Z) %*% P %*% yi) - sum(diag(P %*% Z %*% t(Z)))   # 2 x d logLik / d tau^2
  }
  if (score(0) <= 0) return(0)
  hi <- 1e-4; while (score(hi) > 0) hi <- hi * 2
  uniroot(score, c(0, hi), tol = 1e-18, maxiter = 10000)$root
}

cases <- list()
add <- function(name, yi, method, test, random, mods = ~ exemption + coaching + disregard + bonus) {
  X <- model.matrix(mods, component)
  groups <- if (random == "site") site else paste0("arm", seq_len(k))
  Z <- model.matrix(~ 0 + factor(groups, levels = unique(groups)))
  dat <- cbind(component, yi = yi, grp = groups)
  if (method == "FE") {
    fit <- rma.mv(yi, V, mods = mods, data = dat, method = "FE", test = test)
    tau2 <- 0; free <- 0
  } else {
    tau2 <- reml_root(yi, Z, X)
    free <- rma.mv(yi, V, mods = mods, data = dat, random = ~ 1 | grp, method = "REML", test = test)$sigma2
    stopifnot(abs(free - tau2) <= 1e-5 * tau2 + 1e-10)
    fit <- rma.mv(yi, V, mods = mods, data = dat, random = ~ 1 | grp, method = "REML", test = test, sigma2 = tau2)
  }
  pr <- predict(fit, newmods = newmods)
  cases[[length(cases) + 1]] <<- list(
    name = name, method = method, test = test, random = random, groups = groups, yi = yi, V = as.numeric(V),
    moderators = as.list(component), intercept = attr(terms(mods), "intercept") == 1, tau2 = tau2, tau2_metafor = free,
    term = rownames(fit$b), estimate = as.numeric(fit$b), se = fit$se, statistic = fit$zval, p_value = fit$pval,
    ci_lb = fit$ci.lb, ci_ub = fit$ci.ub, df = if (test == "t") fit$ddf[1] else "Inf",
    QE = fit$QE, QEp = fit$QEp, QE_df = k - ncol(X), QM = fit$QM, QMp = fit$QMp, QM_df = fit$QMdf,
    loglik = as.numeric(logLik(fit)),
    newmods = as.numeric(t(newmods)), pred = as.numeric(pr$pred), pred_se = as.numeric(pr$se),
    pred_ci_lb = as.numeric(pr$ci.lb), pred_ci_ub = as.numeric(pr$ci.ub),
    pred_pi_lb = as.numeric(if (is.null(pr$pi.lb)) pr$ci.lb else pr$pi.lb), pred_pi_ub = as.numeric(if (is.null(pr$pi.ub)) pr$ci.ub else pr$pi.ub))
}
add("components_reml_z", yi_het, "REML", "z", "arm")
add("components_reml_t", yi_het, "REML", "t", "arm")
add("components_fe_z", yi_het, "FE", "z", "arm")
add("components_fe_t", yi_het, "FE", "t", "arm")
add("site_random_reml_z", yi_het, "REML", "z", "site")
add("homogeneous_reml_z", yi_hom, "REML", "z", "arm")
# The additive component model without intercept: every coefficient is a component effect, QM tests them all.
add("no_intercept_reml_t", yi_het, "REML", "t", "arm", mods = ~ 0 + exemption + coaching + disregard + bonus)
write_json(cases, "metaregression_cases.json", digits = NA, auto_unbox = TRUE, pretty = FALSE)
for (c in cases) cat(c$name, c$tau2, c$tau2_metafor, c$QM, c$loglik, "\n")

#!/usr/bin/env Rscript
# Reference results for the regression half of Research.Statistics.
# Run from this folder:  Rscript make_fixtures.R
# Writes the simulated datasets (data_<name>.csv) and the reference numbers (reference_*.csv), all with 17
# significant digits, so the C# tests need no R. References: estimatr::lm_robust / iv_robust (OLS, IV, all
# variance types), stats::glm with sandwich::vcovHC / vcovCL (logit, probit), numDeriv (delta-method AME
# Jacobians), car::linearHypothesis (Wald tests), stats::p.adjust (Holm, BH), clubSandwich (CR2 on a nearly
# collinear design).
suppressPackageStartupMessages({
  library(estimatr); library(sandwich); library(lmtest); library(car); library(numDeriv); library(clubSandwich)
})
options(digits = 17)
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

simulate <- function(name, seed, cluster_sizes, n_strata, collinear = FALSE) {
  set.seed(seed)
  G <- length(cluster_sizes)
  cluster <- rep(seq_len(G), cluster_sizes)
  n <- length(cluster)
  # Arms are assigned at cluster level within strata, as in the municipal experiments.
  cl_stratum <- sample(seq_len(n_strata), G, replace = TRUE)
  cl_arm <- sample(c("control", "A", "B"), G, replace = TRUE)
  cl_arm[seq_len(min(3, G))] <- c("control", "A", "B")[seq_len(min(3, G))]
  stratum <- cl_stratum[cluster]
  arm <- cl_arm[cluster]
  age <- round(rnorm(n, 40, 10), 1)
  income <- rlnorm(n, 7, 0.4)
  education <- sample(c("low", "mid", "high"), n, replace = TRUE, prob = c(0.4, 0.35, 0.25))
  u_cl <- rnorm(G, 0, 0.7)[cluster]
  near <- if (collinear) age + rnorm(n, 0, 0.5) else rnorm(n)
  eff <- c(control = 0, A = 0.4, B = 0.25)[arm]
  y <- 1 + eff + 0.03 * age + 0.0004 * income + c(low = 0, mid = 0.3, high = 0.5)[education] +
    0.2 * stratum + 0.1 * near + u_cl + rnorm(n, 0, 1 + 0.5 * (arm == "A"))
  eta <- -1.2 + 0.8 * (arm == "A") + 0.5 * (arm == "B") + 0.02 * (age - 40) + 0.4 * (education == "high") + 0.5 * u_cl
  yb <- rbinom(n, 1, plogis(eta))
  # One-sided take-up: only treated arms can take up.
  takeup <- ifelse(arm == "control", 0, rbinom(n, 1, ifelse(arm == "A", 0.6, 0.45)))
  w <- round(runif(n, 0.5, 2), 3)
  # Drawn last so the columns above do not change: a covariate almost equal to age (1 - R^2 about 4e-8).
  near2 <- age + rnorm(n, 0, 0.002)
  data.frame(id = seq_len(n), cluster = sprintf("c%02d", cluster), stratum = stratum, arm = arm,
             age = age, income = income, education = education, near = near,
             y = y, yb = yb, takeup = takeup, w = w, near2 = near2, stringsAsFactors = FALSE)
}

datasets <- list(
  balanced   = simulate("balanced", 101, rep(10, 40), 4),
  unbalanced = simulate("unbalanced", 202, c(1, 1, 2, 3, 60, 45, 5, 8, 1, 30, 12, 7, 25, 4, 40, 9, 2, 15, 20, 11), 3),
  few        = simulate("few", 303, c(30, 12, 25, 8, 20, 25), 2),
  collinear  = simulate("collinear", 404, rep(10, 20), 2, collinear = TRUE)
)

prep <- function(d) {
  d$arm <- factor(d$arm, levels = c("control", "A", "B"))
  d$education <- factor(d$education, levels = c("low", "mid", "high"))
  d$stratum <- factor(d$stratum)
  d
}
# R's coefficient names -> the library's names (factor[level]).
rename <- function(nm) {
  nm <- sub("^\\(Intercept\\)$", "(Intercept)", nm)
  for (f in c("arm", "education", "stratum", "cluster")) nm <- sub(paste0("^", f, "(.+)$"), paste0(f, "[\\1]"), nm)
  nm
}

coef_rows <- list(); scalar_rows <- list()
add_coefs <- function(dataset, model, se, fit_terms, est, sev, stat, df, p, lo, hi) {
  coef_rows[[length(coef_rows) + 1]] <<- data.frame(dataset = dataset, model = model, se_type = se,
    term = rename(fit_terms), estimate = fmt(est), std_error = fmt(sev), statistic = fmt(stat), df = fmt(df),
    p_value = fmt(p), conf_low = fmt(lo), conf_high = fmt(hi), stringsAsFactors = FALSE)
}
add_scalar <- function(dataset, model, se, quantity, value) {
  scalar_rows[[length(scalar_rows) + 1]] <<- data.frame(dataset = dataset, model = model, se_type = se,
    quantity = quantity, value = fmt(value), stringsAsFactors = FALSE)
}

ols_formula <- y ~ arm + age + income + education + near + stratum
for (name in names(datasets)) {
  raw <- datasets[[name]]
  for (v in c("age", "income", "near", "y", "w", "near2")) raw[[v]] <- fmt(raw[[v]])
  # Fit on the data as written, so the C# side sees exactly the same doubles.
  write.csv(raw, sprintf("data_%s.csv", name), row.names = FALSE, quote = FALSE)
  d <- prep(read.csv(sprintf("data_%s.csv", name), stringsAsFactors = FALSE))
  # OLS, every variance estimator (estimatr), unweighted; weighted on two datasets.
  for (weighted in c(FALSE, TRUE)) {
    if (weighted && !(name %in% c("balanced", "unbalanced"))) next
    model <- if (weighted) "ols_weighted" else "ols"
    for (se in c("classical", "HC0", "HC1", "HC2", "HC3", "CR0", "stata", "CR2")) {
      cl <- if (startsWith(se, "CR") || se == "stata") quote(cluster) else NULL
      fit <- if (weighted) {
        eval(bquote(lm_robust(ols_formula, data = d, weights = w, clusters = .(cl), se_type = se)))
      } else {
        eval(bquote(lm_robust(ols_formula, data = d, clusters = .(cl), se_type = se)))
      }
      tag <- if (se == "stata") "CR1" else se
      add_coefs(name, model, tag, names(fit$coefficients), fit$coefficients, fit$std.error, fit$statistic,
                fit$df, fit$p.value, fit$conf.low, fit$conf.high)
      add_scalar(name, model, tag, "r_squared", fit$r.squared)
      add_scalar(name, model, tag, "adj_r_squared", fit$adj.r.squared)
      add_scalar(name, model, tag, "n", fit$nobs)
      # Joint Wald tests with this variance: all arms zero; arms equal.
      V <- vcov(fit)
      h1 <- car::linearHypothesis(fit, c("armA = 0", "armB = 0"), test = "F")
      h2 <- car::linearHypothesis(fit, c("armA = armB"), test = "F")
      # car uses n - k as the F denominator df; with clustered variances the library uses G - 1 (as Stata's
      # `test` after `regress, vce(cluster)`), so the p-value is recomputed here with that df.
      df2 <- if (is.null(cl)) h1$Res.Df[2] else length(unique(d$cluster)) - 1
      add_scalar(name, model, tag, "wald_arms_zero_F", h1$F[2])
      add_scalar(name, model, tag, "wald_arms_zero_p", pf(h1$F[2], 2, df2, lower.tail = FALSE))
      add_scalar(name, model, tag, "wald_arms_equal_F", h2$F[2])
      add_scalar(name, model, tag, "wald_arms_equal_p", pf(h2$F[2], 1, df2, lower.tail = FALSE))
      h1c <- car::linearHypothesis(fit, c("armA = 0", "armB = 0"), test = "Chisq")
      add_scalar(name, model, tag, "wald_arms_zero_chisq", h1c$Chisq[2])
      add_scalar(name, model, tag, "wald_arms_zero_chisq_p", h1c$`Pr(>Chisq)`[2])
    }
  }

  # Nearly collinear covariates (age and near2): lm_robust solves by QR.
  for (se in c("HC1", "CR2")) {
    cl <- if (se == "CR2") quote(cluster) else NULL
    fit <- eval(bquote(lm_robust(y ~ arm + age + near2, data = d, clusters = .(cl), se_type = se)))
    add_coefs(name, "ols_near2", se, names(fit$coefficients), fit$coefficients, fit$std.error, fit$statistic,
              fit$df, fit$p.value, fit$conf.low, fit$conf.high)
  }

  # The same with clubSandwich (CR2) and sandwich (HC1) on lm: independent and, at this conditioning, more
  # accurate than estimatr's uncentred computation of the CR2 degrees of freedom.
  near_lm <- lm(y ~ arm + age + near2, data = d)
  ct <- clubSandwich::coef_test(near_lm, vcov = "CR2", cluster = d$cluster, test = "Satterthwaite")
  add_coefs(name, "ols_near2_clubsandwich", "CR2", names(coef(near_lm)), ct$beta, ct$SE, ct$tstat, ct$df_Satt,
            ct$p_Satt, rep(NA, nrow(ct)), rep(NA, nrow(ct)))
  hc1 <- sqrt(diag(sandwich::vcovHC(near_lm, type = "HC1")))
  add_coefs(name, "ols_near2_sandwich", "HC1", names(coef(near_lm)), coef(near_lm), hc1, coef(near_lm) / hc1,
            rep(near_lm$df.residual, length(hc1)), rep(NA, length(hc1)), rep(NA, length(hc1)), rep(NA, length(hc1)))

  # Fixed effects nested in the clusters: I - H_gg is singular (its generalized inverse square root is used).
  if (name == "unbalanced") {
    d_fe <- d; d_fe$cluster_fe <- factor(d_fe$cluster)
    for (se in c("stata", "CR2")) {
      fit <- lm_robust(y ~ age + income + cluster_fe, data = d_fe, clusters = cluster, se_type = se)
      add_coefs(name, "ols_fe_nested", if (se == "stata") "CR1" else se, sub("^cluster_fe", "cluster", names(fit$coefficients)),
                fit$coefficients, fit$std.error, fit$statistic, fit$df, fit$p.value, fit$conf.low, fit$conf.high)
    }
  }

  # IV: take-up instrumented by assignment (ITT / take-up), estimatr::iv_robust.
  d$takeA <- d$takeup * (d$arm == "A"); d$takeB <- d$takeup * (d$arm == "B")
  for (se in c("classical", "HC0", "HC1", "HC2", "HC3", "CR0", "stata", "CR2")) {
    cl <- if (startsWith(se, "CR") || se == "stata") quote(cluster) else NULL
    fit <- eval(bquote(iv_robust(y ~ takeA + takeB + age + education | arm + age + education, data = d,
                                 clusters = .(cl), se_type = se)))
    tag <- if (se == "stata") "CR1" else se
    add_coefs(name, "iv", tag, names(fit$coefficients), fit$coefficients, fit$std.error, fit$statistic,
              fit$df, fit$p.value, fit$conf.low, fit$conf.high)
  }

  if (name %in% c("balanced", "unbalanced")) {
    for (se in c("classical", "HC0", "HC1", "HC2", "HC3", "CR0", "stata", "CR2")) {
      cl <- if (startsWith(se, "CR") || se == "stata") quote(cluster) else NULL
      fit <- eval(bquote(iv_robust(y ~ takeA + takeB + age + education | arm + age + education, data = d,
                                   weights = w, clusters = .(cl), se_type = se)))
      tag <- if (se == "stata") "CR1" else se
      add_coefs(name, "iv_weighted", tag, names(fit$coefficients), fit$coefficients, fit$std.error, fit$statistic,
                fit$df, fit$p.value, fit$conf.low, fit$conf.high)
    }
  }

  # Logit and probit by glm with a tight tolerance; sandwich variances; normal reference distribution.
  # Weighted fits use the weights as prior weights (glm warns about non-integer successes; irrelevant here).
  glm_formula <- yb ~ arm + age + education + near
  for (weighted in c(FALSE, TRUE)) for (link in c("logit", "probit")) {
    if (weighted && !(name %in% c("balanced", "unbalanced"))) next
    d$wt <- if (weighted) d$w else rep(1, nrow(d))
    model <- if (weighted) paste0(link, "_weighted") else link
    fit <- suppressWarnings(glm(glm_formula, data = d, family = binomial(link = link), weights = wt,
               control = glm.control(epsilon = 1e-15, maxit = 200)))
    # Probit IRLS (Fisher scoring) converges only linearly, so glm's deviance criterion can stop ~1e-7 away from
    # the maximum; restarting glm from its own estimate a few times polishes it to machine precision.
    for (polish in 1:10) {
      fit <- suppressWarnings(glm(glm_formula, data = d, family = binomial(link = link), weights = wt,
                 start = coef(fit), control = glm.control(epsilon = 1e-15, maxit = 200)))
    }
    b <- coef(fit); X <- model.matrix(fit)
    vcovs <- list(classical = vcov(fit), HC0 = vcovHC(fit, type = "HC0"), HC1 = vcovHC(fit, type = "HC1"),
                  HC2 = vcovHC(fit, type = "HC2"), HC3 = vcovHC(fit, type = "HC3"),
                  CR0 = vcovCL(fit, cluster = ~cluster, type = "HC0", cadjust = FALSE),
                  CR1 = vcovCL(fit, cluster = ~cluster, type = "HC1", cadjust = TRUE))
    Fn <- if (link == "logit") plogis else pnorm
    fn <- if (link == "logit") dlogis else dnorm
    # Average marginal effects: discrete change for arm and education levels (level vs reference, other
    # levels of the same factor 0), derivative for numeric columns; Jacobian by numDeriv.
    ame_fun <- function(beta) {
      eta <- drop(X %*% beta)
      out <- c()
      for (f in list(c("armA", "armB"), c("educationmid", "educationhigh"))) {
        for (lev in f) {
          X1 <- X; X1[, f] <- 0; X1[, lev] <- 1
          X0 <- X; X0[, f] <- 0
          out[lev] <- weighted.mean(Fn(drop(X1 %*% beta)) - Fn(drop(X0 %*% beta)), d$wt)
        }
      }
      for (v in c("age", "near")) out[v] <- weighted.mean(fn(eta), d$wt) * beta[[v]]
      out
    }
    ame <- ame_fun(b); J <- numDeriv::jacobian(ame_fun, b, method = "Richardson")
    for (se in names(vcovs)) {
      V <- vcovs[[se]]; s <- sqrt(diag(V)); z <- b / s
      add_coefs(name, model, se, names(b), b, s, z, rep(NA, length(b)), 2 * pnorm(-abs(z)),
                b - qnorm(0.975) * s, b + qnorm(0.975) * s)
      Va <- J %*% V %*% t(J); sa <- sqrt(diag(Va)); za <- ame / sa
      add_coefs(name, paste0(model, "_ame"), se, names(ame), ame, sa, za, rep(NA, length(ame)),
                2 * pnorm(-abs(za)), ame - qnorm(0.975) * sa, ame + qnorm(0.975) * sa)
    }
    if (!weighted) add_scalar(name, model, "classical", "log_likelihood", as.numeric(logLik(fit)))
    add_scalar(name, model, "classical", "deviance", deviance(fit))
  }

  # Balance: means and SDs by arm, standardized difference (mean_a - mean_c) / sqrt((var_a + var_c) / 2).
  cov_matrix <- model.matrix(~ age + income + education + near, data = d)[, -1]
  for (v in colnames(cov_matrix)) {
    for (a in c("control", "A", "B")) {
      x <- cov_matrix[d$arm == a, v]
      add_scalar(name, "balance", a, paste0("mean_", rename(v)), mean(x))
      add_scalar(name, "balance", a, paste0("sd_", rename(v)), sd(x))
      if (a != "control") {
        xc <- cov_matrix[d$arm == "control", v]
        add_scalar(name, "balance", a, paste0("smd_", rename(v)), (mean(x) - mean(xc)) / sqrt((var(x) + var(xc)) / 2))
      }
    }
  }
  # Joint test per arm vs control, LPM of the arm indicator on the covariates, HC1 robust F test (all slopes 0).
  for (a in c("A", "B")) {
    s <- d[d$arm %in% c("control", a), ]
    s$treated <- as.numeric(s$arm == a)
    fit <- lm(treated ~ age + income + education + near, data = s)
    k <- length(coef(fit))
    h <- car::linearHypothesis(fit, names(coef(fit))[-1], vcov. = vcovHC(fit, type = "HC1"), test = "F")
    add_scalar(name, "balance", "HC1", paste0("joint_F_", a), h$F[2])
    add_scalar(name, "balance", "HC1", paste0("joint_p_", a), h$`Pr(>F)`[2])
    add_scalar(name, "balance", "HC1", paste0("joint_df1_", a), h$Df[2])
    add_scalar(name, "balance", "HC1", paste0("joint_df2_", a), h$Res.Df[2])
  }
}

coefs <- do.call(rbind, coef_rows)
write.csv(coefs, "reference_coefficients.csv", row.names = FALSE, quote = FALSE)
scalars <- do.call(rbind, scalar_rows)
write.csv(scalars, "reference_scalars.csv", row.names = FALSE, quote = FALSE)

# Multiplicity: p.adjust on a vector with ties, a 1 and tiny values.
p <- c(0.01, 0.04, 0.04, 0.2, 0.0001, 0.9, 1, 0.03, 0.049, 0.5, 1e-12, 0.04)
write.csv(data.frame(p = fmt(p), holm = fmt(p.adjust(p, "holm")), bh = fmt(p.adjust(p, "BH"))),
          "reference_p_adjust.csv", row.names = FALSE, quote = FALSE)
cat("fixtures written\n")

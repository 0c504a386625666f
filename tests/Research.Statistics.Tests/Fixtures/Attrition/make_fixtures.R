# Reference values for Research.Statistics.Attrition. Run from this folder:  Rscript make_fixtures.R
# (writes lee_bounds_cases.json and response_weights_cases.json)
#
# Lee (2009) bounds have no implementation on Debian's R, so they are written out by hand from the paper: trimming by
# sorting (keeping (1 - p) * m values, a fractional weight on the boundary value when that is not an integer) and the
# analytic standard errors of Proposition 3 with plug-in moments, plus the Imbens-Manski (2004) interval by uniroot.
# Response weights come from glm(binomial) and the weighted regressions from estimatr::lm_robust(weights = ).
suppressPackageStartupMessages({ library(estimatr); library(jsonlite) })
set.seed(20261205)

trimmed_mean <- function(y, keep, from_top) {
  s <- sort(y, decreasing = !from_top)          # from_top: keep the smallest values
  w <- pmin(pmax(keep - (seq_along(s) - 1), 0), 1)
  mu <- sum(w * s) / keep
  list(mean = mu, variance = sum(w * (s - mu)^2) / keep, cut = s[max(which(w > 0))])
}

lee <- function(y, d, level = 0.95) {
  n1 <- sum(d == 1); n0 <- sum(d == 0)
  y1 <- y[d == 1 & !is.na(y)]; y0 <- y[d == 0 & !is.na(y)]
  q1 <- length(y1) / n1; q0 <- length(y0) / n0
  trim_treated <- q1 >= q0
  trimmed <- if (trim_treated) y1 else y0
  kept <- if (trim_treated) y0 else y1
  keep <- min(if (trim_treated) length(y0) * n1 / n0 else length(y1) * n0 / n1, length(trimmed))
  m <- length(trimmed)
  p <- (m - keep) / m
  var_p <- (1 - p)^2 * ((1 - q1) / (n1 * q1) + (1 - q0) / (n0 * q0))
  kept_var <- mean((kept - mean(kept))^2) / length(kept)
  se <- function(t) sqrt((t$variance / (1 - p) + p * (t$cut - t$mean)^2 / (1 - p)) / m + ((t$cut - t$mean) / (1 - p))^2 * var_p + kept_var)
  low <- trimmed_mean(trimmed, keep, TRUE); high <- trimmed_mean(trimmed, keep, FALSE)
  if (trim_treated) { lower <- low$mean - mean(kept); upper <- high$mean - mean(kept); se_l <- se(low); se_u <- se(high) }
  else { lower <- mean(kept) - high$mean; upper <- mean(kept) - low$mean; se_l <- se(high); se_u <- se(low) }
  ratio <- (upper - lower) / max(se_l, se_u)
  f <- function(c) pnorm(c + ratio) - pnorm(-c) - level
  crit <- if (f(qnorm(level)) >= 0) qnorm(level) else uniroot(f, c(qnorm(level), qnorm(0.5 + level / 2)), tol = 1e-15)$root
  z <- qnorm(0.5 + level / 2)
  list(trimmed = if (trim_treated) "Treated" else "Control", p = p, q1 = q1, q0 = q0, lower = lower, upper = upper,
       se_lower = se_l, se_upper = se_u, im_critical = crit, im_ci = c(lower - crit * se_l, upper + crit * se_u),
       bounds_ci = c(lower - z * se_l, upper + z * se_u))
}

lee_case <- function(name, n1, n0, r1, r0, outcome) {
  d <- c(rep(1, n1), rep(0, n0))
  y <- outcome(n1 + n0) + 0.3 * d
  respond <- c(sample(c(rep(TRUE, r1), rep(FALSE, n1 - r1))), sample(c(rep(TRUE, r0), rep(FALSE, n0 - r0))))
  y[!respond] <- NA
  c(list(name = name, y = y, treated = d), lee(y, d))
}
lee_cases <- list(
  lee_case("treated_trimmed_fractional", 123, 117, 91, 64, function(n) rnorm(n, 5, 2)),
  lee_case("control_trimmed", 100, 110, 52, 77, function(n) rexp(n) * 3),
  lee_case("ties_integer_keep", 100, 100, 80, 60, function(n) as.numeric(sample(0:10, n, TRUE))),
  lee_case("ties_fractional_keep", 90, 110, 70, 61, function(n) as.numeric(sample(0:10, n, TRUE))),
  lee_case("equal_response", 80, 80, 60, 60, function(n) rnorm(n)))
write_json(lee_cases, "lee_bounds_cases.json", digits = NA, auto_unbox = TRUE, pretty = FALSE, na = "null")

# Response weights: response depends on register covariates; then weighted HC2 and CR2 regressions of the outcome.
n <- 400
arm <- sample(c("control", "A", "B"), n, TRUE)
prior <- rnorm(n, 0.3, 0.2)
age <- round(runif(n, 20, 60))
sex <- sample(c("F", "M"), n, TRUE)
caseworker <- paste0(substr(arm, 1, 1), sample(1:4, n, TRUE))
responded <- rbinom(n, 1, plogis(-0.5 + 2.5 * prior - 0.02 * (age - 40) + 0.4 * (sex == "M") - 0.3 * (arm == "B")))
y <- 50 + 5 * (arm == "A") + 8 * prior + 0.1 * age + rnorm(n, 0, 8)
d <- data.frame(arm = factor(arm, levels = c("control", "A", "B")), prior, age, sex = factor(sex), caseworker, responded, y)
glm_fit <- glm(responded ~ arm + prior + age + sex, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
p <- unname(fitted(glm_fit))
rate <- mean(responded)
weights_of <- function(stabilised, trimming, threshold) {
  w <- (if (stabilised) rate else 1) / (if (trimming == "ProbabilityFloor") pmax(p, threshold) else p)
  w[responded == 0] <- NA
  if (trimming == "Quantile") { cap <- unname(quantile(w[responded == 1], threshold, type = 7)); w <- pmin(w, cap) }
  w
}
ipw_cases <- list()
for (spec in list(list("stabilised", TRUE, "None", 0.99), list("raw_quantile", FALSE, "Quantile", 0.9), list("floor", TRUE, "ProbabilityFloor", 0.35))) {
  w <- weights_of(spec[[2]], spec[[3]], spec[[4]])
  r <- d[responded == 1, ]; r$w <- w[responded == 1]
  hc2 <- tidy(lm_robust(y ~ arm + prior, data = r, weights = w, se_type = "HC2"))
  cr2 <- tidy(lm_robust(y ~ arm + prior, data = r, weights = w, clusters = caseworker, se_type = "CR2"))
  ipw_cases[[length(ipw_cases) + 1]] <- list(name = spec[[1]], stabilised = spec[[2]], trimming = spec[[3]], threshold = spec[[4]],
    weights = w, trimmed = if (spec[[3]] == "None") 0 else if (spec[[3]] == "Quantile") sum(weights_of(spec[[2]], "None", 0)[responded == 1] > max(w, na.rm = TRUE)) else sum(p[responded == 1] < spec[[4]]),
    hc2 = as.list(hc2[, c("term", "estimate", "std.error", "df", "p.value")]), cr2 = as.list(cr2[, c("term", "estimate", "std.error", "df", "p.value")]))
}
write_json(list(data = list(arm = arm, prior = prior, age = age, sex = sex, caseworker = caseworker, responded = responded, y = y),
                probabilities = p, glm = as.list(data.frame(term = names(coef(glm_fit)), estimate = unname(coef(glm_fit)))), cases = ipw_cases),
           "response_weights_cases.json", digits = NA, auto_unbox = TRUE, pretty = FALSE, na = "null")

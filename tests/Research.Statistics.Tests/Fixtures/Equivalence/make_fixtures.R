# Reference values for Research.Statistics.Equivalence (two one-sided tests), computed in base R from pt/qt (pnorm/qnorm
# for df = Inf). Run from this folder:  Rscript make_fixtures.R   (writes equivalence_cases.json)
suppressPackageStartupMessages(library(jsonlite))

cases <- list(
  list(name = "clearly_equivalent", estimate = 0.004, se = 0.008, df = 240, lower = -0.03, upper = 0.03, alpha = 0.05),
  list(name = "trivial_difference", estimate = 0.012, se = 0.004, df = Inf, lower = -0.03, upper = 0.03, alpha = 0.05),
  list(name = "exceeds_margin", estimate = 0.09, se = 0.02, df = 7.3, lower = -0.03, upper = 0.03, alpha = 0.05),
  list(name = "different_not_beyond", estimate = -0.05, se = 0.018, df = 11.2, lower = -0.03, upper = 0.03, alpha = 0.05),
  list(name = "inconclusive_wide", estimate = -0.02, se = 0.09, df = 4.4, lower = -0.03, upper = 0.03, alpha = 0.05),
  list(name = "asymmetric_margin", estimate = 0.01, se = 0.01, df = 60, lower = -0.02, upper = 0.05, alpha = 0.025),
  list(name = "tiny_p_values", estimate = 0.0001, se = 0.001, df = Inf, lower = -0.03, upper = 0.03, alpha = 0.05)
)

upper_tail <- function(t, df) if (is.finite(df)) pt(t, df, lower.tail = FALSE) else pnorm(t, lower.tail = FALSE)
quant <- function(p, df) if (is.finite(df)) qt(p, df) else qnorm(p)

out <- lapply(cases, function(c) {
  tl <- (c$estimate - c$lower) / c$se
  tu <- (c$estimate - c$upper) / c$se
  pl <- upper_tail(tl, c$df)                       # H0: theta <= lower
  pu <- if (is.finite(c$df)) pt(tu, c$df) else pnorm(tu)   # H0: theta >= upper
  tost <- max(pl, pu)
  q2 <- quant(1 - c$alpha, c$df)                   # 1 - 2 alpha interval
  q1 <- quant(1 - c$alpha / 2, c$df)               # 1 - alpha interval
  p0 <- 2 * upper_tail(abs(c$estimate / c$se), c$df)
  pme <- if (c$estimate >= 0) upper_tail((c$estimate - c$upper) / c$se, c$df) else upper_tail((c$lower - c$estimate) / c$se, c$df)
  conclusion <- if (tost <= c$alpha && p0 > c$alpha) "Equivalent" else if (tost <= c$alpha) "EquivalentButDifferent" else
    if (p0 <= c$alpha && pme <= c$alpha) "ExceedsMargin" else if (p0 <= c$alpha) "Different" else "Inconclusive"
  c(c, list(df = if (is.finite(c$df)) c$df else "Inf",
            lower_t = tl, lower_p = pl, upper_t = tu, upper_p = pu, tost_p = tost,
            equivalence_ci = c(c$estimate - q2 * c$se, c$estimate + q2 * c$se),
            ci = c(c$estimate - q1 * c$se, c$estimate + q1 * c$se),
            difference_p = p0, minimum_effect_p = pme, conclusion = conclusion))
})
write_json(out, "equivalence_cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

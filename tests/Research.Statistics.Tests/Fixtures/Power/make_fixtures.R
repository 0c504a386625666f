# R reference for the t-test power of Research.Statistics.Power: stats::power.t.test(strict = TRUE), two-sample,
# equal arms, both rejection tails. uniroot's tolerance is tightened from .Machine$double.eps^0.25.
# Run from this folder:  Rscript make_fixtures.R   (writes power_t_test.json)
suppressPackageStartupMessages(library(jsonlite))
tol <- 1e-13
cases <- list(
  list(n = 12, delta = 1, sd = 1, sig_level = 0.05, power = NULL),
  list(n = 40, delta = 3.5, sd = 12.5, sig_level = 0.10, power = NULL),
  list(n = 50, delta = NULL, sd = 1, sig_level = 0.05, power = 0.8),
  list(n = 6, delta = NULL, sd = 2, sig_level = 0.05, power = 0.9),
  list(n = NULL, delta = 0.5, sd = 1, sig_level = 0.05, power = 0.9),
  list(n = NULL, delta = 0.1, sd = sqrt(0.3 * 0.7), sig_level = 0.05, power = 0.8))
out <- lapply(cases, function(x) {
  r <- power.t.test(n = x$n, delta = x$delta, sd = x$sd, sig.level = x$sig_level, power = x$power,
                    strict = TRUE, tol = tol)
  list(solve_for = if (is.null(x$n)) "n" else if (is.null(x$delta)) "delta" else "power",
       n = r$n, delta = r$delta, sd = r$sd, sig_level = r$sig.level, power = r$power)
})
write_json(out, "power_t_test.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)

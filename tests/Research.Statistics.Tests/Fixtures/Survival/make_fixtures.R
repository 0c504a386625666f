# Reference values for Research.Statistics.Survival, produced with survival::survfit and survival::survdiff.
# Run from this folder:  Rscript make_fixtures.R   (writes survival_cases.json)
suppressPackageStartupMessages({ library(survival); library(jsonlite) })

lung3 <- subset(survival::lung, !is.na(ph.ecog) & ph.ecog < 3)

# Heavy censoring, tied event times, and censorings tied with events (censored subjects count as at risk at t).
set.seed(20261126)
heavy_time <- c(rep(3, 4), 5, 5, 7, 8, 8, 8, 12, 12, 15, 18, 20, 20, 21, 24, 24, 30, round(runif(20, 1, 30)))
heavy_status <- c(1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, rbinom(20, 1, 0.15))
heavy_group <- rep(c("cash", "coaching", "control", "control"), 10)

datasets <- list(
  aml = list(time = as.numeric(aml$time), status = as.integer(aml$status), group = as.character(aml$x)),
  lung_ecog = list(time = as.numeric(lung3$time), status = as.integer(lung3$status == 2), group = paste0("ecog", lung3$ph.ecog)),
  heavy_censoring = list(time = heavy_time, status = heavy_status, group = heavy_group),
  # Group "a" has S = 0.5 exactly between t = 2 and t = 3 (median is the midpoint) and ends at S = 0.
  exact_half = list(time = c(1, 2, 3, 4, 2, 4, 6, 8, 10, 12), status = c(1, 1, 1, 1, 1, 0, 1, 1, 0, 1),
                    group = c(rep("a", 4), rep("b", 6)))
)

curve <- function(time, status, conf_type) {
  f <- survfit(Surv(time, status) ~ 1, conf.type = conf_type)
  q <- quantile(f, probs = c(0.25, 0.5, 0.75))
  list(time = f$time, n_risk = f$n.risk, n_event = f$n.event, n_censor = f$n.censor,
       surv = f$surv, std_err_log = f$std.err, lower = f$lower, upper = f$upper,
       quantiles = list(probs = c(0.25, 0.5, 0.75), quantile = unname(q$quantile), lower = unname(q$lower), upper = unname(q$upper)))
}

cases <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  curves <- list()
  for (g in sort(unique(d$group))) {
    s <- d$group == g
    curves[[g]] <- list(
      log_log = curve(d$time[s], d$status[s], "log-log"),
      log = curve(d$time[s], d$status[s], "log"),
      plain = curve(d$time[s], d$status[s], "plain"))
  }
  overall <- curve(d$time, d$status, "log-log")
  sd <- survdiff(Surv(d$time, d$status) ~ d$group)
  cases[[length(cases) + 1]] <- list(
    dataset = name, time = d$time, status = d$status, group = d$group,
    groups = sort(unique(d$group)), curves = curves, overall = overall,
    logrank = list(n = as.numeric(sd$n), observed = as.numeric(sd$obs), expected = as.numeric(sd$exp),
                   variance = unname(sd$var), chisq = sd$chisq, df = length(sd$n) - 1,
                   pval = pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE)))
}
write_json(cases, "survival_cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

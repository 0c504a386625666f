# Reference for the reports' effect estimator (Research.Analysis.Inference.EffectEstimator): Lin (2013) with the
# pre-specified prognostic covariates, on one site's data (Groningen, synthetic seed 7: 890 persons, 5 arms, caseworker
# clusters, age strata), written by the estimator's own data path (EffectPopulation) to groningen_effect_data.csv.
# Run: Rscript lm_lin_reference.R > lm_lin_reference.json
suppressPackageStartupMessages({ library(estimatr); library(jsonlite) })
d <- read.csv("groningen_effect_data.csv", stringsAsFactors = FALSE, na.strings = character(0))
d$education[d$education == ""] <- "unknown"
d$arm <- factor(d$arm, levels = c("control", "zelf_in_actie", "extra_hulp", "extra_verdienen", "individueel_maatwerk"))
d$log_earnings <- log1p(d$earnings_prev_year)
d$log_benefit_months <- log1p(d$benefit_months)
covariates <- ~ prior_partial_share + log_earnings + log_benefit_months + age + sex + education + migration + stratum
arms <- levels(d$arm)[-1]
row <- function(fit, term) {
  s <- summary(fit)$coefficients
  list(estimate = s[term, "Estimate"], se = s[term, "Std. Error"], df = s[term, "DF"], p = s[term, "Pr(>|t|)"],
       ci_low = s[term, "CI Lower"], ci_high = s[term, "CI Upper"])
}
fits <- function(outcome, se_type, clusters) {
  f <- as.formula(paste(outcome, "~ arm"))
  fit <- if (is.null(clusters)) lm_lin(f, covariates = covariates, data = d, se_type = se_type)
         else lm_lin(f, covariates = covariates, data = d, clusters = caseworker, se_type = se_type)
  unadjusted <- if (is.null(clusters)) lm_robust(f, data = d, se_type = se_type)
                else lm_robust(f, data = d, clusters = caseworker, se_type = se_type)
  setNames(lapply(arms, function(a) list(lin = row(fit, paste0("arm", a)), unadjusted = row(unadjusted, paste0("arm", a)))), arms)
}
# The effect on those who took up: Lin ITT over Lin take-up difference; its SE is the SE of the Lin ITT of
# y - theta * took_up divided by the take-up difference (the estimator's delta method), computed here arm by arm.
att <- function(outcome, se_type, clustered) {
  setNames(lapply(arms, function(a) {
    f <- function(v) { d$v <- v; if (clustered) lm_lin(v ~ arm, covariates = covariates, data = d, clusters = caseworker, se_type = se_type)
                                  else lm_lin(v ~ arm, covariates = covariates, data = d, se_type = se_type) }
    term <- paste0("arm", a)
    uptake <- coef(lm_lin(took_up ~ arm, covariates = covariates, data = d, se_type = "HC2"))[term]
    theta <- coef(f(d[[outcome]]))[term] / uptake
    r <- row(f(d[[outcome]] - theta * d$took_up), term)
    list(estimate = unname(theta), se = r$se / abs(unname(uptake)), df = r$df)
  }), arms)
}
out <- list()
for (outcome in c("partial_full_outflow", "full_outflow")) {
  out[[outcome]] <- list(HC2 = fits(outcome, "HC2", NULL), CR2 = fits(outcome, "CR2", TRUE),
                         att_HC2 = att(outcome, "HC2", FALSE), att_CR2 = att(outcome, "CR2", TRUE))
}
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")

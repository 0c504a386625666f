# Reference values for Research.Statistics.Adjustment (Lin 2013 interacted adjustment), from estimatr::lm_lin.
# Run from this folder:  Rscript make_fixtures.R   (writes lin_cases.json)
suppressPackageStartupMessages({ library(estimatr); library(jsonlite) })
set.seed(20261201)

n <- 300
arm <- sample(rep(c("control", "A", "B"), c(130, 100, 70)))
# Caseworkers nested in arms (4, 3, 3), as in the municipal experiments.
caseworker <- ifelse(arm == "control", paste0("c", sample(1:4, n, TRUE)),
              ifelse(arm == "A", paste0("a", sample(1:3, n, TRUE)), paste0("b", sample(1:3, n, TRUE))))
prior <- round(rnorm(n, 14000, 3000), 2)          # large mean: centring must not lose accuracy
age <- round(runif(n, 20, 60))
sex <- sample(c("F", "M"), n, TRUE)
education <- sample(c("low", "mid", "high"), n, TRUE, prob = c(0.5, 0.3, 0.2))
stratum <- sample(c("1", "2", "3", "4"), n, TRUE)
flag_b <- ifelse(arm == "B", 0, rbinom(n, 1, 0.4))   # constant within arm B
flag_c <- ifelse(arm == "control", 1, rbinom(n, 1, 0.5))   # constant within control
cw_effect <- setNames(rnorm(10, 0, 0.4), sort(unique(caseworker)))
y <- 1 + 0.3 * (arm == "A") - 0.2 * (arm == "B") + 0.00008 * prior + 0.02 * age - 0.3 * (sex == "M") +
  0.4 * (education == "high") + 0.1 * as.numeric(stratum) + 0.5 * flag_b * (arm == "A") + cw_effect[caseworker] + rnorm(n)
y <- round(y, 6)
w <- round(runif(n, 0.5, 2.5), 4)

# Missing values for the missing-data cases.
age_na <- age; age_na[sample(n, 25)] <- NA
edu_na <- education; edu_na[sample(n, 18)] <- NA
y_na <- y; y_na[sample(n, 12)] <- NA

d <- data.frame(y, y_na, arm = factor(arm, levels = c("control", "A", "B")), caseworker, prior, age, sex, education, stratum,
                flag_b, flag_c, w, age_na, edu_na, stringsAsFactors = FALSE)
d$sex <- factor(d$sex, levels = c("F", "M")); d$education <- factor(d$education, levels = c("low", "mid", "high"))
d$stratum <- factor(d$stratum, levels = c("1", "2", "3", "4"))

table_of <- function(fit) {
  tt <- tidy(fit)
  tt <- tt[!is.na(tt$estimate), ]
  list(term = tt$term, estimate = tt$estimate, std_error = tt$std.error, df = tt$df, p_value = tt$p.value,
       conf_low = tt$conf.low, conf_high = tt$conf.high)
}

cov_main <- ~ prior + age + sex + education + stratum
cases <- list()
add <- function(name, fit, covariates, se_type, clusters = FALSE, weights = FALSE, outcome = "y", missing = "Error", treatment_only = FALSE, dropped = 0) {
  cases[[length(cases) + 1]] <<- c(list(name = name, covariates = covariates, se_type = se_type, clusters = clusters, weights = weights,
                                        outcome = outcome, missing = missing, treatment_only = treatment_only, dropped = dropped,
                                        nobs = fit$nobs), table_of(fit))
}

add("hc2", lm_lin(y ~ arm, covariates = cov_main, data = d, se_type = "HC2"), c("prior", "age", "sex", "education", "stratum"), "HC2")
add("cr2", lm_lin(y ~ arm, covariates = cov_main, data = d, clusters = caseworker, se_type = "CR2"), c("prior", "age", "sex", "education", "stratum"), "CR2", clusters = TRUE)
add("weighted_cr2", lm_lin(y ~ arm, covariates = cov_main, data = d, clusters = caseworker, weights = w, se_type = "CR2"), c("prior", "age", "sex", "education", "stratum"), "CR2", clusters = TRUE, weights = TRUE)
add("weighted_hc2", lm_lin(y ~ arm, covariates = cov_main, data = d, weights = w, se_type = "HC2"), c("prior", "age", "sex", "education", "stratum"), "HC2", weights = TRUE)
# estimatr drops the aliased arm B x flag_b_c column, as the C# code does: everything matches.
add("constant_in_arm", lm_lin(y ~ arm, covariates = ~ prior + age + flag_b, data = d, se_type = "HC2"), c("prior", "age", "flag_b"), "HC2")
# Constant within control: control has no slope to lend, so the covariate enters without interactions (written out
# by hand with lm_robust). lm_lin would instead lend control the slope of arm B, which changes the effects.
cc <- transform(d, prior_c = prior - mean(prior), flag_c_c = flag_c - mean(flag_c))
add("constant_in_control", lm_robust(y ~ arm + prior_c + flag_c_c + arm:prior_c, data = cc, clusters = caseworker, se_type = "CR2"),
    c("prior", "flag_c"), "CR2", clusters = TRUE)
# Listwise deletion of missing covariates and outcomes (na.omit), centring over the rows kept.
fit <- lm_lin(y_na ~ arm, covariates = ~ prior + age_na + edu_na, data = transform(d, edu_na = factor(edu_na, levels = c("low", "mid", "high"))), se_type = "HC2")
add("listwise", fit, c("prior", "age_na", "edu_na"), "HC2", outcome = "y_na", missing = "ListwiseDeletion", dropped = n - fit$nobs)
# Missing-indicator method, written out by hand: fill with the column mean and add an indicator after each term.
mi <- d
mi$age_f <- ifelse(is.na(d$age_na), mean(d$age_na, na.rm = TRUE), d$age_na)
mi$age_missing <- as.numeric(is.na(d$age_na))
mid <- as.numeric(d$edu_na == "mid"); high <- as.numeric(d$edu_na == "high")
mi$edu_mid <- ifelse(is.na(mid), mean(mid, na.rm = TRUE), mid)
mi$edu_high <- ifelse(is.na(high), mean(high, na.rm = TRUE), high)
mi$edu_missing <- as.numeric(is.na(d$edu_na))
add("missing_indicator", lm_lin(y ~ arm, covariates = ~ prior + age_f + age_missing + edu_mid + edu_high + edu_missing, data = mi, clusters = caseworker, se_type = "CR2"),
    c("prior", "age_na", "edu_na"), "CR2", clusters = TRUE, missing = "MissingIndicator")

data <- list(y = d$y, y_na = d$y_na, arm = as.character(d$arm), caseworker = d$caseworker, prior = d$prior, age = d$age,
             sex = as.character(d$sex), education = as.character(d$education), stratum = as.character(d$stratum),
             flag_b = d$flag_b, flag_c = d$flag_c, w = d$w, age_na = d$age_na, edu_na = d$edu_na)
write_json(list(data = data, cases = cases), "lin_cases.json", digits = NA, auto_unbox = TRUE, pretty = FALSE, na = "null")

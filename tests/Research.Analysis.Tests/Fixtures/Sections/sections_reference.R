# Independent computation of the report sections that were checked only by their shape: (durable outflow is estimated by the
# lm_lin-checked estimator, see Fixtures/Inference), Kaplan-Meier medians and per-arm robust score (log-rank type) tests, the attrition tests (HC2 Wald F), the wellbeing ANCOVAs (HC2) and the pooled
# individual-level model (CR2, Satterthwaite). Input: the person-level data the report sections analyse (Groningen and
# all sites, synthetic extract seed 7, scale 0.3), written by the project. Output: sections_expected.csv.
# Run: Rscript sections_reference.R   (R 4.2 with sandwich, clubSandwich, survival, car)
suppressMessages({ library(sandwich); library(clubSandwich); library(survival); library(car) })
options(digits = 17)
out <- data.frame(section = character(), key = character(), quantity = character(), value = numeric())
add <- function(section, key, quantity, value) out[nrow(out) + 1, ] <<- list(section, key, quantity, value)
arms <- c("control", "zelf_in_actie", "extra_hulp", "extra_verdienen", "individueel_maatwerk")

hc2 <- function(fit, section, key) {
  v <- vcovHC(fit, type = "HC2"); df <- fit$df.residual
  for (a in arms[-1]) {
    term <- paste0("arm", a); b <- coef(fit)[[term]]; se <- sqrt(v[term, term])
    q <- qt(0.975, df)
    add(section, paste0(key, "|", a), "estimate", b); add(section, paste0(key, "|", a), "se", se)
    add(section, paste0(key, "|", a), "ci_low", b - q * se); add(section, paste0(key, "|", a), "ci_high", b + q * se)
    add(section, paste0(key, "|", a), "p", 2 * pt(-abs(b / se), df))
  }
}


s <- read.csv("survival.csv")
for (o in unique(s$outcome)) {
  so <- s[s$outcome == o, ]
  for (a in arms) {
    fit <- survfit(Surv(time, event) ~ 1, data = so[so$arm == a, ], conf.type = "log-log")
    m <- quantile(fit, probs = 0.5)
    add("survival", paste0(a, "|", o), "median", as.numeric(m$quantile))
    add("survival", paste0(a, "|", o), "median_low", as.numeric(m$lower))
    add("survival", paste0(a, "|", o), "median_high", as.numeric(m$upper))
    add("survival", paste0(a, "|", o), "events", sum(so$event[so$arm == a]))
  }
  # Each treatment arm against control: coxph's robust score test (Lin & Wei 1989) with every person their own
  # cluster, Breslow ties -- the unclustered counterpart of the report's caseworker-clustered test.
  for (a in arms[-1]) {
    sa <- so[so$arm %in% c("control", a), ]
    sa$id <- seq_len(nrow(sa))
    fit <- coxph(Surv(time, event) ~ I(arm == a) + cluster(id), data = sa, ties = "breslow")
    add("survival", paste0("logrank|", a, "|", o), "chi2", unname(fit$rscore))
    add("survival", paste0("logrank|", a, "|", o), "p", pchisq(unname(fit$rscore), 1, lower.tail = FALSE))
  }
}

at <- read.csv("attrition.csv")
at$arm <- relevel(factor(at$arm), "control")
for (w in unique(at$wave)) {
  fit <- lm(responded ~ arm, data = at[at$wave == w, ])
  h <- linearHypothesis(fit, paste0("arm", arms[-1], " = 0"), vcov. = vcovHC(fit, type = "HC2"), test = "F")
  add("attrition", paste0("test|w", w), "F", h$F[2]); add("attrition", paste0("test|w", w), "df1", h$Df[2])
  add("attrition", paste0("test|w", w), "df2", h$Res.Df[2]); add("attrition", paste0("test|w", w), "p", h$`Pr(>F)`[2])
}

wb <- read.csv("wellbeing.csv")
wb$arm <- relevel(factor(wb$arm), "control")
for (i in unique(wb$instrument)) hc2(lm(y ~ arm + baseline + factor(stratum), data = wb[wb$instrument == i, ]), "wellbeing", i)

pl <- read.csv("pooled.csv")
types <- c("exemption", "intensification", "earnings_disregard", "combination", "choice")
for (o in unique(pl$outcome)) {
  po <- pl[pl$outcome == o, ]
  po$type <- factor(po$type, levels = c("control", types))
  fit <- lm(y ~ type + factor(municipality) + baseline, data = po)
  ct <- coef_test(fit, vcov = "CR2", cluster = po$cluster, test = "Satterthwaite")
  for (t in types) {
    r <- ct[ct$Coef == paste0("type", t), ]
    q <- qt(0.975, r$df_Satt)
    add("pooled", paste0(t, "|", o), "estimate", r$beta); add("pooled", paste0(t, "|", o), "se", r$SE)
    add("pooled", paste0(t, "|", o), "df", r$df_Satt); add("pooled", paste0(t, "|", o), "p", r$p_Satt)
    add("pooled", paste0(t, "|", o), "ci_low", r$beta - q * r$SE); add("pooled", paste0(t, "|", o), "ci_high", r$beta + q * r$SE)
  }
}

out$value <- ifelse(is.na(out$value), "NA", sprintf("%.17g", out$value))
write.csv(out, "sections_expected.csv", row.names = FALSE, quote = FALSE)

# Reference values for Research.Scales reliability statistics.
# Run from this directory:  Rscript reliability_reference.R
# Writes dataset_<name>.csv (simulated item data, NA = missing) and reference_<name>.json.
# psych::alpha (default use = "pairwise", and listwise via na.omit), psych::fa(nfactors = 1, fm = "minres"),
# psych::omega(nfactors = 1), and a tightly converged minres solution (iterated principal axes to 1e-14) because
# psych's optim() stops at its default tolerance.
suppressPackageStartupMessages({ library(psych); library(jsonlite) })

simulate <- function(n, loadings, levels, missing, seed, sds = NULL) {
  set.seed(seed)
  k <- length(loadings)
  f <- rnorm(n)
  x <- sapply(seq_len(k), function(j) loadings[j] * f + sqrt(1 - loadings[j]^2) * rnorm(n))
  if (!is.null(levels)) {
    # Likert items: cut the latent responses at fixed thresholds into 1..levels
    cuts <- qnorm(seq(0, 1, length.out = levels + 1))
    x <- apply(x, 2, function(col) as.numeric(cut(col, cuts, labels = FALSE)))
  } else if (!is.null(sds)) {
    x <- sweep(x, 2, sds, `*`)
  }
  if (length(missing) == 1) missing <- rep(missing, k)
  for (j in seq_len(k)) x[runif(n) < missing[j], j] <- NA
  colnames(x) <- paste0("i", seq_len(k))
  as.data.frame(x)
}

tight_minres <- function(R) {
  h <- 1 - 1 / diag(solve(R))
  l <- rep(0, ncol(R))
  for (it in 1:200000) {
    Rs <- R; diag(Rs) <- h
    e <- eigen(Rs, symmetric = TRUE)
    new <- sqrt(e$values[1]) * e$vectors[, 1]
    if (sum(new) < 0) new <- -new
    done <- max(abs(new - l)) < 1e-14
    l <- new; h <- l^2
    if (done) break
  }
  l
}

alpha_block <- function(a) {
  t <- a$total
  list(
    raw_alpha = t$raw_alpha, std_alpha = t$std.alpha, G6 = t[["G6(smc)"]], average_r = t$average_r,
    SN = t[["S/N"]], ase = t$ase, mean = t$mean, sd = t$sd, median_r = t$median_r,
    drop = lapply(seq_len(nrow(a$alpha.drop)), function(i) {
      d <- a$alpha.drop[i, ]
      list(raw_alpha = d$raw_alpha, std_alpha = d$std.alpha, G6 = d[["G6(smc)"]], average_r = d$average_r,
           SN = d[["S/N"]], alpha_se = d[["alpha se"]], var_r = d$var.r, med_r = d$med.r)
    }),
    items = lapply(seq_len(nrow(a$item.stats)), function(i) {
      s <- a$item.stats[i, ]
      list(n = s$n, raw_r = s$raw.r, std_r = s$std.r, r_cor = s$r.cor, r_drop = s$r.drop, mean = s$mean, sd = s$sd)
    })
  )
}

omega_block <- function(x) {
  R <- cor(x, use = "pairwise")
  f <- fa(R, nfactors = 1, fm = "minres")
  om <- suppressWarnings(suppressMessages(omega(x, nfactors = 1, plot = FALSE)))
  tl <- tight_minres(R)
  V <- sum(R)
  # minres criterion: squared off-diagonal residuals; the tight solution must not be worse than psych's
  crit <- function(l) { M <- R - l %o% l; sum(M[lower.tri(M)]^2) }
  stopifnot(crit(tl) <= crit(as.numeric(f$loadings[, 1])) + 1e-15)
  list(
    psych_loadings = as.numeric(f$loadings[, 1]),
    psych_criterion = crit(as.numeric(f$loadings[, 1])), tight_criterion = crit(tl),
    psych_omega_tot = om$omega.tot, psych_omega_h = om$omega_h,
    tight_loadings = tl,
    tight_omega_tot = (V - sum(1 - tl^2)) / V, tight_omega_h = sum(tl)^2 / V
  )
}

datasets <- list(
  likert6_complete = simulate(400, c(.8, .7, .75, .6, .5, .65), 5, 0, 101),
  likert6_missing10 = simulate(400, c(.8, .7, .75, .6, .5, .65), 5, .10, 102),
  likert10_missing15 = simulate(250, c(.7, .6, .55, .65, .5, .6, .7, .45, .6, .5), 4, c(.05, .1, .15, .2, .25, .05, .1, .15, .2, .25), 103),
  continuous4_sds = simulate(150, c(.7, .6, .8, .5), NULL, .05, 104, sds = c(1, 2, 3, .5)),
  likert3_missing20 = simulate(300, c(.6, .7, .5), 7, .20, 105)
)

for (name in names(datasets)) {
  x <- datasets[[name]]
  write.csv(x, sprintf("dataset_%s.csv", name), row.names = FALSE, na = "NA")
  xl <- na.omit(x)
  ref <- list(
    name = name, rows = nrow(x), complete_rows = nrow(xl),
    psych_version = as.character(packageVersion("psych")),
    pairwise = alpha_block(suppressWarnings(alpha(x))),
    listwise = alpha_block(suppressWarnings(alpha(xl))),
    omega_pairwise = omega_block(x),
    omega_listwise = omega_block(xl)
  )
  writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, pretty = TRUE), sprintf("reference_%s.json", name))
}
cat("done\n")

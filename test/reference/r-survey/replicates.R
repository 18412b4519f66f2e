# Replicate-weight designs in R survey 4.1-1 (svrepdesign / as.svrepdesign), five types, and one
# post-stratified, one raked and one calibrated replicate design. The replicate weights each
# design uses are written beside this script (replicates-*.csv), so the tool reads the same columns:
#   jk1   as.svrepdesign(svydesign(id=~dnum, weights=~pw, data=apiclus1), type="JK1")
#         written combined with the sampling weight (svrepdesign's default, combined.weights=TRUE)
#   jkn   as.svrepdesign(apistrat design (1), type="JKn"): factors, rscales with the fpc
#   fay   as.svrepdesign(nhanes design (2), type="Fay", fay.rho=0.3): factors 1.7 / 0.3; Fay's
#         half-samples need 2 PSUs per stratum, so stratum 86's third PSU joins its second
#   boot  as.svrepdesign(apiclus1 design, type="bootstrap", replicates=50) after set.seed(17)
#   sdr   svrepdesign(type="successive-difference") on apisrs: 16 replicates of ACS-style factors
#         1 + 2^-1.5 (H[a, r] - H[b, r]), H the 16 x 16 Hadamard matrix, a and b the rows of
#         consecutive units (the sort order of the file)
# Run from this folder: Rscript replicates.R > replicates-output.txt
# Lines: `design statistic variable [field=level] key=value ...`, numbers with %.10g.
suppressMessages(library(survey)); data(api); data(nhanes)
options(survey.replicates.mse = FALSE)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
# The shortest decimal that reads back as the same double.
exact <- function(x) {
  s <- sprintf("%.15g", x)
  for (d in 16:17) { bad <- !is.na(x) & as.numeric(s) != x; s[bad] <- sprintf(paste0("%.", d, "g"), x[bad]) }
  s
}
cat("survey", as.character(packageVersion("survey")), "\n")
line <- function(...) cat(paste(...), "\n")
kv <- function(k, v) paste0(k, "=", num(v))

write_fixture <- function(file, df) {
  out <- df
  for (n in names(out)) if (is.numeric(out[[n]])) out[[n]] <- ifelse(is.na(out[[n]]), "", suppressWarnings(exact(out[[n]])))
  write.csv(out, file, row.names = FALSE, quote = which(!sapply(df, is.numeric)), na = "")
}
repcols <- function(d, combined) {
  m <- if (combined) weights(d, "analysis") else as.matrix(d$repweights)
  m <- as.matrix(m); colnames(m) <- sprintf("rep%02d", seq_len(ncol(m))); as.data.frame(m)
}

api_keep <- c("stype", "api00", "api99", "enroll", "awards", "sch.wide")
# 1. JK1 on apiclus1 (no fpc), weights combined.
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1)
jk1 <- as.svrepdesign(dclus1, type = "JK1")
write_fixture("replicates-jk1.csv", cbind(apiclus1[, c("dnum", "pw", api_keep)], repcols(jk1, TRUE)))
jk1 <- svrepdesign(data = read.csv("replicates-jk1.csv"), weights = ~pw, repweights = "^rep[0-9]+$", type = "JK1",
                   combined.weights = TRUE, scale = jk1$scale)
# 2. JKn on apistrat with its fpc (in rscales), factors not combined.
dstrat <- svydesign(id = ~dnum, strata = ~stype, fpc = ~fpc, weights = ~pw, nest = TRUE, data = apistrat)
jkn0 <- as.svrepdesign(dstrat, type = "JKn")
write_fixture("replicates-jkn.csv", cbind(apistrat[, c("dnum", "pw", api_keep)], repcols(jkn0, FALSE)))
jkn <- svrepdesign(data = read.csv("replicates-jkn.csv"), weights = ~pw, repweights = "^rep[0-9]+$", type = "JKn",
                   combined.weights = FALSE, rscales = jkn0$rscales, scale = jkn0$scale)
cat("jkn rscales", paste(exact(jkn0$rscales), collapse = ","), "\n")
# 3. Fay's BRR, rho 0.3, on nhanes (2 PSUs per stratum), factors not combined.
nhanes$SDMVPSU[nhanes$SDMVPSU == 3] <- 2
dnh <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nhanes)
fay0 <- as.svrepdesign(dnh, type = "Fay", fay.rho = 0.3)
write_fixture("replicates-fay.csv", cbind(nhanes[, c("WTMEC2YR", "HI_CHOL", "race", "agecat", "RIAGENDR")], repcols(fay0, FALSE)))
fay <- svrepdesign(data = read.csv("replicates-fay.csv"), weights = ~WTMEC2YR, repweights = "^rep[0-9]+$", type = "Fay",
                   rho = 0.3, combined.weights = FALSE)
fay$variables$agecat <- factor(fay$variables$agecat, levels = c("(0,19]", "(19,39]", "(39,59]", "(59,Inf]"))
# 4. Bootstrap on apiclus1, 50 replicates, factors not combined.
set.seed(17)
boot0 <- as.svrepdesign(dclus1, type = "bootstrap", replicates = 50)
write_fixture("replicates-boot.csv", cbind(apiclus1[, c("dnum", "pw", api_keep)], repcols(boot0, FALSE)))
boot <- svrepdesign(data = read.csv("replicates-boot.csv"), weights = ~pw, repweights = "^rep[0-9]+$", type = "bootstrap",
                    combined.weights = FALSE)
# 5. Successive differences on apisrs, 16 replicates, weights combined.
H <- survey:::hadamard(15)[1:16, 1:16]
n <- nrow(apisrs); a <- (seq_len(n) - 1) %% 16 + 1; b <- seq_len(n) %% 16 + 1
f <- 1 + 2^-1.5 * (H[a, ] - H[b, ])
sdr_w <- as.data.frame(f * apisrs$pw); colnames(sdr_w) <- sprintf("rep%02d", 1:16)
write_fixture("replicates-sdr.csv", cbind(apisrs[, c("pw", api_keep)], sdr_w))
sdr <- svrepdesign(data = read.csv("replicates-sdr.csv"), weights = ~pw, repweights = "^rep[0-9]+$",
                   type = "successive-difference", combined.weights = TRUE)

# Weighted replicate designs: apipop's counts (as weighting.R).
stype_pop <- as.data.frame(table(stype = apipop$stype))
schwide_pop <- as.data.frame(table(sch.wide = apipop$sch.wide))
cal_pop <- c(`(Intercept)` = nrow(apipop), stypeH = sum(apipop$stype == "H"), stypeM = sum(apipop$stype == "M"),
             enroll = sum(apipop$enroll, na.rm = TRUE))
designs <- list(jk1 = jk1, jkn = jkn, fay = fay, boot = boot, sdr = sdr,
                jk1_ps = postStratify(jk1, ~stype, stype_pop, compress = FALSE),
                jk1_rake = rake(jk1, list(~stype, ~sch.wide), list(stype_pop, schwide_pop), compress = FALSE),
                jkn_cal = calibrate(jkn, ~stype + enroll, cal_pop, compress = FALSE))

est <- function(name, stat, variable, x, extra = "", i = 1) {
  line(paste0(name, " ", stat, " ", variable, extra), kv("est", coef(x)[i]), kv("se", SE(x)[i]))
}
for (name in names(designs)) {
  d <- designs[[name]]
  line(name, kv("degf", degf(d)), kv("scale", d$scale), kv("replicates", ncol(d$repweights)), kv("sum_rscales", sum(d$rscales)))
  if (name == "fay") {
    est(name, "mean", "HI_CHOL", svymean(~HI_CHOL, d, na.rm = TRUE))
    p <- svyciprop(~HI_CHOL, d, na.rm = TRUE); ci <- confint(p)
    line(name, "proportion HI_CHOL=1", kv("est", coef(p)), kv("se", SE(p)), kv("lower", ci[1]), kv("upper", ci[2]), kv("df", degf(d)))
    est(name, "total", "HI_CHOL", svytotal(~HI_CHOL, d, na.rm = TRUE))
    dist <- svymean(~factor(race), d)
    for (i in seq_along(coef(dist))) est(name, "share", "race", dist, paste0(" race=", i), i)
    by <- svyby(~HI_CHOL, ~agecat, d, svymean, na.rm = TRUE)
    for (i in seq_len(nrow(by))) est(name, "mean", "HI_CHOL", by, paste0(" agecat=", by$agecat[i]), i)
    women <- subset(d, RIAGENDR == 2)
    p <- svyciprop(~HI_CHOL, women, na.rm = TRUE); ci <- confint(p)
    line(name, "proportion HI_CHOL=1 RIAGENDR=2", kv("est", coef(p)), kv("se", SE(p)), kv("lower", ci[1]), kv("upper", ci[2]), kv("df", degf(women)))
    cells <- svymean(~interaction(HI_CHOL, RIAGENDR), d, na.rm = TRUE)
    for (i in seq_along(coef(cells))) est(name, "cell", "HI_CHOL.RIAGENDR", cells, paste0(" cell=", names(coef(cells))[i]), i)
    x <- svychisq(~HI_CHOL + RIAGENDR, d)
    line(name, "chisq HI_CHOL.RIAGENDR", kv("F", x$statistic), kv("ndf", x$parameter[1]), kv("ddf", x$parameter[2]), kv("p", x$p.value))
    m <- svyglm(HI_CHOL ~ factor(race) + factor(RIAGENDR), design = d, family = quasibinomial())
    for (j in seq_along(coef(m))) line(name, "glm", names(coef(m))[j], kv("est", coef(m)[j]), kv("se", SE(m)[j]), kv("df", m$df.residual))
    next
  }
  est(name, "mean", "api00", svymean(~api00, d))
  p <- svyciprop(~I(awards == "Yes"), d); ci <- confint(p)
  line(name, "proportion awards=Yes", kv("est", coef(p)), kv("se", SE(p)), kv("lower", ci[1]), kv("upper", ci[2]), kv("df", degf(d)))
  est(name, "total", "enroll", svytotal(~enroll, d, na.rm = TRUE))
  est(name, "ratio", "api00/api99", svyratio(~api00, ~api99, d))
  q <- svyquantile(~api00, d, 0.5, ci = TRUE)$api00
  line(name, "quantile api00 median", kv("est", q[1, 1]), kv("lower", q[1, 2]), kv("upper", q[1, 3]), kv("se", q[1, 4]))
  dist <- svymean(~stype, d)
  for (i in seq_along(coef(dist))) est(name, "share", "stype", dist, paste0(" stype=", sub("^stype", "", names(coef(dist))[i])), i)
  by <- svyby(~api00, ~stype, d, svymean)
  for (i in seq_len(nrow(by))) est(name, "mean", "api00", by, paste0(" stype=", by$stype[i]), i)
  e <- subset(d, stype == "E")
  p <- svyciprop(~I(awards == "Yes"), e); ci <- confint(p)
  line(name, "proportion awards=Yes stype=E", kv("est", coef(p)), kv("se", SE(p)), kv("lower", ci[1]), kv("upper", ci[2]), kv("df", degf(e)))
  cells <- svymean(~interaction(stype, awards), d)
  for (i in seq_along(coef(cells))) est(name, "cell", "stype.awards", cells, paste0(" cell=", names(coef(cells))[i]), i)
  x <- svychisq(~stype + awards, d)
  line(name, "chisq stype.awards", kv("F", x$statistic), kv("ndf", x$parameter[1]), kv("ddf", x$parameter[2]), kv("p", x$p.value))
  if (name %in% c("jk1", "jkn", "boot", "sdr")) {
    m <- svyglm(I(sch.wide == "Yes") ~ api99 + stype, design = d, family = quasibinomial())
    for (j in seq_along(coef(m))) line(name, "glm", names(coef(m))[j], kv("est", coef(m)[j]), kv("se", SE(m)[j]), kv("df", m$df.residual))
  }
}
# mse = TRUE: the replicates centred at the full-sample estimate (JK1 and bootstrap).
for (name in c("jk1", "boot")) {
  d <- designs[[name]]; d$mse <- TRUE
  est(paste0(name, "_mse"), "mean", "api00", svymean(~api00, d))
  est(paste0(name, "_mse"), "ratio", "api00/api99", svyratio(~api00, ~api99, d))
}
# The runnable example of the docs (docs/examples/replicate-weights/survey.csv): the SDR file as a
# public-use file ships it, a full-sample weight and replicate weights repwt1 ... repwt16.
ex <- read.csv("replicates-sdr.csv")
names(ex) <- sub("^rep0?", "repwt", names(ex)); names(ex)[names(ex) == "pw"] <- "weight"
write_fixture("../../../docs/examples/replicate-weights/survey.csv", ex)

# Every other estimator on a replicate design, plain and post-stratified: counts, the mean of
# ratios, a proportion's other intervals, a multiple-choice question, a contrast of two domains, a median, ratio and total in
# domains, a cross-table's row and column shares, counts and first-order test, and linear and
# logistic models. The fixture is the JK1
# one with a multiple-choice column (the growth targets a school met, as multi-select.R; "∅": none).
a <- data.frame(sch_wide = as.integer(apiclus1$sch.wide == "Yes"), comp_imp = as.integer(apiclus1$comp.imp == "Yes"),
                both = as.integer(apiclus1$both == "Yes"), yr_rnd = as.integer(apiclus1$yr.rnd == "Yes"))
targets <- apply(a, 1, function(r) paste(names(a)[r == 1], collapse = " "))
targets[targets == ""] <- "\u2205"
write_fixture("replicates-more.csv", cbind(apiclus1[, c("dnum", "pw", api_keep)], targets = targets, repcols(as.svrepdesign(dclus1, type = "JK1"), TRUE)))
more_data <- read.csv("replicates-more.csv")
for (k in names(a)) more_data[[paste0("t_", k)]] <- a[[k]]
more_data$n_targets <- rowSums(a)
more <- svrepdesign(data = more_data, weights = ~pw, repweights = "^rep[0-9]+$", type = "JK1", combined.weights = TRUE, scale = jk1$scale)
more_designs <- list(more = more, more_ps = postStratify(more, ~stype, stype_pop, compress = FALSE))
for (name in names(more_designs)) {
  d <- more_designs[[name]]
  key <- paste("x", name)
  tot <- svytotal(~stype, d)
  for (i in seq_along(coef(tot))) est(key, "count", "stype", tot, paste0(" stype=", sub("^stype", "", names(coef(tot))[i])), i)
  est(key, "count", "awards=Yes", svytotal(~I(as.numeric(awards == "Yes")), d))
  est(key, "meanratio", "api00/api99", svymean(~I(api00 / api99), d))
  for (k in names(a)) est(key, "choice", paste0("targets=", k), svymean(as.formula(paste0("~t_", k)), d, na.rm = TRUE))
  est(key, "chosen", "targets", svymean(~n_targets, d, na.rm = TRUE))
  for (method in c("beta", "mean")) {
    p <- svyciprop(~I(awards == "Yes"), d, method = method); ci <- confint(p)
    line(key, paste0("proportion awards=Yes ", method), kv("est", coef(p)), kv("se", SE(p)), kv("lower", ci[1]), kv("upper", ci[2]))
  }
  by <- svyby(~api00, ~stype, d, svymean, covmat = TRUE)
  est(key, "contrast", "api00 stype=E-H", svycontrast(by, c(1, -1, 0)))
  # svyby's coefficients are named "E:awardsNo" (row share) and "No:stypeE" (column share).
  bySE <- function(b) setNames(as.vector(as.matrix(SE(b))), names(coef(b)))
  rs <- svyby(~awards, ~stype, d, svymean)
  for (s in c("E", "H", "M")) for (aw in c("No", "Yes")) {
    i <- paste0(s, ":awards", aw)
    line(paste0(key, " rowshare stype.awards cell=", s, ".", aw), kv("est", coef(rs)[i]), kv("se", bySE(rs)[i]))
  }
  cs <- svyby(~stype, ~awards, d, svymean)
  for (aw in c("No", "Yes")) for (s in c("E", "H", "M")) {
    i <- paste0(aw, ":stype", s)
    line(paste0(key, " colshare stype.awards cell=", s, ".", aw), kv("est", coef(cs)[i]), kv("se", bySE(cs)[i]))
  }
  cells <- svytotal(~interaction(stype, awards), d)
  for (i in seq_along(coef(cells))) est(key, "cellcount", "stype.awards", cells, paste0(" cell=", names(coef(cells))[i]), i)
  x <- svychisq(~stype + awards, d, statistic = "Chisq")
  line(key, "chisq1 stype.awards", kv("stat", x$statistic), kv("df", x$parameter[1]), kv("p", x$p.value))
  for (s in c("E", "H", "M")) {
    q <- svyquantile(~api00, subset(d, stype == s), 0.5, ci = TRUE)$api00
    line(paste0(key, " quantile api00 median stype=", s), kv("est", q[1, 1]), kv("lower", q[1, 2]), kv("upper", q[1, 3]), kv("se", q[1, 4]))
  }
  rby <- svyby(~api00, ~stype, d, svyratio, denominator = ~api99)
  tby <- svyby(~enroll, ~stype, d, svytotal)
  for (i in 1:3) {
    s <- c("E", "H", "M")[i]
    line(paste0(key, " ratio api00/api99 stype=", s), kv("est", coef(rby)[i]), kv("se", SE(rby)[i]))
    line(paste0(key, " total enroll stype=", s), kv("est", coef(tby)[i]), kv("se", SE(tby)[i]))
  }
  m <- svyglm(api00 ~ api99 + stype, design = d)
  for (j in seq_along(coef(m))) line(key, "lm", names(coef(m))[j], kv("est", coef(m)[j]), kv("se", SE(m)[j]), kv("df", m$df.residual))
  m <- svyglm(I(sch.wide == "Yes") ~ api99 + stype, design = d, family = quasibinomial())
  for (j in seq_along(coef(m))) line(key, "glm", names(coef(m))[j], kv("est", coef(m)[j]), kv("se", SE(m)[j]), kv("df", m$df.residual))
}

# BRR on the same nhanes half-samples as Fay's (factors 2 and 0: (f − rho)/(1 − rho) of Fay's).
brr <- as.svrepdesign(dnh, type = "BRR")
stopifnot(isTRUE(all.equal(as.matrix(brr$repweights), (as.matrix(fay0$repweights) - 0.3) / 0.7, check.attributes = FALSE)))
line("brr", kv("degf", degf(brr)), kv("scale", brr$scale), kv("replicates", ncol(brr$repweights)), kv("sum_rscales", sum(brr$rscales)))
est("brr", "mean", "HI_CHOL", svymean(~HI_CHOL, brr, na.rm = TRUE))
est("brr", "total", "HI_CHOL", svytotal(~HI_CHOL, brr, na.rm = TRUE))

# Weighting to population counts in R survey: postStratify (one field, and two fields crossed),
# rake and calibrate (linear; truncated linear with bounds 0.8 and 1.3; logit with bounds 0.7 and
# 1.7, and on nhanes 0.8 and 1.5; raking), and trimWeights (alone, and after calibration, raking and post-stratification; strict or
# not), on the project's two shared designs (apistrat: stratified cluster sample with fpc, counts
# from apipop; nhanes: strata, clusters, weights, HI_CHOL with missing values, margins stated
# below), then means, proportions, totals and a domain with their linearisation se.
# Run from this folder: Rscript weighting.R > weighting-output.txt
# Lines: `design statistic variable [field=level] est=... se=...` and
# `design weights min=... max=... sum=... cv=... neff=...` and, for a trimmed design, the weights
# below and above the bounds before its first pass: `design trimmed nlower=... nupper=...`;
# numbers with %.10g.
suppressMessages(library(survey)); data(api); data(nhanes)
# calibrate's Newton steps call MASS::ginv. MASS ships with R as a recommended package; where an R
# build lacks it, a one-function MASS holding ginv exactly as MASS 7.3 defines it is installed
# in a temporary library.
if (!requireNamespace("MASS", quietly=TRUE)) {
  src <- file.path(tempdir(), "MASS"); dir.create(file.path(src, "R"), recursive=TRUE)
  writeLines(c("Package: MASS", "Version: 7.3.0", "Title: ginv", "Description: ginv.", "License: GPL-2",
               "Author: R", "Maintainer: R <r@r-project.org>"), file.path(src, "DESCRIPTION"))
  writeLines("export(ginv)", file.path(src, "NAMESPACE"))
  writeLines(deparse(function(X, tol = sqrt(.Machine$double.eps)) {
    if (!is.matrix(X)) X <- as.matrix(X)
    Xsvd <- svd(X)
    Positive <- Xsvd$d > max(tol * Xsvd$d[1L], 0)
    if (all(Positive)) Xsvd$v %*% (1/Xsvd$d * t(Xsvd$u))
    else if (!any(Positive)) array(0, dim(X)[2L:1L])
    else Xsvd$v[, Positive, drop=FALSE] %*% ((1/Xsvd$d[Positive]) * t(Xsvd$u[, Positive, drop=FALSE]))
  }) |> (\(body) c("ginv <-", body))(), file.path(src, "R", "ginv.R"))
  lib <- file.path(tempdir(), "lib"); dir.create(lib)
  install.packages(src, lib=lib, repos=NULL, type="source", quiet=TRUE)
  .libPaths(c(lib, .libPaths()))
}
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
cat("survey", as.character(packageVersion("survey")), "\n")
dstrat <- svydesign(id=~dnum, strata=~stype, fpc=~fpc, weights=~pw, nest=TRUE, data=apistrat)
dnh <- svydesign(id=~SDMVPSU, strata=~SDMVSTRA, weights=~WTMEC2YR, nest=TRUE, data=nhanes)

# Population counts: apipop's schools by type and by school-wide target met.
stype_pop <- as.data.frame(table(stype=apipop$stype))
cross_pop <- as.data.frame(table(stype=apipop$stype, sch.wide=apipop$sch.wide))
schwide_pop <- as.data.frame(table(sch.wide=apipop$sch.wide))
print(cross_pop)
# Calibration on school type and enrolment: apipop's counts and total enrolment (its 37 schools
# without enrolment left out of the total).
cal_pop <- c(`(Intercept)`=nrow(apipop), stypeH=sum(apipop$stype == "H"), stypeM=sum(apipop$stype == "M"),
             enroll=sum(apipop$enroll, na.rm=TRUE))
print(cal_pop)
# nhanes margins (stated; both add up to 276,000,000).
race_pop <- data.frame(race=1:4, Freq=c(60e6, 150e6, 40e6, 26e6))
sex_pop <- data.frame(RIAGENDR=1:2, Freq=c(135e6, 141e6))
# The same margins as calibration targets (intercept and treatment contrasts).
nh_pop <- c(`(Intercept)`=276e6, `factor(race)2`=150e6, `factor(race)3`=40e6, `factor(race)4`=26e6,
            `factor(RIAGENDR)2`=141e6)

designs <- list(
  ps_stype = postStratify(dstrat, ~stype, stype_pop),
  ps_cross = postStratify(dstrat, ~stype+sch.wide, cross_pop),
  rake_api = rake(dstrat, list(~stype, ~sch.wide), list(stype_pop, schwide_pop)),
  rake_nhanes = rake(dnh, list(~race, ~RIAGENDR), list(race_pop, sex_pop)),
  ps_nhanes = postStratify(dnh, ~race, race_pop),
  cal_logit_nhanes = calibrate(dnh, ~factor(race)+factor(RIAGENDR), nh_pop, calfun="logit", bounds=c(0.8, 1.5)),
  cal_linear = calibrate(dstrat, ~stype+enroll, cal_pop),
  cal_logit = calibrate(dstrat, ~stype+enroll, cal_pop, calfun="logit", bounds=c(0.7, 1.7)),
  cal_truncated = calibrate(dstrat, ~stype+enroll, cal_pop, calfun="linear", bounds=c(0.8, 1.3)),
  cal_raking = calibrate(dstrat, ~stype+enroll, cal_pop, calfun="raking")
)
# Trimming (survey 4.1-1's trimWeights: the excess shared equally by the weights inside the bounds,
# strict repeating the pass): the sampling weights alone, and weights after each method.
trims <- list(
  trim_alone = list("dstrat", 20, 40, FALSE),
  trim_cal = list("cal_linear", 15, 45, FALSE),
  trim_cal_strict = list("cal_linear", 25, 35, TRUE),
  trim_ps = list("ps_cross", 16, 45, FALSE),
  trim_rake_nhanes = list("rake_nhanes", 10000, 120000, TRUE)
)
for (name in names(trims)) {
  tr <- trims[[name]]
  from <- if (tr[[1]] == "dstrat") dstrat else designs[[tr[[1]]]]
  w0 <- weights(from)
  cat(name, " trimmed nlower=", sum(w0 < tr[[2]]), " nupper=", sum(w0 > tr[[3]]), "\n", sep="")
  designs[[name]] <- trimWeights(from, lower=tr[[2]], upper=tr[[3]], strict=tr[[4]])
}

line <- function(name, stat, variable, est, se, level="") {
  cat(name, " ", stat, " ", variable, level, " est=", num(est), " se=", num(se), "\n", sep="")
}
for (name in names(designs)) {
  d <- designs[[name]]
  w <- weights(d)
  cat(name, " weights min=", num(min(w)), " max=", num(max(w)), " sum=", num(sum(w)),
      " cv=", num(sd(w)/mean(w)), " neff=", num(sum(w)^2/sum(w^2)), "\n", sep="")
  if (grepl("nhanes", name)) {
    m <- svymean(~HI_CHOL, d, na.rm=TRUE); line(name, "mean", "HI_CHOL", coef(m), SE(m))
    t <- svytotal(~HI_CHOL, d, na.rm=TRUE); line(name, "total", "HI_CHOL", coef(t), SE(t))
    by <- svyby(~HI_CHOL, ~agecat, d, svymean, na.rm=TRUE)
    for (i in seq_len(nrow(by))) line(name, "mean", "HI_CHOL", coef(by)[i], SE(by)[i], paste0(" agecat=", by$agecat[i]))
    for (f in c("race", "RIAGENDR")) {
      tt <- svytotal(as.formula(paste0("~factor(", f, ")")), d)
      for (i in seq_along(coef(tt))) line(name, "margin", f, coef(tt)[i], SE(tt)[i], paste0(" ", f, "=", i))
    }
  } else {
    m <- svymean(~api00, d); line(name, "mean", "api00", coef(m), SE(m))
    p <- svymean(~I(as.numeric(awards == "Yes")), d); line(name, "proportion", "awards=Yes", coef(p), SE(p))
    t <- svytotal(~enroll, d); line(name, "total", "enroll", coef(t), SE(t))
    by <- svyby(~api00, ~awards, d, svymean)
    for (i in seq_len(nrow(by))) line(name, "mean", "api00", coef(by)[i], SE(by)[i], paste0(" awards=", by$awards[i]))
  }
}

# Two-way tables of R survey on the two shared designs: cell, row and column shares, estimated
# population counts, margins, and the Rao-Scott tests of independence (svychisq, statistic "F"
# and "Chisq"). Run from this folder: Rscript crosstab.R > crosstab-output.txt
# Lines: `table what key=value ...`, numbers with %.10g, NA where R gives NA or NaN.
# A row with a missing value on either field leaves every share and count (NA, na.rm = TRUE) but
# stays in the design it is estimated in. Shares' intervals: svyciprop(method = "logit") on that
# design (the table's universe for cell shares and margins, subset(universe, a == i) for row
# shares, subset(universe, b == j) for column shares, rows missing the other field included);
# counts' intervals: confint(svytotal, df = degf) of the universe.
suppressMessages(library(survey)); data(api)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
cat("survey", as.character(packageVersion("survey")), "\n")
line <- function(table, what, ...) {
  kv <- list(...)
  cat(table, " ", what, paste0(" ", names(kv), "=", vapply(kv, function(v) if (is.character(v)) v else num(v), ""), collapse = ""), "\n", sep = "")
}
share <- function(table, what, f, d, ...) {
  ci <- svyciprop(f, d, method = "logit", na.rm = TRUE)
  line(table, what, ..., est = coef(ci), se = SE(ci), lo = confint(ci)[1], hi = confint(ci)[2], degf = degf(d))
}
count <- function(table, what, f, d, ...) {
  t <- svytotal(f, d, na.rm = TRUE)
  ci <- confint(t, df = degf(d))
  line(table, what, ..., est = coef(t), se = SE(t), lo = ci[1], hi = ci[2])
}
crosstab <- function(table, d, a, b) {
  va <- d$variables[[a]]; vb <- d$variables[[b]]
  la <- levels(va); lb <- levels(vb)
  both <- !is.na(va) & !is.na(vb)
  cat(table, " rows=", nrow(d), " used=", sum(both), " degf=", degf(d), "\n", sep = "")
  d$variables$one <- 1
  for (i in la) for (j in lb) {
    d$variables$cell <- ifelse(both, as.numeric(va == i & vb == j), NA)
    line(table, "n", a = i, b = j, n = sum(both & va == i & vb == j))
    share(table, "cell", ~cell, d, a = i, b = j)
    share(table, "row", ~cell, subset(d, va == i), a = i, b = j)
    share(table, "col", ~cell, subset(d, vb == j), a = i, b = j)
    count(table, "count", ~cell, d, a = i, b = j)
  }
  for (i in la) {
    d$variables$m <- ifelse(both, as.numeric(va == i), NA)
    share(table, "rowmargin", ~m, d, a = i)
    count(table, "rowcount", ~m, d, a = i)
  }
  for (j in lb) {
    d$variables$m <- ifelse(both, as.numeric(vb == j), NA)
    share(table, "colmargin", ~m, d, b = j)
    count(table, "colcount", ~m, d, b = j)
  }
  d$variables$m <- ifelse(both, 1, NA)
  count(table, "total", ~m, d)
  # The same cell shares as one svymean of the interaction, and the row shares by svyby.
  f <- as.formula(paste0("~interaction(", a, ", ", b, ")"))
  m <- svymean(f, d, na.rm = TRUE)
  line(table, "interaction", first = coef(m)[1], first_se = SE(m)[1], last = coef(m)[length(coef(m))], last_se = SE(m)[length(coef(m))])
  by <- svyby(as.formula(paste0("~", b)), as.formula(paste0("~", a)), d, svymean, na.rm = TRUE)
  line(table, "svyby", first = unname(coef(by))[1], first_se = unname(unlist(SE(by)))[1])
  tf <- as.formula(paste0("~", a, "+", b))
  F <- svychisq(tf, d, statistic = "F")
  line(table, "F", stat = unname(F$statistic), ndf = unname(F$parameter["ndf"]), ddf = unname(F$parameter["ddf"]), p = F$p.value)
  X <- svychisq(tf, d, statistic = "Chisq")
  line(table, "Chisq", stat = unname(X$statistic), df = unname(X$parameter["df"]), p = X$p.value)
}
dstrat <- svydesign(id = ~dnum, strata = ~stype, fpc = ~fpc, weights = ~pw, nest = TRUE, data = apistrat)
crosstab("apistrat", dstrat, "stype", "awards")
nhanes <- read.csv("nhanes.csv")
nhanes$HI_CHOL <- factor(nhanes$HI_CHOL, levels = c(0, 1))
nhanes$race <- factor(nhanes$race, levels = 1:4)
dn <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nhanes)
cat("NAs in HI_CHOL among RIAGENDR == 2:", sum(is.na(nhanes$HI_CHOL[nhanes$RIAGENDR == 2])), "\n")
crosstab("nhanes", subset(dn, RIAGENDR == 2), "HI_CHOL", "race")

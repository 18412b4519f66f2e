# Population counts (svytotal of a condition's indicator and of a factor) with their se, t
# interval on the design df and coefficient of variation, on the two shared designs: apistrat
# (stratified clusters with fpc) and nhanes (missing values, a domain).
# Run from this folder: Rscript counts.R > counts-output.txt
# Lines: `design | name | key=value ...`, numbers with %.10g. `df` is the df the interval uses:
# degf of the design (or of the universe's subset, or of the domain's), rows with a missing value
# included, as the tool's other totals.
suppressMessages(library(survey))
apistrat <- read.csv("apistrat.csv")
nhanes <- read.csv("nhanes.csv")
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
cat("survey", as.character(packageVersion("survey")), "\n")
cat("NAs in nhanes$HI_CHOL:", sum(is.na(nhanes$HI_CHOL)), "\n")

# One line per element of a svytotal: estimate, se, cv, deff, df, interval.
show <- function(design, name, tot, df) {
  est <- coef(tot); se <- SE(tot); cvs <- cv(tot); dfs <- deff(tot)
  ci <- confint(tot, df = df)
  for (k in seq_along(est)) {
    cat(design, " | ", name, if (length(est) > 1) paste0(" ", names(est)[k]) else "", " | ",
        "estimate=", num(est[k]), " se=", num(se[k]), " cv=", num(cvs[k]), " deff=", num(dfs[k]),
        " df=", df, " lo=", num(ci[k, 1]), " hi=", num(ci[k, 2]), "\n", sep = "")
  }
}

dstrat <- svydesign(id = ~dnum, strata = ~stype, fpc = ~fpc, weights = ~pw, nest = TRUE, data = apistrat)
show("apistrat", "count sch.wide=Yes", svytotal(~I(sch.wide == "Yes"), dstrat, deff = TRUE), degf(dstrat))
show("apistrat", "count by stype", svytotal(~factor(stype), dstrat, deff = TRUE), degf(dstrat))
u <- subset(dstrat, comp.imp == "Yes")
show("apistrat", "count sch.wide=Yes universe comp.imp=Yes", svytotal(~I(sch.wide == "Yes"), u, deff = TRUE), degf(u))
show("apistrat", "count by awards universe comp.imp=Yes", svytotal(~factor(awards), u, deff = TRUE), degf(u))
for (s in c("E", "H", "M")) {
  d <- subset(dstrat, stype == s)
  show("apistrat", paste0("count sch.wide=Yes stype=", s), svytotal(~I(sch.wide == "Yes"), d, deff = TRUE), degf(d))
}

dnh <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nhanes)
show("nhanes", "count HI_CHOL=1", svytotal(~I(HI_CHOL == 1), dnh, na.rm = TRUE, deff = TRUE), degf(dnh))
show("nhanes", "count by HI_CHOL", svytotal(~factor(HI_CHOL), dnh, na.rm = TRUE, deff = TRUE), degf(dnh))
show("nhanes", "count by race", svytotal(~factor(race), dnh, deff = TRUE), degf(dnh))
for (g in c(1, 2)) {
  d <- subset(dnh, RIAGENDR == g)
  show("nhanes", paste0("count HI_CHOL=1 RIAGENDR=", g), svytotal(~I(HI_CHOL == 1), d, na.rm = TRUE, deff = TRUE), degf(d))
}
for (g in 1:4) {
  d <- subset(dnh, race == g)
  show("nhanes", paste0("count HI_CHOL=1 race=", g), svytotal(~I(HI_CHOL == 1), d, na.rm = TRUE, deff = TRUE), degf(d))
}

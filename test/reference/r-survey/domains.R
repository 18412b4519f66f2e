# Domain estimates of R survey on crossed subgroups (two grouping fields) and the category shares
# of a factor within each subgroup, on the project's two shared designs: apistrat as a stratified
# cluster sample with fpc, and nhanes (strata, clusters, weights, missing values).
# Run from this folder: Rscript domains.R > domains-output.txt
# Lines: `statistic variable design field=level ... est=... se=... degf=...`, numbers with %.10g;
# degf is that of the domain (R's degf of the subset design: clusters with a row of the domain,
# missing values included, less strata).
suppressMessages(library(survey)); data(api); data(nhanes)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
cat("survey", as.character(packageVersion("survey")), "\n")
dstrat <- svydesign(id=~dnum, strata=~stype, fpc=~fpc, weights=~pw, nest=TRUE, data=apistrat)
dnh <- svydesign(id=~SDMVPSU, strata=~SDMVSTRA, weights=~WTMEC2YR, nest=TRUE, data=nhanes)

# Each row of a svyby table: its levels as field=level, its estimate and se, the domain's degf.
by_lines <- function(stat, variable, design, tab, byvars) {
  est <- coef(tab)
  ses <- SE(tab)
  for (i in seq_len(nrow(tab))) {
    levels <- sapply(byvars, function(v) as.character(tab[[v]][i]))
    keep <- Reduce(`&`, lapply(byvars, function(v) as.character(design$variables[[v]]) == levels[[v]]))
    keep[is.na(keep)] <- FALSE
    cat(stat, " ", variable, " ", paste0(byvars, "=", levels, collapse=" "),
        " est=", num(est[i]), " se=", num(ses[i]), " degf=", degf(design[keep, ]), "\n", sep="")
  }
}

# apistrat, stratified cluster sample with fpc.
by_lines("mean", "api00", dstrat, svyby(~api00, ~stype+awards, dstrat, svymean), c("stype", "awards"))
by_lines("total", "enroll", dstrat, svyby(~enroll, ~stype+sch.wide, dstrat, svytotal), c("stype", "sch.wide"))
by_lines("ratio", "api00/api99", dstrat,
         svyby(~api00, ~stype+awards, dstrat, svyratio, denominator=~api99), c("stype", "awards"))
by_lines("mean_of_ratios", "api00/api99", dstrat,
         svyby(~I(api00/api99), ~stype+awards, dstrat, svymean), c("stype", "awards"))
dstrat <- update(dstrat, sch_wide_yes = as.numeric(sch.wide == "Yes"))
by_lines("proportion", "sch.wide=Yes", dstrat, svyby(~sch_wide_yes, ~stype+awards, dstrat, svymean), c("stype", "awards"))
# A quantile per crossed level: svyquantile on the level's subset design (Woodruff, qrule "math"),
# its se from the interval's width, its df that of the subset.
for (s in levels(factor(apistrat$stype))) for (a in c("No", "Yes")) {
  d <- subset(dstrat, stype == s & awards == a)
  q <- svyquantile(~api00, d, 0.5, ci=TRUE)$api00
  cat("quantile0.5 api00 stype=", s, " awards=", a, " est=", num(q[1, 1]), " se=", num(q[1, 4]),
      " degf=", degf(d), " lo=", num(q[1, 2]), " hi=", num(q[1, 3]), "\n", sep="")
}
# Category shares of awards within each school type: one line per (level, category).
tab <- svyby(~factor(awards), ~stype, dstrat, svymean)
for (k in c("No", "Yes")) {
  col <- paste0("factor(awards)", k)
  for (i in seq_len(nrow(tab))) {
    s <- as.character(tab$stype[i])
    cat("share awards=", k, " stype=", s, " est=", num(tab[i, col]), " se=", num(tab[i, paste0("se.", col)]),
        " degf=", degf(subset(dstrat, stype == s)), "\n", sep="")
  }
}

# nhanes: high cholesterol (745 missing values) by race and sex, and age groups by race.
by_lines("proportion", "HI_CHOL=1", dnh, svyby(~HI_CHOL, ~race+RIAGENDR, dnh, svymean, na.rm=TRUE), c("race", "RIAGENDR"))
tab <- svyby(~factor(agecat), ~race, dnh, svymean, na.rm=TRUE)
for (k in levels(factor(nhanes$agecat))) {
  col <- paste0("factor(agecat)", k)
  for (i in seq_len(nrow(tab))) {
    r <- as.character(tab$race[i])
    cat("share agecat=", k, " race=", r, " est=", num(tab[i, col]), " se=", num(tab[i, paste0("se.", col)]),
        " degf=", degf(subset(dnh, race == as.integer(r))), "\n", sep="")
  }
}

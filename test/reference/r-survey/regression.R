# Design-based regression of R survey (svyglm) on the two shared designs: linear (gaussian())
# and logistic (quasibinomial()) models with numeric and categorical predictors (treatment
# contrasts, a non-default reference level) and an interaction. Run from this folder:
#   Rscript regression.R > regression-output.txt
# Lines: `model what key=value ...`, numbers with %.10g. Per coefficient: estimate, SE
# (vcov.svyglm: the sandwich A^-1 B A^-1 through svyrecvar), t, p (summary.svyglm, t on
# df.residual), and the 95% t interval on df.residual (estimate -/+ qt(0.975, df.residual) * SE).
# svyglm drops rows with a missing model variable (na.omit) and then subsets the design to the
# rows kept (design[-nas, ]): degf counts only the PSUs with a kept row, and
# df.residual = degf(kept design) + 1 - rank.
suppressMessages(library(survey)); data(api)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
cat("survey", as.character(packageVersion("survey")), "\n")
report <- function(name, m, design) {
  s <- summary(m)
  cf <- coef(s)
  df <- m$df.residual
  ci <- cbind(cf[, 1] - qt(0.975, df) * cf[, 2], cf[, 1] + qt(0.975, df) * cf[, 2])
  kept <- if (length(m$na.action)) design[-m$na.action, ] else design
  cat(name, " n=", length(m$y), " rank=", m$rank, " df=", num(df), " degf_kept=", degf(kept),
      " degf_design=", degf(design), " iter=", m$iter, "\n", sep = "")
  for (k in rownames(cf)) {
    cat(name, " coef term=", k, " est=", num(cf[k, 1]), " se=", num(cf[k, 2]), " t=", num(cf[k, 3]),
        " p=", num(cf[k, 4]), " lo=", num(ci[k, 1]), " hi=", num(ci[k, 2]), "\n", sep = "")
  }
}
dstrat <- svydesign(id = ~dnum, strata = ~stype, fpc = ~fpc, weights = ~pw, nest = TRUE, data = apistrat)
report("api_linear", svyglm(api00 ~ ell + meals + stype, design = dstrat), dstrat)
dstrat_m <- update(dstrat, stype = relevel(stype, ref = "M"))
report("api_interaction", svyglm(api00 ~ ell + stype + ell:stype, design = dstrat_m), dstrat_m)
# A missing outcome on every row of district 153 (5 schools, one PSU): the PSU leaves degf.
dstrat_na <- update(dstrat, api00na = ifelse(dnum == 153, NA, api00))
report("api_missing_psu", svyglm(api00na ~ ell + meals, design = dstrat_na), dstrat_na)
dstrat_y <- update(dstrat, yes = as.numeric(sch.wide == "Yes"))
report("api_logistic", svyglm(yes ~ ell + stype, design = dstrat_y, family = quasibinomial()), dstrat_y)
nhanes <- read.csv("nhanes.csv")
nhanes$race <- relevel(factor(nhanes$race, levels = 1:4), ref = "2")
nhanes$agecat <- factor(nhanes$agecat, levels = c("(0,19]", "(19,39]", "(39,59]", "(59,Inf]"))
nhanes$RIAGENDR <- factor(nhanes$RIAGENDR, levels = 1:2)
dn <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nhanes)
cat("NAs in HI_CHOL:", sum(is.na(nhanes$HI_CHOL)), "\n")
report("nhanes_logistic", svyglm(HI_CHOL ~ race + agecat + RIAGENDR, design = dn, family = quasibinomial()), dn)
women <- subset(dn, RIAGENDR == "2")
report("nhanes_linear_women", svyglm(HI_CHOL ~ agecat + race, design = women), women)

# Reference values for the study `exclusion-study init` infers from nhanes.csv alone (its design
# found by the columns' names): the share of HI_CHOL = 1 and the distributions of race and agecat.
# Reads the CSV the tests read. Run from this folder: Rscript init-nhanes.R > init-nhanes-output.txt
suppressMessages(library(survey))
nhanes <- read.csv("nhanes.csv")
d <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nhanes)
cat("survey", format(packageVersion("survey")), "\n")
show <- function(what, est) {
  se <- SE(est)
  for (i in seq_along(coef(est))) cat(sprintf("%s %s est=%.12g se=%.12g\n", what, names(coef(est))[i], coef(est)[i], se[i]))
}
show("proportion", svymean(~I(HI_CHOL == 1), d, na.rm = TRUE))
show("distribution", svymean(~factor(race), d))
show("distribution", svymean(~factor(agecat), d))

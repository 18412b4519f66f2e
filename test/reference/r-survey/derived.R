# Derived variables on the two shared designs, as R survey computes them: bands of a number
# (cut, right = FALSE), a recode merging two categories, arithmetic of two fields (a ratio with
# zero denominators set to NA) and a yes/no from a condition with missing values, by a domain.
# Run from this folder: Rscript derived.R > derived-output.txt
# Lines: `name key=value ...`, numbers with %.10g; nmiss counts the rows whose value is NA.
suppressMessages(library(survey))
num <- function(x) sprintf("%.10g", x)
cat("survey", as.character(packageVersion("survey")), "\n")
line <- function(name, est, se, nmiss) cat(name, " est=", num(est), " se=", num(se), " nmiss=", nmiss, "\n", sep="")

# (1) Stratified cluster sample with fpc.
apistrat <- read.csv("apistrat.csv")
# Bands closed on the left, open on the right: [lower, upper), as cut(right = FALSE).
apistrat$band3 <- cut(apistrat$api00, c(-Inf, 500, 700, Inf), right=FALSE)
# Bands that leave gaps: a score below 450 or from 800 on is in no band (NA).
apistrat$band2 <- cut(apistrat$api00, c(450, 600, 800), right=FALSE)
# E and M merged into one category.
apistrat$stype2 <- factor(ifelse(apistrat$stype == "H", "H", "EM"), levels=c("EM", "H"))
apistrat$gain <- apistrat$api00 - apistrat$api99
apistrat$meals_per_ell <- ifelse(apistrat$ell == 0, NA, apistrat$meals / apistrat$ell)
d <- svydesign(id=~dnum, strata=~stype, fpc=~fpc, weights=~pw, nest=TRUE, data=apistrat)

m <- svymean(~band3, d)
for (k in seq_along(coef(m))) line(paste0("apistrat band3 ", levels(apistrat$band3)[k]), coef(m)[k], SE(m)[k], 0)
nmiss <- sum(is.na(apistrat$band2))
m <- svymean(~band2, d, na.rm=TRUE)
for (k in seq_along(coef(m))) line(paste0("apistrat band2 ", levels(apistrat$band2)[k]), coef(m)[k], SE(m)[k], nmiss)
b <- svyby(~api00, ~stype2, d, svymean)
for (k in seq_len(nrow(b))) line(paste0("apistrat api00 by stype2 ", b$stype2[k]), coef(b)[k], SE(b)[k], 0)
m <- svymean(~gain, d)
line("apistrat mean gain", coef(m), SE(m), 0)
m <- svymean(~meals_per_ell, d, na.rm=TRUE)
line("apistrat mean meals_per_ell", coef(m), SE(m), sum(is.na(apistrat$meals_per_ell)))

# (2) Stratified cluster sample with missing values: HI_CHOL has NAs.
nhanes <- read.csv("nhanes.csv")
# A condition as R's three-valued logic evaluates it: NA & FALSE is FALSE, NA & TRUE is NA.
nhanes$chol_over_40 <- as.numeric(nhanes$HI_CHOL == 1 & nhanes$agecat %in% c("(39,59]", "(59,Inf]"))
dn <- svydesign(id=~SDMVPSU, strata=~SDMVSTRA, weights=~WTMEC2YR, nest=TRUE, data=nhanes)
nmiss <- sum(is.na(nhanes$chol_over_40))
m <- svymean(~chol_over_40, dn, na.rm=TRUE)
line("nhanes chol_over_40", coef(m), SE(m), nmiss)
b <- svyby(~chol_over_40, ~race, dn, svymean, na.rm=TRUE)
for (k in seq_len(nrow(b))) line(paste0("nhanes chol_over_40 race=", b$race[k]), coef(b)[k], SE(b)[k], nmiss)

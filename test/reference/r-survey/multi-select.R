# Multiple-choice (select_multiple) questions on R survey's two shared designs: each option's
# share is the design-based mean of its own 0/1 indicator (svymean, svyciprop logit), the number
# of options chosen a mean; "any of" / "all of" conditions are proportions. The script also
# writes the derived data the tests read: apistrat with a space-separated column
# (multi-select-api.csv) and nhanes with one 0/1 column per choice, blank where the answer is
# missing (multi-select-nhanes.csv). Run from this folder: Rscript multi-select.R > multi-select-output.txt
# Lines: `name key=value ...`, numbers with %.10g.
suppressMessages(library(survey))
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
cat("survey", as.character(packageVersion("survey")), "\n")

show <- function(name, formula, d) {
  m <- svymean(formula, d, na.rm = TRUE)
  ci <- svyciprop(formula, d, method = "logit", na.rm = TRUE)
  cat(name, " est=", num(coef(m)), " se=", num(SE(m)), " lo=", num(confint(ci)[1]), " hi=", num(confint(ci)[2]), "\n", sep = "")
}
showMean <- function(name, formula, d) {
  m <- svymean(formula, d, na.rm = TRUE)
  ci <- confint(m, df = degf(d))
  cat(name, " est=", num(coef(m)), " se=", num(SE(m)), " lo=", num(ci[1]), " hi=", num(ci[2]), "\n", sep = "")
}

# (1) apistrat: which growth targets a school met, and whether it is year-round, one column of choice names.
apistrat <- read.csv("apistrat.csv")
a <- data.frame(
  sch_wide = as.integer(apistrat$sch.wide == "Yes"),
  comp_imp = as.integer(apistrat$comp.imp == "Yes"),
  both = as.integer(apistrat$both == "Yes"),
  yr_rnd = as.integer(apistrat$yr.rnd == "Yes")
)
targets <- apply(a, 1, function(r) paste(names(a)[r == 1], collapse = " "))
# A blank cell of the single-column layout is a missing answer (not "nothing chosen").
a[targets == "", ] <- NA
apistrat$n_targets <- rowSums(a)
for (k in names(a)) apistrat[[paste0("t_", k)]] <- a[[k]]
write.csv(data.frame(snum = apistrat$snum, dnum = apistrat$dnum, stype = apistrat$stype, pw = apistrat$pw, fpc = apistrat$fpc,
                     targets = targets), "multi-select-api.csv", row.names = FALSE)
dstrat <- svydesign(id = ~dnum, strata = ~stype, fpc = ~fpc, weights = ~pw, nest = TRUE, data = apistrat)
for (k in names(a)) show(paste("api share", k), as.formula(paste0("~t_", k)), dstrat)
showMean("api mean chosen", ~n_targets, dstrat)
show("api any_of both yr_rnd", ~as.numeric(t_both == 1 | t_yr_rnd == 1), dstrat)
show("api all_of sch_wide comp_imp", ~as.numeric(t_sch_wide == 1 & t_comp_imp == 1), dstrat)

# (2) nhanes: risk markers, one 0/1 column per choice, blank (missing) where HI_CHOL is missing.
nhanes <- read.csv("nhanes.csv")
miss <- is.na(nhanes$HI_CHOL)
b <- data.frame(
  chol = as.integer(nhanes$HI_CHOL == 1),
  female = as.integer(nhanes$RIAGENDR == 2),
  over60 = as.integer(nhanes$agecat == "(59,Inf]")
)
b[miss, ] <- NA
for (k in names(b)) nhanes[[paste0("r_", k)]] <- b[[k]]
nhanes$n_risks <- rowSums(b)
out <- data.frame(SDMVPSU = nhanes$SDMVPSU, SDMVSTRA = nhanes$SDMVSTRA, WTMEC2YR = nhanes$WTMEC2YR)
for (k in names(b)) out[[paste0("risks/", k)]] <- ifelse(is.na(b[[k]]), "", as.character(b[[k]]))
write.csv(out, "multi-select-nhanes.csv", row.names = FALSE)
dn <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nhanes)
for (k in names(b)) show(paste("nhanes share", k), as.formula(paste0("~r_", k)), dn)
showMean("nhanes mean chosen", ~n_risks, dn)
show("nhanes any_of chol over60", ~as.numeric(r_chol == 1 | r_over60 == 1), dn)
show("nhanes all_of chol female", ~as.numeric(r_chol == 1 & r_female == 1), dn)

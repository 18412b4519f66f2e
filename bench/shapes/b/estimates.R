# Benchmark shapes (b) and (d): the estimates of study.yaml with R's survey package, on the file
# `npm run bench` generated. Usage: Rscript bench/shapes/b/estimates.R FILE
suppressMessages(library(survey))
options(digits = 10)
file <- commandArgs(trailingOnly = TRUE)[1]
na <- c("", "NSP", "NR")
# data.table::fread when installed (the fast reader an R user would take), else read.csv.
q <- if (requireNamespace("data.table", quietly = TRUE)) {
  data.table::fread(file, na.strings = na, data.table = FALSE, encoding = "UTF-8")
} else {
  read.csv(file, na.strings = na, stringsAsFactors = FALSE)
}
d <- svydesign(id = ~household_id, strata = ~region, weights = ~weight, data = q)
cat("survey", as.character(packageVersion("survey")), "rows", nrow(q), "degf", degf(d), "\n")
show <- function(name, est, se) cat(sprintf("%s est=%.10g se=%.10g\n", name, est, se))
# A proportion: the share, its logit interval (as the study's), and the share by sex.
prop <- function(name, cond, design = d) {
  m <- svymean(cond, design, na.rm = TRUE, deff = TRUE)
  ci <- svyciprop(cond, design, method = "logit", na.rm = TRUE)
  show(name, coef(m)[2], SE(m)[2])
  by <- svyby(cond, ~sex, design, svymean, na.rm = TRUE)
  print(by)
}
mean_of <- function(name, f) {
  m <- svymean(f, d, na.rm = TRUE, deff = TRUE)
  ci <- confint(m, df = degf(d))
  show(name, coef(m), SE(m))
  print(svyby(f, ~sex, d, svymean, na.rm = TRUE))
}
prop("no_internet", ~I(internet == "no"))
prop("has_phone", ~I(phone == "yes"))
prop("no_bank_account", ~I(bank_account == "no"))
prop("unemployed", ~I(employment == "unemployed"), subset(d, employment %in% c("employed", "unemployed")))
m <- svymean(~factor(employment), d, na.rm = TRUE)
print(m)
print(svyby(~factor(employment), ~sex, subset(d, !is.na(employment)), svymean))
mean_of("age_mean", ~age)
mean_of("income_mean", ~monthly_income)
r <- svyratio(~food_spend, ~monthly_income, d, na.rm = TRUE)
show("food_share", coef(r), SE(r))
print(svyby(~food_spend, by = ~sex, denominator = ~monthly_income, design = d, FUN = svyratio, na.rm = TRUE))
mean_of("household_size_mean", ~household_size)
prop("poor_health", ~I(health >= 4))

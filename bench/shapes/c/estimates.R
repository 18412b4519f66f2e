# Benchmark shape (c): the estimates of study.yaml with R's survey package, on the KoboToolbox
# export `npm run bench` generated. Usage: Rscript bench/shapes/c/estimates.R FILE
suppressMessages(library(survey))
options(digits = 10)
file <- commandArgs(trailingOnly = TRUE)[1]
# Every column is read, as an R user reading the export would (group paths kept as names).
q <- if (requireNamespace("data.table", quietly = TRUE)) {
  data.table::fread(file, na.strings = "", data.table = FALSE, encoding = "UTF-8")
} else {
  read.csv(file, na.strings = "", stringsAsFactors = FALSE, check.names = FALSE)
}
sources <- c("radio", "tv", "phone", "internet", "newspaper", "friends", "church", "other")
d <- svydesign(id = ~`household/village`, strata = ~`household/region`, data = q)
cat("survey", as.character(packageVersion("survey")), "rows", nrow(q), "degf", degf(d), "\n")
show <- function(name, est, se) cat(sprintf("%s est=%.10g se=%.10g\n", name, est, se))
prop <- function(name, cond, design = d) {
  m <- svymean(cond, design, na.rm = TRUE, deff = TRUE)
  ci <- svyciprop(cond, design, method = "logit", na.rm = TRUE)
  show(name, coef(m)[2], SE(m)[2])
  print(svyby(cond, ~`respondent/sex`, design, svymean, na.rm = TRUE))
}
mean_of <- function(name, f, design = d) {
  m <- svymean(f, design, na.rm = TRUE, deff = TRUE)
  ci <- confint(m, df = degf(design))
  show(name, coef(m), SE(m))
  print(svyby(f, ~`respondent/sex`, design, svymean, na.rm = TRUE))
}
dist <- function(f) {
  print(svymean(f, d, na.rm = TRUE))
  print(svyby(f, ~`respondent/sex`, d, svymean, na.rm = TRUE))
}
prop("electricity", ~I(`access/electricity` == "yes"))
prop("internet", ~I(`access/internet` == "yes"))
prop("bank_account", ~I(`finance/bank_account` == "yes"))
prop("mobile_money", ~I(`finance/mobile_money` == "yes"), subset(d, `consent/agree` == "yes"))
dist(~factor(`access/water_source`))
dist(~factor(`respondent/education`))
# A select_multiple: the share choosing each option, and the mean number chosen.
ticks <- as.matrix(q[, paste0("info/sources/", sources)])
d <- update(d, n_sources = rowSums(ticks))
for (s in sources) mean_of(paste0("sources=", s), as.formula(paste0("~`info/sources/", s, "`")))
mean_of("sources", ~n_sources)
mean_of("hh_size_mean", ~`household/hh_size`)
mean_of("age_mean", ~`respondent/age`)
mean_of("income_mean", ~`finance/income`)

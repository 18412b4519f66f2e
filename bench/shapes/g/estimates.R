# Benchmark shape (g): the estimates of study.yaml with R's survey package: a proportion by a
# subgroup of 50,000 levels and a distribution over 50,000 values. Usage:
# Rscript bench/shapes/g/estimates.R FILE
suppressMessages(library(survey))
options(digits = 10)
file <- commandArgs(trailingOnly = TRUE)[1]
q <- if (requireNamespace("data.table", quietly = TRUE)) {
  data.table::fread(file, na.strings = "", data.table = FALSE, encoding = "UTF-8")
} else {
  read.csv(file, na.strings = "", stringsAsFactors = FALSE)
}
d <- svydesign(id = ~household_id, strata = ~region, weights = ~weight, data = q)
cat("survey", as.character(packageVersion("survey")), "rows", nrow(q), "degf", degf(d), "\n")
m <- svymean(~I(internet == "no"), d, na.rm = TRUE, deff = TRUE)
ci <- svyciprop(~I(internet == "no"), d, method = "logit", na.rm = TRUE)
cat(sprintf("no_internet est=%.10g se=%.10g\n", coef(m)[2], SE(m)[2]))
by <- svyby(~I(internet == "no"), ~commune, d, svymean, na.rm = TRUE)
cat("no_internet by commune:", nrow(by), "levels\n")
o <- svymean(~factor(occupation), d, na.rm = TRUE)
cat("occupation:", length(coef(o)), "categories\n")

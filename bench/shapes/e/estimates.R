# Benchmark shape (e): the estimates of study.yaml with R's survey package, on the French Excel
# export `npm run bench` generated (Windows-1252, `;`, decimal commas, a space between thousands).
# Usage: Rscript bench/shapes/e/estimates.R FILE
suppressMessages(library(survey))
options(digits = 10)
file <- commandArgs(trailingOnly = TRUE)[1]
na <- c("", "NSP", "NR")
q <- if (requireNamespace("data.table", quietly = TRUE)) {
  data.table::fread(file, sep = ";", dec = ",", na.strings = na, data.table = FALSE, encoding = "Latin-1")
} else {
  read.csv2(file, na.strings = na, stringsAsFactors = FALSE, fileEncoding = "CP1252")
}
# Positional names: the French headers' accents are read differently by the two readers.
names(q) <- c("respondent_id", "interview_date", "region", "household", "sex", "age", "housing",
              "internet_use", "monthly_resources_eur", "telecom_spend_eur", "has_phone", "weight")
# Neither reader knows a space between thousands: "1 437,40" is read as text, then converted.
num <- function(x) if (is.numeric(x)) x else as.numeric(sub(",", ".", gsub(" ", "", x), fixed = TRUE))
q$monthly_resources_eur <- num(q$monthly_resources_eur)
q$telecom_spend_eur <- num(q$telecom_spend_eur)
q$weight <- num(q$weight)
d <- svydesign(id = ~household, strata = ~region, weights = ~weight, data = q)
cat("survey", as.character(packageVersion("survey")), "rows", nrow(q), "degf", degf(d), "\n")
show <- function(name, est, se) cat(sprintf("%s est=%.10g se=%.10g\n", name, est, se))
prop <- function(name, cond) {
  m <- svymean(cond, d, na.rm = TRUE, deff = TRUE)
  ci <- svyciprop(cond, d, method = "logit", na.rm = TRUE)
  show(name, coef(m)[2], SE(m)[2])
  print(svyby(cond, ~sex, d, svymean, na.rm = TRUE))
}
mean_of <- function(name, f) {
  m <- svymean(f, d, na.rm = TRUE, deff = TRUE)
  ci <- confint(m, df = degf(d))
  show(name, coef(m), SE(m))
  print(svyby(f, ~sex, d, svymean, na.rm = TRUE))
}
prop("internet_never", ~I(internet_use == "Jamais"))
prop("no_phone", ~I(has_phone == "non"))
prop("street", ~I(housing == "Rue"))
print(svymean(~factor(internet_use), d, na.rm = TRUE))
print(svyby(~factor(internet_use), ~sex, subset(d, !is.na(internet_use)), svymean))
mean_of("age_mean", ~age)
mean_of("resources_mean", ~monthly_resources_eur)
mean_of("telecom_spend_mean", ~telecom_spend_eur)
r <- svyratio(~telecom_spend_eur, ~monthly_resources_eur, d, na.rm = TRUE)
show("telecom_share", coef(r), SE(r))
print(svyby(~telecom_spend_eur, by = ~sex, denominator = ~monthly_resources_eur, design = d, FUN = svyratio, na.rm = TRUE))

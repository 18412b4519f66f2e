# Reference values for the bundled 2014 study, computed by R's survey package on the committed
# synthetic fixture. Run from the repository root:
#   Rscript test/r-survey/bundled/bundled.R > test/r-survey/bundled/bundled-output.txt
# test/r-survey/bundled.test.ts compares the project's JSON result with these lines.
suppressMessages(library(survey))
options(digits = 10)
# `npm run bench` times the same script on its generated questionnaires: Rscript bundled.R FILE
args <- commandArgs(trailingOnly = TRUE)
questionnaire <- if (length(args) > 0) args[1] else "fixtures/connexions-solidaires-2014/questionnaire.csv"
q <- read.csv(questionnaire, na.strings = c("", "NSP", "NR"), stringsAsFactors = FALSE)
d <- svydesign(id = ~referral_structure, strata = ~reception_point, weights = ~weight,
               fpc = ~point_structures, data = q)
cat("survey", as.character(packageVersion("survey")), "rows", nrow(q), "degf", degf(d), "\n")
line <- function(name, est, se, lo, hi, deff = NA) {
  cat(sprintf("%s est=%.10g se=%.10g lo=%.10g hi=%.10g deff=%.8g\n", name, est, se, lo, hi, deff))
}
prop <- function(name, cond, universe = NULL) {
  # Missing values leave the domain (na.rm), as the study's conditions do.
  dd <- if (is.null(universe)) d else subset(d, universe)
  m <- svymean(cond, dd, na.rm = TRUE, deff = TRUE)  # a logical gives FALSE then TRUE
  ci <- svyciprop(cond, dd, method = "logit", na.rm = TRUE)
  line(name, coef(m)[2], SE(m)[2], confint(ci)[1], confint(ci)[2], deff(m)[2])
}
prop("internet_never", ~I(internet_use == "never"))
# %in% would turn a missing place into FALSE; the study's condition leaves it missing.
prop("no_private_access", ~I(ifelse(is.na(access_place), NA, access_place %in% c("none", "relative", "cybercafe"))))
prop("access_relative", ~I(access_place == "relative"))
prop("access_cybercafe", ~I(access_place == "cybercafe"))
prop("mobile_subscription", ~I(mobile_plan == "subscription"))
prop("calls_abroad", ~I(calls_family_abroad == "yes"), universe = q$has_phone == "yes")
r <- svyratio(~telecom_spend_eur, ~monthly_resources_eur, d, na.rm = TRUE)
ci <- confint(r, df = degf(d))
line("telecom_share", coef(r), SE(r), ci[1], ci[2])
m <- svymean(~telecom_spend_eur, d, na.rm = TRUE, deff = TRUE)
ci <- confint(m, df = degf(d))
line("telecom_spend_mean", coef(m), SE(m), ci[1], ci[2], deff(m))
# The interval of a domain mean uses the design's degrees of freedom in the study (as svyciprop).
for (h in c("street", "shelter", "hotel", "housed")) {
  m <- svymean(~I(internet_use == "never"), subset(d, housing == h), na.rm = TRUE)
  line(paste0("internet_never housing=", h), coef(m)[2], SE(m)[2], NA, NA)
}
# Mean of individual shares (rows with a zero denominator are left out, as the study does).
q$share <- ifelse(q$monthly_resources_eur > 0, q$telecom_spend_eur / q$monthly_resources_eur, NA)
d <- update(d, share = q$share)
m <- svymean(~share, d, na.rm = TRUE, deff = TRUE)
ci <- confint(m, df = degf(d))
line("individual_telecom_share", coef(m), SE(m), ci[1], ci[2], deff(m))
# Median: survey's default quantile rule ("math") and Woodruff interval, design df.
md <- svyquantile(~monthly_resources_eur, d, 0.5, ci = TRUE, na.rm = TRUE)
ci <- confint(md)
line("resources_median", coef(md), SE(md), ci[1], ci[2])
# The companion youth survey has no design: Wilson's score interval (no continuity correction).
y <- read.csv("fixtures/connexions-solidaires-2014/youth.csv", na.strings = c("", "NSP", "NR"))
x <- sum(y$has_email == "no", na.rm = TRUE); n <- sum(!is.na(y$has_email))
w <- prop.test(x, n, correct = FALSE)$conf.int
line("youth_no_email", x / n, NA, w[1], w[2])
# Subgroup contrast: street − housed, both domains of the full design, with their covariance.
d <- update(d, never = as.numeric(internet_use == "never"))
# subset() keeps every cluster (zero weights), so these are still domains of the full design.
b <- svyby(~never, ~housing, subset(d, !is.na(housing) & !is.na(never)), svymean, covmat = TRUE)
k <- svycontrast(b, c(street = 1, housed = -1))
ci <- confint(k, df = degf(d))
line("internet_never contrast housing street-housed", coef(k), SE(k), ci[1], ci[2])

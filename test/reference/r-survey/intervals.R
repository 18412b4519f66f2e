# Interval edge cases of R survey on the api data: the Korn-Graubard (beta) interval of a
# proportion with missing values, and Woodruff quantile intervals whose bound is not available.
# Run from this folder: Rscript intervals.R > intervals-output.txt
# Lines: `name key=value ...`, numbers with %.10g, NA where R gives NA or NaN.
suppressMessages(library(survey)); data(api)
dclus1 <- svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.10g", x))
cat("survey", as.character(packageVersion("survey")), "\n")
cat("NAs in apiclus1$acs.46:", sum(is.na(apiclus1$acs.46)), "\n")
# svyciprop's beta method takes n = nrow(design) and degf(design) of the design it is given:
# rows with a missing value leave the mean (na.rm) but not n or df.
beta <- function(name, d) {
  ci <- svyciprop(~I(acs.46 > 30), d, method="beta", na.rm=TRUE)
  cat(name, " p=", num(coef(ci)), " lo=", num(confint(ci)[1]), " hi=", num(confint(ci)[2]),
      " nrow=", nrow(d), " degf=", degf(d), "\n", sep="")
}
beta("beta acs.46>30 dclus1", dclus1)
for (s in c("E", "M")) beta(paste0("beta acs.46>30 dclus1 stype=", s), subset(dclus1, stype == s))
# Woodruff (interval.type "mean", qrule "math"): a bound whose F(q) +- t se leaves [0, 1] is NaN,
# and so is the se derived from the interval's width.
quant <- function(name, d, p) {
  q <- svyquantile(~api00, d, p, ci=TRUE)$api00
  cat(name, " q=", num(q[1, 1]), " lo=", num(q[1, 2]), " hi=", num(q[1, 3]), " se=", num(q[1, 4]), "\n", sep="")
}
for (p in c(0.01, 0.5, 0.95, 0.99)) quant(paste0("quantile api00 ", p, " dclus1"), dclus1, p)
for (p in c(0.1, 0.9)) quant(paste0("quantile api00 ", p, " dclus1 stype=H"), subset(dclus1, stype == "H"), p)

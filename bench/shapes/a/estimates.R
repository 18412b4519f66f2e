# Benchmark shapes (a) and (h): the bundled study's estimates with R's survey package, on the
# questionnaire `npm run bench` generated: the reference script test/r-survey/bundled/bundled.R,
# reading with data.table::fread when it is installed (the fast reader an R user would take),
# else with read.csv as the reference tests do. Run from the repository root:
#   Rscript bench/shapes/a/estimates.R FILE
if (requireNamespace("data.table", quietly = TRUE)) {
  # Masks utils::read.csv for the sourced script only: same missing-value codes, plain data frame.
  read.csv <- function(file, na.strings = "NA", ...) {
    data.table::fread(file, na.strings = na.strings, data.table = FALSE, encoding = "UTF-8")
  }
}
source("test/r-survey/bundled/bundled.R")

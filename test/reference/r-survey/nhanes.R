# Exports the `nhanes` data set that ships with R's survey package (a stratified cluster sample
# with weights and missing values) as the CSV the project's tests read. Run from this folder:
# Rscript nhanes.R
suppressMessages(library(survey)); data(nhanes)
write.csv(nhanes, "nhanes.csv", row.names = FALSE)

# Reference values for the studies `exclusion-study init` infers from a workbook and an SPSS file
# alone (fixtures/formats/): every estimate of each generated study, from the same files read by
# R's openxlsx and haven. `init` finds one weight column in each and no strata or clusters, so the
# design is weights only; its missing-value codes (NR, NSP; SPSS user-missing codes) are NA here.
# Run from this folder: Rscript init-formats.R > init-formats-output.txt
suppressMessages({
  library(survey)
  library(openxlsx)
  library(haven)
})
cat("survey", format(packageVersion("survey")), "\n")
formats <- "../../../fixtures/formats"
show <- function(study, id, est, level = NULL) {
  se <- SE(est)
  for (i in seq_along(coef(est))) {
    category <- if (is.null(level)) "-" else level[i]
    cat(sprintf("%s %s %s est=%.12g se=%.12g\n", study, id, category, coef(est)[i], se[i]))
  }
}
# The text of a cell, NA for a blank cell or a missing-value code.
codes <- c("NR", "NSP")
text <- function(x) {
  x <- trimws(as.character(x))
  x[x %in% c("", codes)] <- NA
  x
}
number <- function(x) as.numeric(text(x))
mean_of <- function(study, id, x, d) show(study, id, svymean(~v, update(d, v = x), na.rm = TRUE))
share_of <- function(study, id, x, d) {
  f <- factor(x)
  show(study, id, svymean(~f, update(d, f = f), na.rm = TRUE), levels(f))
}
true_share <- function(study, id, x, d) {
  est <- svymean(~v, update(d, v = as.numeric(x == "yes")), na.rm = TRUE)
  show(study, id, est, NULL)
}

# (a) questionnaire.xlsx: a title line above French headers (row 2); weights "Poids".
q <- read.xlsx(file.path(formats, "questionnaire.xlsx"), sheet = "Questionnaire", startRow = 2,
  check.names = FALSE, sep.names = " ", skipEmptyCols = FALSE)
d <- svydesign(ids = ~1, weights = ~Poids, data = q)
s <- "questionnaire.xlsx"
share_of(s, "point_d_accueil", text(q[["Point d'accueil"]]), d)
mean_of(s, "structures_du_point", number(q[["Structures du point"]]), d)
mean_of(s, "age", number(q[["Âge"]]), d)
share_of(s, "tranche_d_age", text(q[["Tranche d'âge"]]), d)
share_of(s, "genre", text(q[["Genre"]]), d)
share_of(s, "hebergement", text(q[["Hébergement"]]), d)
mean_of(s, "taille_du_menage", number(q[["Taille du ménage"]]), d)
mean_of(s, "ressources_mensuelles", number(q[["Ressources mensuelles (€)"]]), d)
mean_of(s, "depenses_telecom", number(q[["Dépenses télécom (€)"]]), d)
share_of(s, "usage_d_internet", text(q[["Usage d'Internet"]]), d)
share_of(s, "lieu_d_acces", text(q[["Lieu d'accès"]]), d)
true_share(s, "telephone", text(q[["Téléphone"]]), d)
share_of(s, "forfait", text(q[["Forfait"]]), d)
true_share(s, "appelle_la_famille_a_l_etranger", text(q[["Appelle la famille à l'étranger"]]), d)
true_share(s, "courriel", text(q[["Courriel"]]), d)

# (b) questionnaire.sav: user-missing codes (9, 9999) read as NA by haven; weights "weight".
v <- read_sav(file.path(formats, "questionnaire.sav"))
v <- as.data.frame(lapply(v, zap_labels))
d <- svydesign(ids = ~1, weights = ~weight, data = v)
s <- "questionnaire.sav"
share_of(s, "reception_point", text(v$reception_point), d)
mean_of(s, "point_structures", v$point_structures, d)
mean_of(s, "age", v$age, d)
share_of(s, "housing", v$housing, d)
share_of(s, "internet_use", v$internet_use, d)
mean_of(s, "telecom_spend_eur", v$telecom_spend_eur, d)
mean_of(s, "monthly_resources_eur", v$monthly_resources_eur, d)

# (c) sheets.xlsx: the table on sheet "Données", its column names on row 3 (init --sheet
# Données --header-row 3); weights "Poids".
w <- read.xlsx(file.path(formats, "sheets.xlsx"), sheet = "Données", startRow = 3,
  check.names = FALSE, sep.names = " ")
d <- svydesign(ids = ~1, weights = ~Poids, data = w)
s <- "sheets.xlsx"
mean_of(s, "age", number(w[["Âge"]]), d)
share_of(s, "hebergement", text(w[["Hébergement"]]), d)
share_of(s, "usage_d_internet", text(w[["Usage d'Internet"]]), d)
mean_of(s, "depenses_telecom", number(w[["Dépenses télécom (€)"]]), d)
true_share(s, "telephone", text(w[["Téléphone"]]), d)

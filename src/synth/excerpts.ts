// Short invented interview excerpts, by code (not quotations from the 2014 interviews).
import type { Code } from "./vocab.js";

export const EXCERPTS: Record<Code, readonly string[]> = {
  self_esteem: [
    "Avec un téléphone, je suis « comme tout le monde ».",
    'I feel like everyone else now, "normal", you know?',
    "On me regarde autrement quand je sors mon portable.",
    "J'ai retrouvé un peu de fierté, enfin.",
  ],
  family_ties_abroad: [
    "J'appelle ma mère au pays chaque dimanche, même 5 minutes.",
    "My kids are in Mali, I see them on the video call.",
    'Ma sœur dit : "on t\'entend mieux maintenant".',
    "Sans la carte, je ne pouvais plus appeler la famille, rien.",
  ],
  psychological_relief: [
    "Ça m'enlève un poids, vraiment.",
    "I sleep better, I know they can reach me.",
    "Je stresse moins pour les rendez-vous.",
    "C'est un soulagement, je ne suis plus coupé du monde.",
  ],
  security: [
    "La nuit, dans la rue, le téléphone c'est ma sécurité.",
    "If something happens, I can call the 115.",
    "Je garde toujours du crédit pour les urgences.",
  ],
  job_search: [
    "Pôle emploi m'envoie tout par mail, alors j'ai appris.",
    "I got an interview because they could call me back.",
    "Les offres, je les regarde au cybercafé, 1 € l'heure.",
  ],
  access_to_rights: [
    "La CAF, maintenant, c'est en ligne ; sans aide, impossible.",
    "I filled in my RSA form with the volunteer.",
    "Mon dossier de logement, je le suis sur Internet.",
  ],
  cost_burden: [
    "Le forfait coûtait trop cher, j'ai arrêté.",
    'At the end of the month it was "phone or food".',
    "30 €, c'est beaucoup quand on a 450 € pour vivre.",
    "J'ai eu des dettes chez l'opérateur, alors non.",
  ],
  isolation: [
    "Depuis que je n'ai plus de ligne, personne ne m'appelle.",
    "I am alone again, nobody has my number.",
    "Je me sens à part, les autres ont tous Internet.",
  ],
};

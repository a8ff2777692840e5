"""The workbook's words for partial scores and for the liaison's review, in English and French.

Kept apart from :mod:`roam.exchange.workbook_labels` (which merges them in) so each stays a
readable length.  ``{min}``, ``{codes}`` and the like are filled in where used.
"""

from __future__ import annotations

REVIEW_LABELS: dict[str, tuple[str, str]] = {
    "no_band": ("no band: under {min}% complete", "pas de tranche : moins de {min} % complet"),
    "col.details": ("Details", "Détails"),
    # Not "Liaison comment": a sheet with codes and that header is one import-review reads.
    "col.liaison_note": ("Liaison's note", "Note du correspondant"),
    "col.range": ("Scores", "Scores"),
    "details.core": ("core indicator", "indicateur clé"),
    "details.confidence": ("confidence: {value}", "confiance : {value}"),
    "details.stakeholders": ("consulted: {value}", "consultés : {value}"),
    "details.review": ("review: {value}", "revue : {value}"),
    "dash.bands": (
        "Bands: {bands}. A category or theme under {min}% complete gets no band "
        "(its few answers say too little about it); the Method sheet explains.",
        "Tranches : {bands}. Une catégorie ou un thème complet à moins de {min} % n'a pas "
        "de tranche (ses quelques réponses en disent trop peu) ; voir la feuille Méthode.",
    ),
    "dash.not_plotted": (
        "Not in the chart (no score yet): {codes}.",
        "Absentes du graphique (pas encore de score) : {codes}.",
    ),
    "method.summary": (
        "Diagnostic summary (not a headline figure)",
        "Résumé diagnostique (pas un chiffre phare)",
    ),
    "method.summary.note": (
        "The weighted mean of the scored categories, given here only so the method can be "
        "checked: it is not a headline and not comparable between countries, which is why "
        "the Dashboard does not show it.",
        "La moyenne pondérée des catégories notées, donnée ici seulement pour vérifier la "
        "méthode : ce n'est pas un chiffre phare et elle ne se compare pas entre pays ; "
        "c'est pourquoi le tableau de bord ne l'affiche pas.",
    ),
    "method.band_threshold": (
        "A category or theme is given a band only when at least {min}% of its indicators in "
        "scope have a decided status (answered, N/A or no data); below that its score is "
        "shown without a band.",
        "Une catégorie ou un thème ne reçoit une tranche que si au moins {min} % de ses "
        "indicateurs du périmètre ont un statut décidé (répondu, sans objet ou pas de "
        "données) ; en dessous, son score est affiché sans tranche.",
    ),
    "cover.review": (
        "For the liaison: review and return",
        "Pour le correspondant : revue et retour",
    ),
    "cover.review_scope": ("Indicators in scope", "Indicateurs du périmètre"),
    "cover.review_states": ("Review states", "États de revue"),
    "cover.review_todo": ("To review", "À examiner"),
    "cover.review_todo_text": (
        "{count} indicators submitted or queried, on the category sheets",
        "{count} indicateurs soumis ou questionnés, sur les feuilles de catégorie",
    ),
    "cover.return": ("How to return it", "Comment le renvoyer"),
    "cover.return_text": (
        "1. On each category sheet, fill in the yellow cells: a decision (accept, query or "
        "reject) and a comment, beside the indicator, justification and evidence they judge. "
        "Sorting and filtering work on every sheet, without unprotecting; sorting by Code "
        "puts the framework order back. 2. Comments on recommendations and data gaps go in the "
        "yellow column of those sheets, general remarks in the yellow cell below. 3. Save as "
        "an Excel workbook (.xlsx), keeping every sheet, and send it back to the team: roam "
        "import-review reads the category sheets' decisions and comments into the assessment, "
        "and the team reads the other comments here.",
        "1. Sur chaque feuille de catégorie, remplissez les cellules jaunes : une décision "
        "(accept, query ou reject) et un commentaire, à côté de l'indicateur, de la "
        "justification et des sources qu'ils jugent. Le tri et les filtres fonctionnent sur "
        "toutes les feuilles, sans ôter la protection ; trier par code rétablit l'ordre du "
        "cadre. 2. Les commentaires sur les recommandations et les lacunes vont dans la "
        "colonne jaune de ces feuilles, les remarques générales dans la cellule jaune "
        "ci-dessous. 3. Enregistrez au format Excel (.xlsx) en gardant toutes les feuilles et "
        "renvoyez le fichier à l'équipe : roam import-review lit les décisions et commentaires "
        "des feuilles de catégorie dans l'évaluation, et l'équipe lit ici les autres "
        "commentaires.",
    ),
    "cover.general_comment": (
        "Liaison's general comments",
        "Commentaires généraux du correspondant",
    ),
}

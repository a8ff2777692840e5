"""The workbook's own words (sheet names, headers, value names) in English and French.

Framework texts come from the framework file through ``localize``; these are
only the words the report adds around them.  Missing French falls back to English.
"""

from __future__ import annotations

from roam.exchange.workbook_review_labels import REVIEW_LABELS

LANGUAGES = ("en", "fr")

_LABELS: dict[str, tuple[str, str]] = {
    # Sheet names (at most 31 characters, none of []:*?/\)
    "sheet.cover": ("Cover", "Couverture"),
    "sheet.dashboard": ("Dashboard", "Tableau de bord"),
    "sheet.evidence": ("Evidence register", "Registre des sources"),
    "sheet.gaps": ("Data gaps and N-A", "Lacunes et N-A"),
    "sheet.recommendations": ("Recommendations", "Recommandations"),
    "sheet.review_log": ("Review log", "Journal de revue"),
    "sheet.method": ("Method", "Méthode"),
    "sheet.robustness": ("Robustness", "Robustesse"),
    # Statements
    "disclaimer": (
        "The scores in this workbook are a diagnostic aid for the national team, not a ranking. "
        "UNESCO's Internet Universality Indicators deliberately give no scores and no ranking; "
        "compare a country only with its own earlier assessments made with the same scope.",
        "Les scores de ce classeur sont une aide au diagnostic pour l'équipe nationale, "
        "pas un classement. Les indicateurs de l'universalité de l'Internet de l'UNESCO ne "
        "donnent volontairement ni score ni classement ; ne comparez un pays qu'à ses propres "
        "évaluations antérieures de même périmètre.",
    ),
    "texts.provenance": ("About the texts", "À propos des textes"),
    "sheet.official": ("Official texts", "Textes officiels"),
    "official.note": (
        "UNESCO's numbers and wording, as the team recorded them in an overlay file, beside "
        "roam's own texts; check them against UNESCO's publication before quoting.",
        "Numéros et formulations de l'UNESCO, tels que l'équipe les a consignés dans un fichier "
        "de superposition, à côté des textes de roam ; les vérifier dans la publication de "
        "l'UNESCO avant de les citer.",
    ),
    "official.example": (
        "This overlay is an example: its texts are made up, not UNESCO's.",
        "Ce fichier de superposition est un exemple : ses textes sont inventés, ce ne sont "
        "pas ceux de l'UNESCO.",
    ),
    "col.unesco_ref": ("UNESCO ref.", "Réf. UNESCO"),
    "col.official_text": ("UNESCO's text", "Texte de l'UNESCO"),
    "col.roam_text": ("roam's text", "Texte de roam"),
    "col.page": ("Page", "Page"),
    "col.overlay_file": ("Overlay file", "Fichier de superposition"),
    "title.report": (
        "Internet Universality Indicators: national assessment",
        ("Indicateurs de l'universalité de l'Internet : évaluation nationale"),
    ),
    "title.dashboard": ("Diagnostic dashboard", "Tableau de bord diagnostique"),
    # Cover
    "cover.assessment": ("Assessment", "Évaluation"),
    "cover.country": ("Country", "Pays"),
    "cover.iso": ("ISO code", "Code ISO"),
    "cover.edition": ("Framework edition", "Édition du cadre"),
    "cover.framework_id": ("Framework id and version", "Identifiant et version du cadre"),
    "cover.scope": ("Scope", "Périmètre"),
    "cover.languages": ("Languages", "Langues"),
    "cover.created": ("Assessment started", "Début de l'évaluation"),
    "cover.provenance": (
        "Provenance (used to match review feedback)",
        ("Provenance (sert à rapprocher les retours de revue)"),
    ),
    "cover.toolkit_version": ("Toolkit version", "Version de l'outil"),
    "cover.framework_hash": ("Framework hash (SHA-256)", "Empreinte du cadre (SHA-256)"),
    "cover.answers_hash": ("Answers hash (SHA-256)", "Empreinte des réponses (SHA-256)"),
    "cover.generated": ("Generated (UTC)", "Généré (UTC)"),
    "cover.language": ("Report language", "Langue du rapport"),
    "cover.redacted": ("Confidential sources redacted", "Sources confidentielles masquées"),
    "cover.team": ("Research team", "Équipe de recherche"),
    "cover.mab": (
        "Multistakeholder Advisory Board, by stakeholder group",
        "Comité consultatif multipartite, par groupe de parties prenantes",
    ),
    "cover.milestones": ("Process milestones", "Étapes du processus"),
    "cover.none": ("(none recorded)", "(rien d'enregistré)"),
    "cover.members": ("members", "membres"),
    "scope.core": ("core indicators plus contextual", "indicateurs clés et contextuels"),
    "scope.full": ("all indicators (full)", "tous les indicateurs (complet)"),
    "scope.custom": ("a custom selection", "une sélection propre"),
    "scope.count": ("indicators in scope", "indicateurs dans le périmètre"),
    # Column headers
    "col.name": ("Name", "Nom"),
    "col.role": ("Role", "Rôle"),
    "col.organisation": ("Organisation", "Organisation"),
    "col.group": ("Stakeholder group", "Groupe de parties prenantes"),
    "col.count": ("Members", "Membres"),
    "col.milestone": ("Milestone", "Étape"),
    "col.date": ("Date", "Date"),
    "col.note": ("Note", "Note"),
    "col.category": ("Category", "Catégorie"),
    "col.theme": ("Theme", "Thème"),
    "col.question": ("Question", "Question"),
    "col.code": ("Code", "Code"),
    "col.indicator": ("Indicator", "Indicateur"),
    "col.core": ("Core", "Clé"),
    "col.kind": ("Kind", "Type"),
    "col.status": ("Status", "Statut"),
    "col.answer": ("Level or value", "Niveau ou valeur"),
    "col.score": ("Score", "Score"),
    "col.band": ("Band", "Tranche"),
    "col.justification": ("Justification", "Justification"),
    "col.evidence": ("Evidence", "Sources"),
    "col.confidence": ("Confidence", "Confiance"),
    "col.stakeholders": ("Stakeholders consulted", "Parties prenantes consultées"),
    "col.review_state": ("Review state", "État de revue"),
    "col.decision": ("Liaison decision", "Décision du correspondant"),
    "col.liaison_comment": ("Liaison comment", "Commentaire du correspondant"),
    "col.answered": ("Answered", "Répondu"),
    "col.not_applicable": ("N/A", "Sans objet"),
    "col.no_data": ("No data", "Pas de données"),
    "col.not_assessed": ("Not assessed", "Non évalué"),
    "col.complete": ("Coverage %", "Couverture %"),
    "col.sheet": ("Sheet", "Feuille"),
    "col.citation": ("Citation", "Référence"),
    "col.link": ("Link", "Lien"),
    "col.publisher": ("Publisher", "Éditeur"),
    "col.published": ("Published", "Publié"),
    "col.accessed": ("Accessed", "Consulté"),
    "col.confidential": ("Confidential", "Confidentiel"),
    "col.open": ("Open", "Ouvrir"),
    "col.sources": ("Suggested sources", "Sources suggérées"),
    "col.id": ("Id", "Id"),
    "col.recommendation": ("Recommendation", "Recommandation"),
    "col.priority": ("Priority", "Priorité"),
    "col.timeframe": ("Timeframe", "Échéance"),
    "col.indicators": ("Linked indicators", "Indicateurs liés"),
    "col.time": ("Time (UTC)", "Heure (UTC)"),
    "col.author": ("Author", "Auteur"),
    "col.comment": ("Comment", "Commentaire"),
    "col.level": ("Level", "Niveau"),
    "col.level_id": ("Level id", "Id du niveau"),
    "col.scale": ("Scale", "Échelle"),
    "col.description": ("Description", "Description"),
    "col.min": ("From score", "À partir du score"),
    "col.weight": ("Weight used", "Poids utilisé"),
    "col.node": ("Node", "Nœud"),
    "col.lower": ("Goalpost for 0 (lower)", "Borne pour 0 (basse)"),
    "col.upper": ("Goalpost for 100 (upper)", "Borne pour 100 (haute)"),
    "col.unit": ("Unit", "Unité"),
    "col.direction": ("Direction", "Sens"),
    "col.rationale": ("Why these goalposts", "Justification des bornes"),
    "col.rule": ("Rule", "Règle"),
    "col.overall": ("Overall", "Global"),
    # Values
    "status.answered": ("Answered", "Répondu"),
    "status.not_applicable": ("N/A", "Sans objet"),
    "status.no_data": ("No data", "Pas de données"),
    "status.not_assessed": ("Not assessed", "Non évalué"),
    "kind.qualitative": ("qualitative", "qualitatif"),
    "kind.institutional": ("institutional", "institutionnel"),
    "kind.quantitative": ("quantitative", "quantitatif"),
    "kind.contextual": ("contextual", "contextuel"),
    "confidence.low": ("low", "faible"),
    "confidence.medium": ("medium", "moyenne"),
    "confidence.high": ("high", "élevée"),
    "review.draft": ("draft", "brouillon"),
    "review.submitted": ("submitted", "soumis"),
    "review.queried": ("queried", "questionné"),
    "review.accepted": ("accepted", "accepté"),
    "group.government": ("Government", "Gouvernement"),
    "group.parliament": ("Parliament", "Parlement"),
    "group.judiciary": ("Judiciary", "Pouvoir judiciaire"),
    "group.private_sector": ("Private sector", "Secteur privé"),
    "group.technical_community": ("Technical community", "Communauté technique"),
    "group.academia": ("Academia", "Monde universitaire"),
    "group.civil_society": ("Civil society", "Société civile"),
    "group.media": ("Media", "Médias"),
    "group.international_organisation": (
        "International organisations",
        "Organisations internationales",
    ),
    "milestone.research_plan": ("Research plan", "Plan de recherche"),
    "milestone.data_collection": ("Data collection", "Collecte des données"),
    "milestone.analysis": ("Analysis", "Analyse"),
    "milestone.mab_review": ("MAB review", "Revue par le comité"),
    "milestone.validation_workshop": ("Validation workshop", "Atelier de validation"),
    "milestone.publication": ("Publication", "Publication"),
    "mstatus.not_started": ("not started", "pas commencé"),
    "mstatus.in_progress": ("in progress", "en cours"),
    "mstatus.done": ("done", "terminé"),
    "priority.high": ("high", "haute"),
    "priority.medium": ("medium", "moyenne"),
    "priority.low": ("low", "basse"),
    "timeframe.short": ("short term", "court terme"),
    "timeframe.medium": ("medium term", "moyen terme"),
    "timeframe.long": ("long term", "long terme"),
    "evidence.law_or_regulation": ("law or regulation", "loi ou règlement"),
    "evidence.official_statistic": ("official statistic", "statistique officielle"),
    "evidence.survey": ("survey", "enquête"),
    "evidence.court_decision": ("court decision", "décision de justice"),
    "evidence.report": ("report", "rapport"),
    "evidence.media": ("media", "média"),
    "evidence.interview": ("interview", "entretien"),
    "evidence.expert_judgement": ("expert judgement", "avis d'expert"),
    "evidence.dataset": ("dataset", "jeu de données"),
    "direction.higher_is_better": ("higher is better", "plus haut est mieux"),
    "direction.lower_is_better": ("lower is better", "plus bas est mieux"),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "redacted": ("[confidential source]", "[source confidentielle]"),
    "not_scored": ("not scored (contextual)", "non noté (contextuel)"),
    "no_score": ("no score", "pas de score"),
    "items": ("items", "éléments"),
    "link": ("open", "ouvrir"),
    # Dashboard
    "dash.categories": ("Scores by category", "Scores par catégorie"),
    "dash.themes": ("Scores by theme", "Scores par thème"),
    "dash.radar": ("Category scores (0–100)", "Scores par catégorie (0–100)"),
    "dash.bar": ("Theme scores (0–100)", "Scores par thème (0–100)"),
    "dash.coverage": ("Indicator status by category", "Statut des indicateurs par catégorie"),
    "dash.incomplete": (
        "Some indicators are not assessed yet: the scores cover only the answered ones.",
        "Certains indicateurs ne sont pas encore évalués : les scores ne portent que sur "
        "les indicateurs renseignés.",
    ),
    # Category sheets
    "cat.intro": (
        "One row per indicator in scope, under its theme and question. Liaison: fill in "
        "only the yellow cells (decision: accept, query or reject; comment). Full evidence "
        "links are on the Evidence register.",
        "Une ligne par indicateur du périmètre, sous son thème et sa question. "
        "Correspondant : ne remplissez que les cellules jaunes (décision : accept, query ou "
        "reject ; commentaire). Les liens complets des sources sont dans le registre des "
        "sources.",
    ),
    "cat.empty": (
        "No indicator of this category is in scope.",
        ("Aucun indicateur de cette catégorie n'est dans le périmètre."),
    ),
    "cat.decision_prompt": (
        "Choose accept, query or reject",
        "Choisissez accept (accepter), query (questionner) ou reject (rejeter)",
    ),
    "cat.decision_error": (
        "Please choose accept, query or reject from the list.",
        "Choisissez accept, query ou reject dans la liste.",
    ),
    # Other sheets
    "gaps.intro": (
        "Indicators answered 'no data' or 'not applicable', with the team's reason and where "
        "the data might be found.",
        "Indicateurs marqués « pas de données » ou « sans objet », avec la raison donnée par "
        "l'équipe et les sources possibles.",
    ),
    "gaps.none": ("No data gaps or N/A answers.", "Aucune lacune ni réponse sans objet."),
    "evidence.none": ("No evidence recorded yet.", "Aucune source enregistrée."),
    "evidence.open": ("open", "ouvrir"),
    "rec.none": ("No recommendations recorded yet.", "Aucune recommandation enregistrée."),
    "log.none": ("No review comments yet.", "Aucun commentaire de revue."),
    "method.title": ("How the scores are computed", "Comment les scores sont calculés"),
    "method.scales": ("Answer scales", "Échelles de réponse"),
    "method.goalposts": ("Quantitative indicators: goalposts", "Indicateurs quantitatifs : bornes"),
    "method.bands": ("Bands (descriptive, not a rank)", "Tranches (descriptives, pas un rang)"),
    "method.weights": ("Weights and scores of every node", "Poids et scores de chaque nœud"),
    "method.rules": ("Aggregation rules used here", "Règles d'agrégation utilisées ici"),
    "method.step.indicator": (
        "1. Indicator score (0–100). A qualitative or institutional indicator scores the "
        "score of the level chosen on its scale (table below). A quantitative indicator "
        "scores 100 × (value − lower goalpost) / (upper goalpost − lower goalpost), kept "
        "between 0 and 100; when lower is better, the score is 100 minus that. Contextual "
        "indicators are recorded but never scored.",
        "1. Score d'un indicateur (0–100). Un indicateur qualitatif ou institutionnel reçoit "
        "le score du niveau choisi sur son échelle (tableau ci-dessous). Un indicateur "
        "quantitatif reçoit 100 × (valeur − borne basse) / (borne haute − borne basse), "
        "ramené entre 0 et 100 ; quand plus bas est mieux, le score est 100 moins cette "
        "valeur. Les indicateurs contextuels sont enregistrés mais jamais notés.",
    ),
    "method.step.unusable": (
        "2. An indicator marked answered whose level or value cannot be used (missing, not "
        "on the scale, outside the possible range) counts as not assessed.",
        "2. Un indicateur marqué répondu dont le niveau ou la valeur est inutilisable "
        "(absent, hors de l'échelle, hors de l'intervalle possible) compte comme non évalué.",
    ),
    "method.step.excluded": (
        "3. No-data rule: indicators that are not applicable, have no data or are not "
        "assessed are left out of the means (they do not count as 0). A node with nothing "
        "left has no score. The Robustness sheet shows the effect of counting no data as 0.",
        "3. Règle des données manquantes : les indicateurs sans objet, sans données ou non "
        "évalués sont exclus des moyennes (ils ne comptent pas pour 0). Un nœud sans "
        "indicateur restant n'a pas de score. La feuille Robustesse montre l'effet de "
        "compter « pas de données » comme 0.",
    ),
    "method.step.aggregation": (
        "4. Aggregation: a question's score is the weighted mean of its indicators' scores, "
        "a theme's of its questions', a category's of its themes', and the overall score "
        "the weighted mean of the scored categories. Weights are 1 unless the framework "
        "sets one; every weight used is in the last table.",
        "4. Agrégation : le score d'une question est la moyenne pondérée des scores de ses "
        "indicateurs, celui d'un thème la moyenne de ses questions, celui d'une catégorie la "
        "moyenne de ses thèmes, et le score global la moyenne pondérée des catégories "
        "notées. Les poids valent 1 sauf si le cadre en fixe un ; tous les poids utilisés "
        "sont dans le dernier tableau.",
    ),
    "method.step.bands": (
        "5. Bands name score ranges to help reading; they are not a rank.",
        "5. Les tranches nomment des intervalles de score pour aider la lecture ; ce ne "
        "sont pas des rangs.",
    ),
    "method.used": (
        "Rules used for the scores in this workbook",
        ("Règles utilisées pour les scores de ce classeur"),
    ),
    "method.mean.arithmetic": ("weighted arithmetic mean", "moyenne arithmétique pondérée"),
    "method.mean.geometric": (
        "weighted geometric mean of (score + 1), minus 1",
        "moyenne géométrique pondérée de (score + 1), moins 1",
    ),
    "method.weights.framework": ("framework weights", "poids du cadre"),
    "method.weights.equal": (
        "every indicator of a category weighs the same",
        "chaque indicateur d'une catégorie pèse autant",
    ),
    "method.nodata.excluded": ("no data left out", "pas de données exclu"),
    "method.nodata.zero": ("no data counts as 0", "pas de données compte 0"),
    "method.rule.default": (
        "the method above, with framework weights.",
        "la méthode ci-dessus, avec les poids du cadre.",
    ),
    "method.rule.no_data_as_zero": (
        "as the default, but an indicator with no data scores 0 instead of being left out.",
        "comme par défaut, mais un indicateur sans données vaut 0 au lieu d'être exclu.",
    ),
    "method.rule.equal_indicator_weights": (
        "a category's score is the plain mean of all its indicators' scores, ignoring "
        "the question, theme and indicator weights.",
        "le score d'une catégorie est la moyenne simple des scores de tous ses indicateurs, "
        "sans les poids des questions, thèmes et indicateurs.",
    ),
    "method.rule.geometric_mean": (
        "as the default, with weighted geometric means of (score + 1), minus 1, so one low "
        "score pulls its parent down more.",
        "comme par défaut, avec des moyennes géométriques pondérées de (score + 1), moins 1 : "
        "un score faible tire davantage son parent vers le bas.",
    ),
    "level.indicator": ("indicator", "indicateur"),
    "level.question": ("question", "question"),
    "level.theme": ("theme", "thème"),
    "level.category": ("category", "catégorie"),
    "level.overall": ("overall", "global"),
    "col.level_of_node": ("Level", "Niveau"),
    "robust.title": (
        "Category scores under alternative rules",
        "Scores par catégorie selon d'autres règles",
    ),
    "robust.intro": (
        "If a category's score changes a lot between rules, read it with care: it depends on "
        "choices of method more than on the answers.",
        "Si le score d'une catégorie change beaucoup d'une règle à l'autre, lisez-le avec "
        "prudence : il dépend des choix de méthode plus que des réponses.",
    ),
    "rule.default": ("Default method", "Méthode par défaut"),
    "rule.no_data_as_zero": ("No data counts as 0", "Pas de données compte 0"),
    "rule.equal_indicator_weights": ("Equal indicator weights", "Poids égaux des indicateurs"),
    "rule.geometric_mean": ("Geometric mean", "Moyenne géométrique"),
    "footer.page": ("Page &P of &N", "Page &P sur &N"),
    **REVIEW_LABELS,
}


def label(key: str, lang: str = "en") -> str:
    """The report's word for ``key`` in ``lang`` (English when there is no translation)."""
    english, french = _LABELS[key]
    return french if lang == "fr" and french else english


def value_label(prefix: str, value: str | None, lang: str = "en") -> str:
    """The label of an enumerated value such as ``status.no_data``; the raw value if unknown."""
    if value is None:
        return ""
    key = f"{prefix}.{value}"
    return label(key, lang) if key in _LABELS else value

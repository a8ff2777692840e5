"""The draft's own words (headings, generated sentences, placeholders) in English and French.

Framework texts come from the framework in the chosen language; the names of
statuses, stakeholder groups, milestones and evidence kinds are the workbook's
(:mod:`roam.exchange.workbook_labels`), so both documents call things alike.  A missing
French text falls back to English.
"""

from __future__ import annotations

from roam.exchange.workbook_labels import value_label

LANGUAGES = ("en", "fr")
PLACEHOLDER_MARK = "[Team:"  # what a team searches for to find every gap to fill

_WORDS: dict[str, tuple[str, str]] = {
    # Title page
    "title": (
        "Internet Universality Indicators: national assessment of {country}",
        "Indicateurs de l'universalité de l'Internet : évaluation nationale — {country}",
    ),
    "subtitle": ("Draft national report", "Projet de rapport national"),
    "label": ("{name}: ", "{name} : "),
    "title.edition": ("Framework edition", "Édition du cadre"),
    "title.cycle": ("Assessment cycle", "Cycle d'évaluation"),
    "title.cycle_value": ("started {date}", "commencé le {date}"),
    "title.scope": ("Scope", "Périmètre"),
    "title.drafted": ("Draft generated", "Projet généré le"),
    "title.redacted": (
        "Confidential sources are withheld from this version.",
        "Les sources confidentielles sont retirées de cette version.",
    ),
    "title.how": (
        "roam drafted this document from the team's assessment file: every statement of fact "
        "comes from the team's answers, evidence and recommendations. Each marker that starts "
        "with [Team: shows where the team's own analysis belongs.",
        "roam a rédigé ce document à partir du fichier d'évaluation de l'équipe : chaque "
        "constat provient des réponses, sources et recommandations de l'équipe. Chaque "
        "marqueur commençant par [Team: indique où placer l'analyse de l'équipe.",
    ),
    "contents": ("Contents", "Table des matières"),
    "contents.update": (
        "Update this table in your word processor (Word: right-click, Update Field).",
        "Mettez cette table à jour dans votre traitement de texte (Word : clic droit, "
        "Mettre à jour les champs).",
    ),
    # Chapters
    "h.summary": ("Executive summary", "Résumé analytique"),
    "h.method": ("Introduction and method", "Introduction et méthode"),
    "h.assessment": ("The assessment", "L'évaluation"),
    "h.mab": ("Multistakeholder Advisory Board", "Comité consultatif multipartite"),
    "h.team": ("Research team", "Équipe de recherche"),
    "h.milestones": ("Milestones of the assessment process", "Étapes du processus d'évaluation"),
    "h.consulted": ("Stakeholder groups consulted", "Groupes de parties prenantes consultés"),
    "h.sources": ("Data sources used", "Sources de données utilisées"),
    "h.context": ("National context", "Contexte national"),
    "h.recommendations": ("Recommendations", "Recommandations"),
    "h.annexes": ("Annexes", "Annexes"),
    "h.indicator_table": ("Annex A: indicator table", "Annexe A : tableau des indicateurs"),
    "h.gaps": ("Annex B: data gaps", "Annexe B : lacunes de données"),
    "h.bibliography": ("Annex C: bibliography", "Annexe C : bibliographie"),
    "h.score_method": (
        "Annex D: how the diagnostic scores were computed",
        "Annexe D : calcul des scores diagnostiques",
    ),
    # Placeholders
    "team.summary": (
        "[Team: the main findings and messages of the assessment, in your own words.]",
        "[Team: les principaux constats et messages de l'évaluation, dans vos propres mots.]",
    ),
    "team.method": (
        "[Team: how the research was organised: desk research, interviews, surveys, the "
        "consultations held and the validation workshop.]",
        "[Team: l'organisation de la recherche : recherche documentaire, entretiens, enquêtes, "
        "consultations et atelier de validation.]",
    ),
    "team.context": (
        "[Team: what the national context means for the findings that follow.]",
        "[Team: ce que le contexte national implique pour les constats qui suivent.]",
    ),
    "team.chapter": (
        "[Team: your analysis of {name}.]",
        "[Team: votre analyse — {name}.]",
    ),
    "team.missing": ("[Team: {what}]", "[Team: {what}]"),
    # Generated statements
    "fact.coverage": (
        "The assessment covers {total} indicators ({scope}): {answered} answered, "
        "{not_applicable} not applicable, {no_data} with no data and {not_assessed} not "
        "assessed yet.",
        "L'évaluation porte sur {total} indicateurs ({scope}) : {answered} renseignés, "
        "{not_applicable} sans objet, {no_data} sans données et {not_assessed} pas encore "
        "évalués.",
    ),
    "fact.empty": (
        "No indicator has been answered yet, so this draft holds the structure of the report "
        "and the lists of what is missing.",
        "Aucun indicateur n'est encore renseigné : ce projet contient la structure du rapport "
        "et la liste de ce qui manque.",
    ),
    "fact.scores_note": (
        "Scores (0 to 100) are a diagnostic aid for the team, not a ranking: the framework "
        "gives none, and each score here is given with the share of indicators it rests on. "
        "Annex D states the method.",
        "Les scores (0 à 100) sont une aide au diagnostic pour l'équipe, pas un classement : "
        "le cadre n'en donne aucun, et chaque score est donné avec la part d'indicateurs sur "
        "laquelle il repose. L'annexe D décrit la méthode.",
    ),
    "fact.strongest": (
        "Strongest theme by diagnostic score: {theme}, {score}.",
        "Thème le plus avancé selon le score diagnostique : {theme}, {score}.",
    ),
    "fact.weakest": (
        "Weakest theme by diagnostic score: {theme}, {score}.",
        "Thème le moins avancé selon le score diagnostique : {theme}, {score}.",
    ),
    "fact.score": (
        "{score} out of 100, from {answered} of {total} indicators answered",
        "{score} sur 100, à partir de {answered} des {total} indicateurs renseignés",
    ),
    "fact.no_score": (
        "no score: none of its {total} indicators is answered",
        "pas de score : aucun de ses {total} indicateurs n'est renseigné",
    ),
    "fact.category": (
        "Diagnostic score of {name}: {score}.",
        "Score diagnostique — {name} : {score}.",
    ),
    "fact.theme": (
        "Diagnostic score of this theme: {score}.",
        "Score diagnostique du thème : {score}.",
    ),
    "fact.no_data": (
        "Indicators with no data ({count}): {codes}.",
        "Indicateurs sans données ({count}) : {codes}.",
    ),
    "fact.not_assessed": (
        "Indicators not assessed yet ({count}): {codes}.",
        "Indicateurs pas encore évalués ({count}) : {codes}.",
    ),
    "fact.all_data": (
        "Every indicator in this part has data or is not applicable.",
        "Chaque indicateur de cette partie a des données ou est sans objet.",
    ),
    "fact.mab_count": (
        "The Board has {count} members from {groups} stakeholder groups: {list}.",
        "Le Comité compte {count} membres issus de {groups} groupes de parties prenantes : {list}.",
    ),
    "fact.consulted": (
        "Number of indicators whose answer records each stakeholder group as consulted.",
        "Nombre d'indicateurs dont la réponse indique chaque groupe comme consulté.",
    ),
    "fact.sources": (
        "{count} distinct sources are cited, by kind: {list}. Annex C lists them.",
        "{count} sources distinctes sont citées, par type : {list}. L'annexe C les recense.",
    ),
    "fact.scope.core": (
        "core indicators plus the contextual ones",
        "indicateurs clés et indicateurs contextuels",
    ),
    "fact.scope.full": ("all indicators of the edition", "tous les indicateurs de l'édition"),
    "fact.scope.custom": ("a selection chosen by the team", "une sélection choisie par l'équipe"),
    "fact.scope_note": (
        "Results of a core and of a full assessment are not comparable as if alike.",
        "Les résultats d'une évaluation restreinte et d'une évaluation complète ne se "
        "comparent pas comme s'ils étaient équivalents.",
    ),
    "fact.recommendations": (
        "Recommendations of the team, by the stakeholder group they are addressed to. A "
        "recommendation addressed to several groups appears under each.",
        "Recommandations de l'équipe, par groupe de parties prenantes destinataire. Une "
        "recommandation adressée à plusieurs groupes figure sous chacun.",
    ),
    "fact.gaps": (
        "Indicators without a usable answer, with the team's reason where it gave one. Each "
        "is a candidate for a recommendation to collect the data.",
        "Indicateurs sans réponse exploitable, avec la raison donnée par l'équipe. Chacun peut "
        "appeler une recommandation de collecte de données.",
    ),
    "fact.method": (
        "An indicator answered on a scale scores the score of its level; a quantitative "
        "indicator scores its position between the edition's goalposts (0 to 100, inverted "
        "when lower is better); contextual indicators are never scored. Indicators not "
        "applicable, with no data or not assessed are left out (they do not count as 0). A "
        "question's score is the weighted mean of its indicators', a theme's of its "
        "questions', a category's of its themes'. No overall figure is given: the framework "
        "ranks no one. The workbook of roam export states the full method and the weights used.",
        "Un indicateur renseigné sur une échelle reçoit le score de son niveau ; un indicateur "
        "quantitatif reçoit sa position entre les bornes de l'édition (0 à 100, inversée quand "
        "plus bas est mieux) ; les indicateurs contextuels ne sont jamais notés. Les "
        "indicateurs sans objet, sans données ou non évalués sont exclus (ils ne comptent pas "
        "pour 0). Le score d'une question est la moyenne pondérée de ses indicateurs, celui "
        "d'un thème de ses questions, celui d'une catégorie de ses thèmes. Aucun chiffre "
        "global n'est donné : le cadre ne classe personne. Le classeur de roam export détaille "
        "la méthode et les poids utilisés.",
    ),
    # Findings
    "answer.level": ("Level: {level}", "Niveau : {level}"),
    "answer.value": ("Value: {value}", "Valeur : {value}"),
    "answer.year": ("({year})", "({year})"),
    "answer.confidence": ("confidence {confidence}", "confiance {confidence}"),
    "answer.no_justification": (
        "[Team: no justification recorded for this answer.]",
        "[Team: aucune justification enregistrée pour cette réponse.]",
    ),
    "answer.sources": ("Sources:", "Sources :"),
    # Official texts from the team's overlay
    "official.unesco": ("UNESCO's text", "Texte de l'UNESCO"),
    "official.example": (
        "Example overlay, made-up text, not UNESCO's",
        "Superposition d'exemple, texte inventé, pas celui de l'UNESCO",
    ),
    "official.roam": ("roam's text", "Texte de roam"),
    "official.ref": ("UNESCO ref. {ref}", "réf. UNESCO {ref}"),
    "official.page": ("p. {page}", "p. {page}"),
    "official.no_text": ("(reference only)", "(référence seule)"),
    "official.note": (
        "Where the team's overlay file gives them, UNESCO's references and wording are quoted "
        "beside roam's own, each labelled; check them against UNESCO's publication before quoting.",
        "Là où le fichier de superposition de l'équipe les donne, les références et formulations "
        "de l'UNESCO sont citées à côté de celles de roam, chacune signalée ; les vérifier dans "
        "la publication de l'UNESCO avant de les citer.",
    ),
    "official.example_note": (
        "An example overlay is used: its texts are made up, not UNESCO's.",
        "Une superposition d'exemple est utilisée : ses textes sont inventés, ce ne sont pas "
        "ceux de l'UNESCO.",
    ),
    "answer.unanswered": ("{status}.", "{status}."),
    "recommendation.meta": (
        "Priority {priority}, {timeframe}; indicators: {codes}",
        "Priorité {priority}, {timeframe} ; indicateurs : {codes}",
    ),
    "withheld": ("[confidential source withheld]", "[source confidentielle retirée]"),
    "accessed": ("accessed {date}", "consulté le {date}"),
    "none": ("none", "aucun"),
    # Missing parts
    "missing.answers": ("record answers for this chapter.", "renseigner ce chapitre."),
    "missing.mab": (
        "no Board member is recorded: list the members and their sectors.",
        "aucun membre du Comité n'est enregistré : indiquez les membres et leurs secteurs.",
    ),
    "missing.team": ("no researcher is recorded.", "aucun chercheur n'est enregistré."),
    "missing.milestones": (
        "no milestone is recorded: add the steps of the process and their dates.",
        "aucune étape n'est enregistrée : indiquez les étapes du processus et leurs dates.",
    ),
    "missing.consulted": (
        "no answer records which stakeholder groups were consulted.",
        "aucune réponse n'indique les groupes de parties prenantes consultés.",
    ),
    "missing.sources": ("no evidence is recorded yet.", "aucune source n'est encore enregistrée."),
    "missing.context": (
        "no contextual indicator is answered yet.",
        "aucun indicateur contextuel n'est encore renseigné.",
    ),
    "missing.recommendations": (
        "no recommendation is recorded yet.",
        "aucune recommandation n'est encore enregistrée.",
    ),
    "missing.gaps": ("No data gaps.", "Aucune lacune de données."),
    # Table headers
    "col.name": ("Name", "Nom"),
    "col.role": ("Role", "Rôle"),
    "col.organisation": ("Organisation", "Organisation"),
    "col.group": ("Stakeholder group", "Groupe de parties prenantes"),
    "col.milestone": ("Milestone", "Étape"),
    "col.status": ("Status", "Statut"),
    "col.date": ("Date", "Date"),
    "col.note": ("Note", "Note"),
    "col.indicators": ("Indicators", "Indicateurs"),
    "col.code": ("Code", "Code"),
    "col.indicator": ("Indicator", "Indicateur"),
    "col.value": ("Value", "Valeur"),
    "col.unit": ("Unit", "Unité"),
    "col.year": ("Year", "Année"),
    "col.source": ("Source", "Source"),
    "col.answer": ("Level or value", "Niveau ou valeur"),
    "col.confidence": ("Confidence", "Confiance"),
    "col.reason": ("Team's reason", "Raison donnée"),
}


def word(key: str, lang: str = "en", **values: object) -> str:
    """The draft's text for ``key`` in ``lang`` (English when there is none), filled in."""
    english, french = _WORDS[key]
    text = french if lang == "fr" and french else english
    return text.format(**values) if values else text


def named(prefix: str, value: str | None, lang: str = "en") -> str:
    """The name of an enumerated value (``status.no_data``, ``group.media``, ...)."""
    return value_label(prefix, value, lang)

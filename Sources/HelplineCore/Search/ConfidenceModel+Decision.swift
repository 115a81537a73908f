extension ConfidenceModel {
    /// What to reply, given the candidates' evidence from best to worst.
    ///
    /// The confidence is the best article's ``Evidence/score``. An answer needs
    /// ``answerThreshold``; when the runner-up's score is within ``clarifyMargin``, the user is
    /// asked to choose between the two instead, unless the question names the best article
    /// (``Evidence/isHeading``) and not the runner-up: "record a meeting" asks for "Record a
    /// meeting", however close "I recorded a meeting but can't find the file" comes.
    ///
    /// The threshold and weights were chosen on `Tests/Evaluation/cases.jsonl` for the fewest
    /// wrong answers at the most right ones; `helpline eval` shows the effect of a change.
    /// - Returns: the decision and the confidence in the best article.
    public func decide(_ ranked: [Evidence]) -> (decision: SearchDecision, confidence: Double) {
        guard let best = ranked.first, best.score >= answerThreshold else { return (.noMatch, ranked.first?.score ?? 0) }
        if ranked.count > 1, best.score - ranked[1].score < clarifyMargin, !best.isHeading || ranked[1].isHeading {
            return (.clarify, best.score)
        }
        return (.answer, best.score)
    }
}

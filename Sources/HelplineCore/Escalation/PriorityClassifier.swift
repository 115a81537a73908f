/// How urgent a ticket is, on the policy's scale, and why.
public struct PriorityAssessment: Sendable, Equatable {
    /// 1 Urgent, 2 High, 3 Normal, 4 Low (DESIGN.md).
    public var level: Int
    /// Which cues decided, in a few words and quotes from the user ("service down for everyone:
    /// 'nobody can join', 'whole company'"); kept on the ticket for the support lead.
    public var reason: String
    /// The service is down (not one feature) and everyone is affected, as the user tells it:
    /// an outage that no article fixes, unlike one user stuck without a workaround.
    public var isOutageForEveryone: Bool

    public init(level: Int, reason: String, isOutageForEveryone: Bool = false) {
        self.level = level
        self.reason = reason
        self.isOutageForEveryone = isOutageForEveryone
    }
}

/// Gives a question the help center could not answer a ticket priority, from what its words say.
///
/// The policy's levels: 1 Urgent, the service is down and there is no workaround; 2 High, the
/// service is affected; 3 Normal, problems with one or more features; 4 Low, information or help
/// with capabilities, no business impact.
///
/// Cues are short phrases in English and Danish, matched on the question's analysed words (the
/// ``Analyzer``'s stems and folding, stopwords kept, so "møderne" meets "moederne" and "can't"
/// still says no), grouped in families (see `PriorityClassifier+Cues.swift`). A failure ("doesn't
/// work", "virker ikke", "can't") is judged by its subject in the same clause: a feature
/// ("microphone", "skærmdeling") makes it a feature problem, the service or getting into it
/// ("zoom", "log in", "møde") makes it an outage. Then:
/// - 1: an outage, and everyone is affected or there is no workaround;
/// - 2: an outage for one user or some users, degraded service (slow, lagging, dropping), or a
///   feature problem for everyone, for some users, or with business impact ("customers waiting");
/// - 3: a feature problem;
/// - 4: anything else, questions for information; business impact lifts such a question to 3.
///
/// A cue after a negation ("isn't down", "ikke nede") or in a condition ("what happens if it goes
/// down") does not count; a user who says it is not urgent ("no rush", "haster ikke") gets at most
/// level 3. Earlier questions of the chat count at half weight, at 0.8 when the question goes on
/// about them ("still", "stadig"): enough to say who is affected or what is at stake, or what a
/// bare "still not working" refers to, but not to make a new, unrelated question a problem.
public struct PriorityClassifier: Sendable {
    public init() {}

    /// The priority of `question`.
    ///
    /// - Parameters:
    ///   - question: the question that had no answer.
    ///   - conversation: earlier questions of the same chat, oldest first (context may raise
    ///     priority, e.g. "still not working" after an outage report). A last entry equal to
    ///     `question` is the question itself and is not counted twice.
    ///   - language: the chat's language; nil detects it. Either way the other language's cues
    ///     are tried too and win when they find more (a Danish question in an English session).
    public func classify(_ question: String, conversation: [String] = [], language: Language? = nil) -> PriorityAssessment {
        var earlier = conversation
        if earlier.last == question { earlier.removeLast() }
        let preferred = language ?? Language.detect((earlier + [question]).joined(separator: "\n"))
        let other: Language = preferred == .english ? .danish : .english
        let first = Evidence(question: question, earlier: earlier, lexicon: Self.lexicon(for: preferred))
        let second = Evidence(question: question, earlier: earlier, lexicon: Self.lexicon(for: other))
        return (second.total > first.total ? second : first).assessment()
    }

    static func lexicon(for language: Language) -> Lexicon {
        language == .danish ? danishLexicon : englishLexicon
    }

    private static let englishLexicon = Lexicon(language: .english, cues: englishCues, subjects: englishSubjects)
    private static let danishLexicon = Lexicon(language: .danish, cues: danishCues, subjects: danishSubjects)
}

// MARK: - Evidence and decision

extension PriorityClassifier {
    /// The cues of a question and its conversation, weighed.
    struct Evidence {
        /// Cues that take a family from this score count (problems need more than a hint).
        static let problemThreshold = 0.75
        static let modifierThreshold = 0.5
        /// How much an earlier question's cue counts; more when the question goes on about it.
        static let earlierWeight = 0.5
        static let continuedWeight = 0.8

        var hits: [Hit] = []
        var score: [Family: Double] = [:]
        var total: Double { hits.reduce(0) { $0 + $1.weight } }

        init(question: String, earlier: [String], lexicon: Lexicon) {
            let current = lexicon.hits(in: question)
            let past = earlier.map { lexicon.hits(in: $0) }
            let continued = current.contains { $0.families.contains(.continuation) }
            let discount = continued ? Self.continuedWeight : Self.earlierWeight
            // The subject a bare failure refers to: this question's, else the latest earlier one's.
            var context: Family?
            for hits in past { context = Lexicon.subject(of: hits) ?? context }
            for hits in past {
                // A user's "not urgent" or "how do I" earlier says nothing about this question.
                add(Lexicon.resolve(hits, context: context).filter { ![.noImpact, .information].contains($0.family) },
                    weight: discount, earlier: true)
            }
            add(Lexicon.resolve(current, context: context), weight: 1, earlier: false)
        }

        private mutating func add(_ resolved: [(family: Family, weight: Double, label: String)], weight: Double, earlier: Bool) {
            for item in resolved where item.family != .neutral {
                hits.append(Hit(families: [item.family], weight: item.weight * weight, label: item.label, earlier: earlier))
                score[item.family, default: 0] += item.weight * weight
            }
        }

        func has(_ family: Family) -> Bool {
            let problem: Set<Family> = [.outage, .failure, .feature, .degradation, .information]
            return score[family, default: 0] >= (problem.contains(family) ? Self.problemThreshold : Self.modifierThreshold)
        }

        func assessment() -> PriorityAssessment {
            let calm = has(.noImpact)
            let (outage, feature, degraded) = (has(.outage), has(.feature), has(.degradation))
            let (everyone, some, stuck, impact) = (has(.scope), has(.partialScope), has(.noWorkaround), has(.urgency) && !calm)
            var level: Int
            var verdict: String
            var deciding: [Family]
            if outage, everyone || stuck {
                level = 1
                verdict = "service down" + (everyone ? " for everyone" : "") + (stuck ? ", no workaround" : "")
                deciding = [.outage, .scope, .noWorkaround]
            } else if outage {
                level = 2
                verdict = (some ? "service down for some users" : "service down for one user or area")
                    + (impact ? ", with business impact" : "")
                deciding = [.outage, .partialScope, .urgency]
            } else if degraded {
                (level, verdict, deciding) = (2, "service degraded", [.degradation, .scope, .partialScope])
            } else if feature, everyone || some || impact {
                level = 2
                verdict = everyone ? "feature broken for everyone"
                    : some ? "feature broken for some users" : "feature problem with business impact"
                deciding = [.feature, .scope, .partialScope, .urgency]
            } else if feature {
                (level, verdict, deciding) = (3, "feature problem", [.feature])
            } else if impact {
                (level, verdict, deciding) = (3, "question with business impact", [.urgency, .information])
            } else if has(.information) {
                (level, verdict, deciding) = (4, "information or how-to question, no business impact", [.information])
            } else {
                (level, verdict, deciding) = (4, "no problem or impact cues, taken as a question", [])
            }
            if calm, level < 3 {
                level = 3
                verdict += ", but the user says it is not urgent"
                deciding.append(.noImpact)
            } else if calm {
                deciding.append(.noImpact)
            }
            return PriorityAssessment(level: level, reason: reason(verdict, deciding), isOutageForEveryone: outage && everyone)
        }

        /// The verdict and up to five quotes of the deciding cues, this question's first.
        private func reason(_ verdict: String, _ families: [Family]) -> String {
            var quotes: [String] = []
            for family in families where has(family) {
                for hit in hits.filter({ !$0.earlier }) + hits.filter(\.earlier) where hit.families == [family] {
                    let quote = "'\(hit.label)'" + (hit.earlier ? " (earlier)" : "")
                    if !quotes.contains(quote) { quotes.append(quote) }
                }
            }
            return quotes.isEmpty ? verdict : verdict + ": " + quotes.prefix(5).joined(separator: ", ")
        }
    }
}

// MARK: - Matching

extension PriorityClassifier {
    /// A language's cues and subject words, analysed once.
    struct Lexicon: Sendable {
        struct Compiled: Sendable {
            var families: [Family]
            var weight: Double
            var gap: Int
            /// Each element's alternatives, as numbers in the lexicon's ``WordTable``.
            var elements: [Set<Int>]
            var isSymptom: Bool
        }

        static let negators: Set<String> = ["not", "no", "never", "isnt", "arent", "wasnt", "werent", "dont", "doesnt",
                                            "didnt", "hasnt", "havent", "ikke", "aldrig", "ing", "ej"]
        static let clauseBreaks: Set<String> = ["but", "however", "although", "though", "men", "dog", "selvom"]
        static let conditions: Set<String> = ["if", "hvis", "whether"]
        /// Families a negation or a condition takes away; the others are not claims about the problem.
        static let factual: Set<Family> = [.outage, .failure, .feature, .degradation, .scope, .partialScope, .noWorkaround, .urgency]

        let language: Language
        let cues: [Compiled]
        let table: WordTable
        let featureWords: Set<Int>
        let serviceWords: Set<Int>
        /// For each word of the table, the cues (by position in `cues`) whose first element it is
        /// one of: a question's words point at the few cues that can start with them.
        let cuesStartingWith: [Int: [Int]]

        init(language: Language, cues: [Cue], subjects: Subjects) {
            self.language = language
            func word(_ text: String) -> Word {
                if text == "#" { return Word(text: text, kind: .number) }
                if let kind = [("*", Word.Kind.prefix), ("=", .exact)].first(where: { text.hasSuffix($0.0) })?.1 {
                    return Word(text: Self.normalize(String(text.dropLast()).lowercased()), kind: kind)
                }
                let stem = Analyzer.stems(Tokenizer.tokens(in: text), language: language).first?.stem ?? text
                return Word(text: Self.normalize(stem), kind: .stem)
            }
            var table = WordTable()
            self.cues = cues.map { cue in
                Compiled(families: cue.families, weight: cue.weight, gap: cue.gap, elements: cue.pattern
                    .split(separator: " ").map { Set($0.split(separator: "|").map { table.id(of: word(String($0))) }) },
                    isSymptom: cue.isSymptom)
            }
            featureWords = Set(subjects.feature.split(whereSeparator: \.isWhitespace).map { table.id(of: word(String($0))) })
            serviceWords = Set(subjects.service.split(whereSeparator: \.isWhitespace).map { table.id(of: word(String($0))) })
            self.table = table
            var cuesStartingWith: [Int: [Int]] = [:]
            for (index, cue) in self.cues.enumerated() {
                for word in cue.elements[0] { cuesStartingWith[word, default: []].append(index) }
            }
            self.cuesStartingWith = cuesStartingWith
        }

        static func normalize(_ text: String) -> String {
            String(DiacriticFolding.fold(text).filter { $0 != "'" })
        }

        /// At most this many characters of a message are read: a pasted log adds nothing but time.
        static let maximumLength = 2_000

        /// The words of `text`, clause by clause: punctuation and "but"/"men" end a clause, and
        /// what follows "if"/"hvis" in a clause is hypothetical.
        func tokens(in text: String) -> [Token] {
            var tokens: [Token] = []
            var clause = 0
            for piece in text.prefix(Self.maximumLength).split(whereSeparator: { ".!?;:,()\n".contains($0) }) {
                clause += 1
                var hypothetical = false
                for stem in Analyzer.stems(Tokenizer.tokens(in: String(piece)), language: language) {
                    let term = Self.normalize(stem.stem)
                    if Self.clauseBreaks.contains(term) { clause += 1; hypothetical = false }
                    if Self.conditions.contains(term) { hypothetical = true }
                    tokens.append(Token(word: stem.word, term: term, surface: Self.normalize(stem.word),
                                        isStopword: stem.isStopword, clause: clause, isHypothetical: hypothetical))
                }
            }
            return tokens
        }

        /// The cues of `text`, in the order they stand; each word serves one cue, the first in the table.
        func hits(in text: String) -> [Hit] {
            let tokens = tokens(in: text)
            let words = tokens.map(table.matches)
            let subjects = words.map { matched -> Family? in
                !matched.isDisjoint(with: featureWords) ? .feature : !matched.isDisjoint(with: serviceWords) ? .outage : nil
            }
            var claimed = [Bool](repeating: false, count: tokens.count)
            var hits: [Hit] = []
            // Where each cue may start, in the order of the words; cues are then tried in table order.
            var starts = [[Int]](repeating: [], count: cues.count)
            for (position, matched) in words.enumerated() {
                for word in matched {
                    for cue in cuesStartingWith[word] ?? [] where starts[cue].last != position { starts[cue].append(position) }
                }
            }
            for (index, cue) in cues.enumerated() where !starts[index].isEmpty {
                for start in starts[index] where !claimed[start] {
                    var positions = [start]
                    for element in cue.elements.dropFirst() {
                        let last = positions[positions.count - 1]
                        guard let next = (last + 1..<min(tokens.count, last + 2 + cue.gap)).first(where: { index in
                            tokens[index].clause == tokens[start].clause && !claimed[index]
                                && words[index].contains(where: element.contains)
                        }) else { break }
                        positions.append(next)
                    }
                    guard positions.count == cue.elements.count else { continue }
                    let factual = cue.families.contains { Self.factual.contains($0) }
                    if factual, positions.contains(where: { tokens[$0].isHypothetical }) { continue }
                    positions.forEach { claimed[$0] = true }
                    // A negation just before the cue or inside it, not one another cue already used.
                    let negated = factual && (max(0, start - 2)..<positions[positions.count - 1]).contains { index in
                        tokens[index].clause == tokens[start].clause && !positions.contains(index)
                            && !claimed[index] && Self.negators.contains(tokens[index].term)
                    }
                    if negated { continue }
                    // A failure's quote takes in its subject when it stands close: "microphone doesn't work".
                    var (first, last) = (start, positions[positions.count - 1])
                    let subject = cue.families.contains { $0 == .failure || $0 == .outage }
                        ? Self.subject(near: start, in: tokens, subjects: subjects, besides: cue.isSymptom ? positions : []) : nil
                    if let subject, subject.index >= first - 3, subject.index <= last + 3 {
                        (first, last) = (min(first, subject.index), max(last, subject.index))
                    }
                    let label = tokens[first...last].map(\.word).joined(separator: " ")
                    hits.append(Hit(families: cue.families, weight: cue.weight, label: label, position: start,
                                    subject: subject?.family))
                }
            }
            return hits.sorted { $0.position < $1.position }
        }

        /// How far from a failure the service may stand in its clause to be what failed.
        static let serviceReach = 5

        /// A feature named in the clause makes a failure a feature problem; else the service or
        /// getting into it, named close by, makes it an outage; a clause that names neither ("but
        /// it doesn't work") refers to the rest of the message; else the subject is unknown.
        ///
        /// The service must stand close because a clause can name it in passing: in "the guy who
        /// set up our account quit and his mailbox has been shut down" the account is not what
        /// was shut down.
        static func subject(
            near position: Int, in tokens: [Token], subjects: [Family?], besides cueWords: [Int]
        ) -> (family: Family, index: Int)? {
            func nearest(_ family: Family, inClause: Bool) -> Int? {
                tokens.indices.filter { index in
                    guard subjects[index] == family, !cueWords.contains(index) else { return false }
                    guard inClause else { return true }
                    return tokens[index].clause == tokens[position].clause
                        && (family == .feature || abs(index - position) <= serviceReach)
                }
                .min { abs($0 - position) < abs($1 - position) }
            }
            for inClause in [true, false] {
                for family in [Family.feature, .outage] {
                    if let index = nearest(family, inClause: inClause) { return (family, index) }
                }
            }
            return nil
        }

        /// What a message's failures are about: the service if any of them is, else a feature.
        static func subject(of hits: [Hit]) -> Family? {
            let subjects = hits.compactMap { hit -> Family? in
                if hit.families.contains(.feature) { return .feature }
                if hit.families.contains(.outage) { return hit.subject == .feature ? .feature : .outage }
                return hit.families.contains(.failure) ? hit.subject : nil
            }
            return subjects.contains(.outage) ? .outage : subjects.first
        }

        /// Each hit's families, with failures and outages turned into `.outage` or `.feature` by
        /// their subject, the message's, the conversation's, or else a feature.
        static func resolve(_ hits: [Hit], context: Family?) -> [(family: Family, weight: Double, label: String)] {
            let own = subject(of: hits)
            return hits.flatMap { hit in
                hit.families.map { family in
                    switch family {
                    case .outage: (hit.subject == .feature ? .feature : .outage, hit.weight, hit.label)
                    case .failure: (hit.subject ?? own ?? context ?? .feature, hit.weight, hit.label)
                    default: (family, hit.weight, hit.label)
                    }
                }
            }
        }
    }
}

extension PriorityClassifier {
    /// Every word of a language's cues and subjects, each once, found by what a token is.
    ///
    /// The classifier reads every question the chat gets, so a token is matched against the
    /// table once — by dictionary for terms and written words, by first letter for prefixes and
    /// typos — and cues then compare word numbers, instead of comparing each cue's words with
    /// each token.
    ///
    /// A ``Word`` matches a token when it is the same term (`stem`), the written word (`exact`),
    /// the written word's beginning (`prefix`) or any number (`number`); or, for a stem or a
    /// prefix of at least six letters, that with one typo ("evryone", "micropohne"), starting
    /// with the same letter and never in a stopword ("mange" is no typo of "mangl").
    struct WordTable: Sendable {
        /// The least length of a word that matches with a typo.
        static let typoLength = 6

        private var ids: [Word: Int] = [:]
        private var letters: [[UInt8]] = []
        private var byTerm: [String: [Int]] = [:]
        private var bySurface: [String: [Int]] = [:]
        private var prefixes: [UInt8: [Int]] = [:]
        private var stemTypos: [UInt8: [Int]] = [:]
        private var prefixTypos: [UInt8: [Int]] = [:]
        private var numberIDs: [Int] = []

        /// The number of `word`, added to the table when new.
        mutating func id(of word: Word) -> Int {
            if let id = ids[word] { return id }
            let id = letters.count
            ids[word] = id
            let bytes = Array(word.text.utf8)
            letters.append(bytes)
            let first = bytes.first ?? 0
            switch word.kind {
            case .number: numberIDs.append(id)
            case .exact: bySurface[word.text, default: []].append(id)
            case .stem:
                byTerm[word.text, default: []].append(id)
                if bytes.count >= Self.typoLength { stemTypos[first, default: []].append(id) }
            case .prefix:
                prefixes[first, default: []].append(id)
                if bytes.count >= Self.typoLength { prefixTypos[first, default: []].append(id) }
            }
            return id
        }

        /// The numbers of the words that match `token`.
        func matches(_ token: Token) -> Set<Int> {
            var found = Set(byTerm[token.term] ?? [])
            found.formUnion(bySurface[token.surface] ?? [])
            if token.surface.allSatisfy(\.isNumber) { found.formUnion(numberIDs) }
            let surface = Array(token.surface.utf8)
            for id in prefixes[surface.first ?? 0] ?? [] where surface.starts(with: letters[id]) { found.insert(id) }
            guard !token.isStopword else { return found }
            let term = Array(token.term.utf8)
            for id in stemTypos[term.first ?? 0] ?? [] where !found.contains(id) {
                if Self.withinOneEdit(term[...], letters[id][...]) { found.insert(id) }
            }
            for id in prefixTypos[surface.first ?? 0] ?? [] where !found.contains(id) {
                let target = letters[id]
                let lengths = [target.count - 1, target.count, target.count + 1]
                if lengths.contains(where: { $0 <= surface.count && Self.withinOneEdit(surface.prefix($0), target[...]) }) {
                    found.insert(id)
                }
            }
            return found
        }

        /// Whether an insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
        static func withinOneEdit(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
            guard abs(a.count - b.count) <= 1 else { return false }
            var (i, j) = (a.startIndex, b.startIndex)
            while i < a.endIndex, j < b.endIndex, a[i] == b[j] { (i, j) = (i + 1, j + 1) }
            if i == a.endIndex || j == b.endIndex { return true }
            if a.count != b.count {
                return a.count > b.count ? a[(i + 1)...].elementsEqual(b[j...]) : a[i...].elementsEqual(b[(j + 1)...])
            }
            if a[(i + 1)...].elementsEqual(b[(j + 1)...]) { return true }
            return i + 1 < a.endIndex && a[i] == b[j + 1] && a[i + 1] == b[j] && a[(i + 2)...].elementsEqual(b[(j + 2)...])
        }
    }
}

import Foundation

/// A generated help center for benchmarks: articles and questions from a seeded Zipf vocabulary.
struct SyntheticHelpCenter {
    private var random: SplitMix64
    private let words: [String]
    /// Cumulative Zipf weights over `words`, for drawing common words often and rare ones seldom.
    private let cumulative: [Double]
    private var titles: [[String]] = []

    init(seed: UInt64, vocabularySize: Int = 30_000) {
        var random = SplitMix64(seed: seed)
        let syllables = ["ka", "lo", "mi", "ter", "san", "pro", "vek", "dil", "for", "ran", "tis", "mon", "bel",
                         "cor", "nu", "qua", "sel", "tra", "vin", "zo", "gre", "hal", "jun", "pex"]
        var generated = Set<String>()
        var list: [String] = []
        while list.count < vocabularySize {
            let count = 2 + Int(random.next() % 3)
            let word = (0..<count).map { _ in syllables[Int(random.next() % UInt64(syllables.count))] }.joined()
            if generated.insert(word).inserted { list.append(word) }
        }
        words = list
        self.random = random
        var running = 0.0
        cumulative = (1...vocabularySize).map { rank in
            running += 1 / Double(rank)
            return running
        }
    }

    /// Writes `articles` Markdown files under `root/articles/en/<section>/`.
    mutating func write(articles: Int, to root: URL) throws {
        let sections = (0..<20).map { "section-\($0)" }
        for section in sections {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("articles/en/\(section)"), withIntermediateDirectories: true)
        }
        titles.reserveCapacity(articles)
        for number in 0..<articles {
            let title = draw(3 + Int(random.next() % 4))
            titles.append(title)
            let section = sections[number % sections.count]
            let text = """
                ---
                id: article-\(number)
                title: \(title.joined(separator: " ").capitalized)
                tags: [\(draw(2).joined(separator: ", "))]
                aliases:
                  - \(draw(5).joined(separator: " "))
                  - \(draw(6).joined(separator: " "))
                ---
                \(sentence(14)) \(sentence(10))

                \(sentence(16)) \(sentence(12)) \(sentence(18))

                \(sentence(15)) \(sentence(11)) \(sentence(13)) \(sentence(9))
                """
            try Data(text.utf8).write(to: root.appendingPathComponent("articles/en/\(section)/article-\(number).md"))
        }
    }

    /// A question: most often about one article's title, with filler and the odd unknown word.
    mutating func question() -> String {
        guard !titles.isEmpty else { return draw(4).joined(separator: " ") }
        let title = titles[Int(random.next() % UInt64(titles.count))]
        var parts = Array(title.shuffled(using: &random).prefix(1 + Int(random.next() % 3)))
        parts += draw(1 + Int(random.next() % 3))
        if random.next() % 4 == 0 { parts.append("xq" + String(random.next() % 10_000)) }
        return "how do I " + parts.joined(separator: " ") + "?"
    }

    private mutating func sentence(_ length: Int) -> String {
        draw(length).joined(separator: " ").capitalized + "."
    }

    private mutating func draw(_ count: Int) -> [String] {
        (0..<count).map { _ in
            let target = Double(random.next() % 1_000_000) / 1_000_000 * (cumulative.last ?? 1)
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < target { low = middle + 1 } else { high = middle }
            }
            return words[low]
        }
    }
}

/// A small, fast, seedable generator, so a benchmark's help center is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

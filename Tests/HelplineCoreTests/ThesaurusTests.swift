import Foundation
@testable import HelplineCore
import Testing

/// Reading MyThes thesauri: which synonyms stand in for a word, and the installed ones.
struct ThesaurusTests {
    /// A thesaurus in MyThes format from `(headword, sense lines)` entries, offsets computed.
    static func thesaurus(_ entries: [(String, [String])]) -> Thesaurus {
        var data = Data("UTF-8\n".utf8)
        var index = ["UTF-8", "\(entries.count)"]
        for (word, senses) in entries.sorted(by: { $0.0 < $1.0 }) {
            index.append("\(word)|\(data.count)")
            data.append(Data((["\(word)|\(senses.count)"] + senses).joined(separator: "\n").utf8))
            data.append(Data("\n".utf8))
        }
        return Thesaurus(index: Data((index.joined(separator: "\n") + "\n").utf8), entries: data)
    }

    static let sample = thesaurus([
        ("silence", [
            "(noun)|quiet|sound property (generic term)|noise (antonym)",
            "(verb)|hush|quieten|mute (similar term)|shut up|keep quiet",
            "(verb)|suppress (generic term)|quiet",
        ]),
        ("møde", ["|sammenkomst|samling|forsamling", "|generalforsamling (underbegreb)|rendezvous"]),
        ("wipe", ["(verb)|erase|rub out"]),
    ])

    @Test(arguments: [
        ("silence", ["quiet", "hush", "quieten", "mute", "shut up", "keep quiet"]),
        ("moede", ["sammenkomst", "samling", "forsamling", "rendezvous"]),
        ("wipe", ["erase", "rub out"]),
        ("unlisted", []),
        ("", []),
    ])
    func synonymsLeaveOutBroaderNarrowerAndOppositeWords(word: String, expected: [String]) {
        #expect(Self.sample.synonyms(of: word) == expected)
    }

    /// Reading stops at the entry's end even when its senses are more than are read.
    @Test func aLongEntryDoesNotRunIntoTheNext() {
        let narrower = (1...100).map { "|term\($0) (underbegreb)" }
        let thesaurus = Self.thesaurus([("møde", ["|samling"] + narrower), ("næste", ["|efterfølgende"])])
        #expect(thesaurus.synonyms(of: "moede") == ["samling"])
        #expect(thesaurus.synonyms(of: "naeste") == ["efterfølgende"])
    }

    @Test(arguments: [
        "UTF-8\n1\nword|-1\n",
        "UTF-8\n1\nword|99999999999999999999999\n",
        "UTF-8\n1\nword|\n",
        "UTF-8\n1\n|0\n",
        "",
    ])
    func aMalformedIndexLineIsSkipped(index: String) {
        let thesaurus = Thesaurus(index: Data(index.utf8), entries: Data("word|1\n|synonym\n".utf8))
        #expect(thesaurus.count == 0)
        #expect(thesaurus.synonyms(of: "word") == [])
    }

    @Test(arguments: ["word|-1\n|synonym\n", "word|99999999999999999999999\n|synonym\n", "word\n", "word|2\n|synonym"])
    func aMalformedEntryGivesWhatItCanWithoutCrashing(entries: String) {
        let thesaurus = Thesaurus(index: Data("UTF-8\n1\nword|0\n".utf8), entries: Data(entries.utf8))
        #expect(thesaurus.synonyms(of: "word") == (entries.hasSuffix("|synonym") ? ["synonym"] : []))
    }

    @Test func crlfLineEndsRead() {
        let thesaurus = Thesaurus(index: Data("UTF-8\r\n1\r\nword|0\r\n".utf8), entries: Data("word|1\r\n(noun)|synonym\r\n".utf8))
        #expect(thesaurus.synonyms(of: "word") == ["synonym"])
    }

    @Test func aBrokenOffsetOrCountGivesNoSynonymsInsteadOfCrashing() {
        let broken = Thesaurus(index: Data("UTF-8\n2\nfar|999\nnear|0\nbad|x1\n|3\n".utf8), entries: Data("near|7\n(adj)|close\n".utf8))
        #expect(broken.synonyms(of: "far") == [])
        #expect(broken.synonyms(of: "near") == ["close"])
        #expect(broken.count == 2)
    }

    /// `scripts/bootstrap` installs Debian's `mythes-en-us` and `mythes-da`; search quality counts on them.
    @Test(arguments: [(Language.english, "silence", "quiet"), (.danish, "regning", "faktura")])
    func theInstalledThesauriAreFound(language: Language, word: String, synonym: String) throws {
        let thesaurus = try #require(Thesaurus.system(for: language), "no thesaurus for \(language.locale): run scripts/bootstrap")
        #expect(thesaurus.count > 10_000)
        #expect(thesaurus.synonyms(of: word).contains(synonym))
    }
}

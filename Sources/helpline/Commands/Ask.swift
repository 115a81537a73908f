import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

extension Helpline {
    /// `helpline ask`: one question against the index, without a server.
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask the help center one question and print the decision.",
            discussion: """
                Prints answer, clarify or no match with the confidence and the articles behind it. \
                A question that reports the service down for everyone is no match whatever the \
                articles say: the chat hands it to a person (priority 1) or to self-service. \
                With --json, prints the reply object the chat protocol sends to a user without \
                tickets (answer, clarify, or an escalation to self-service).
                """
        )

        @Argument(help: "The question, as a user would type it.")
        var question: String

        @Option(help: ArgumentHelp("The question's locale (en, da); detected when left out.", valueName: "code"))
        var locale: String?

        @Flag(help: "Print the chat protocol's reply object as JSON.")
        var json = false

        @OptionGroup(title: "Storage") var storage: StorageOptions

        func run() throws {
            let opened = try storage.openIndex()
            let searched = try opened.index.search(question, locale: locale)
            let outage = OutageReport(question, locale: searched.locale)
            let result = searched.handingOver(outage)
            if json {
                let composer = ReplyComposer(policy: opened.policy)
                let reply = outage == nil
                    ? composer.reply(to: result, replyTo: nil)
                    : composer.selfService(
                        result.leading(with: try opened.index.statusArticle(locale: result.locale)), replyTo: nil, cause: .outage)
                print(String(decoding: try makeJSONEncoder(pretty: true).encode(reply), as: UTF8.self))
                return
            }
            print(Self.describe(result, outage: outage))
        }

        static func describe(_ result: SearchResult, outage: OutageReport? = nil) -> String {
            var lines = ["\(result.decision.rawValue.replacingOccurrences(of: "_", with: " ")) "
                + "(confidence \(String(format: "%.2f", result.confidence)), locale \(result.locale))"]
            if let outage { lines.append("  an outage report, for a person: priority 1, \(outage.assessment.reason)") }
            let corrections = result.terms.compactMap { term in term.original.map { "\($0) → \(term.term)" } }
            if !corrections.isEmpty { lines.append("  corrected: \(corrections.joined(separator: ", "))") }
            for match in result.matches {
                lines.append("")
                lines.append("  \(match.title)  [\(match.section)/\(match.id), \(String(format: "%.2f", match.confidence))]")
                lines.append("  \(match.shortAnswer)")
                if match.snippet != match.shortAnswer { lines.append("  … \(match.snippet)") }
                if let url = match.url { lines.append("  \(url)") }
            }
            return lines.joined(separator: "\n")
        }
    }
}

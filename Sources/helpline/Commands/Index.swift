import ArgumentParser
import Foundation
import HelplineCore
import HelplineStore

extension Helpline {
    /// `helpline index`: builds or updates the search index and reports problem files.
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build or update the search index from the help center.",
            discussion: """
                Only files that changed since the last run are analysed again; a changed synonym \
                list rebuilds everything. Files that cannot be loaded are listed as path:line: \
                problem, and the rest is indexed.
                """
        )

        @OptionGroup(title: "Storage") var storage: StorageOptions

        @Flag(help: "Exit with status 1 when any file could not be loaded.")
        var strict = false

        @Flag(help: "Print no progress, only the summary and problems.")
        var quiet = false

        func run() throws {
            let started = ContinuousClock.now
            let opened = try storage.openIndex { progress in
                guard !quiet, progress.total >= 500 else { return }
                printToStandardError("indexed \(progress.done)/\(progress.total) files")
            }
            let report = opened.report
            let elapsed = ContinuousClock.now - started
            for issue in report.issues { printToStandardError("warning: \(issue)") }
            print("""
                \(report.files) files: \(report.added) added, \(report.updated) updated, \(report.removed) removed, \
                \(report.unchanged) unchanged, \(report.issues.count) with problems\(report.rebuilt ? " (full rebuild)" : "") \
                in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated)))
                """)
            print("index: \(opened.index.articleCount) articles in \(storage.databasePath)")
            if strict, !report.issues.isEmpty { throw ExitCode(1) }
        }
    }
}

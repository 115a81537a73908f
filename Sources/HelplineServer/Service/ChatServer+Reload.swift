import Foundation
import HelplineCore
import HelplineStore
import Logging
import Synchronization

/// Re-indexing the knowledge folder while chats go on: SIGHUP, `serve --watch` and
/// `POST /api/v1/knowledge/reload` all come here.
///
/// The update runs on a thread of its own (``KnowledgeReloader``); the service thread only
/// installs the finished index state, which is one assignment, and answers whoever waits.
extension ChatServer {
    /// Asks for the knowledge folder to be re-indexed, without dropping chats.
    ///
    /// Safe from any thread, like ``stop()``: it sets an atomic flag and wakes the service loop
    /// with `lws_cancel_service()`. Requests made while a reload runs are served by one more.
    public func requestReload() {
        reloadRequested.store(true, ordering: .sequentiallyConsistent)
        wake()
    }

    /// Service thread: a reload whose report goes to `waiter` (a request's connection), or to nobody.
    func requestReload(answering waiter: OpaquePointer?) {
        guard let reloader else {
            logger.warning("knowledge reload asked for, but this server was started without a knowledge folder")
            return
        }
        if reloadSchedule.request(waiter) { startReload(reloader) }
    }

    /// Service thread, when the loop was woken: starts a requested reload, installs finished ones.
    func serviceReloads() {
        if reloadRequested.exchange(false, ordering: .sequentiallyConsistent), isAccepting {
            requestReload(answering: nil)
        }
        let finished = finishedReloads.withLock { finished in
            defer { finished = [] }
            return finished
        }
        for result in finished { reloadFinished(result) }
    }

    private func startReload(_ reloader: KnowledgeReloader) {
        generationAtReloadStart = service.index.generation
        logger.info("re-indexing the knowledge folder", metadata: ["folder": "\(reloader.folder.root.path)"])
        reloader.start { [weak self] result in
            guard let self else { return }
            finishedReloads.withLock { $0.append(result) }
            wake()
        }
    }

    private func reloadFinished(_ result: Result<KnowledgeReloader.Reloaded, any Error>) {
        let outcome = result.map(\.report)
        switch result {
        case .success(let reloaded):
            let index = service.index
            // A lead resolved a group meanwhile: the snapshot may predate its aliases, so read
            // the state from the tables once more. Rare, and cheaper than a wrong vocabulary.
            let changedMeanwhile = index.generation != generationAtReloadStart
            index.install(reloaded.snapshot)
            if changedMeanwhile {
                do {
                    try index.refresh()
                } catch {
                    logger.error("could not refresh the index after a reload: \(error)")
                }
            }
            let report = reloaded.report
            logger.info(
                "knowledge reloaded",
                metadata: [
                    "files": "\(report.files)", "added": "\(report.added)", "updated": "\(report.updated)",
                    "removed": "\(report.removed)", "unchanged": "\(report.unchanged)", "rebuilt": "\(report.rebuilt)",
                    "issues": "\(report.issues.count)", "articles": "\(index.articleCount)",
                ])
            for issue in report.issues { logger.warning("knowledge issue: \(issue)") }
        case .failure(let error):
            logger.error("could not re-index the knowledge folder; still serving the previous index: \(error)")
        }
        let (waiters, startNext) = reloadSchedule.finish()
        let response = APIRouter.reloaded(outcome)
        for waiter in waiters { answerDeferred(waiter, response) }
        if startNext, let reloader { startReload(reloader) }
    }
}

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
            // The serving index rebuilt its state meanwhile: the snapshot may predate that, so
            // one more reload follows (on its thread, like this one).
            if index.generation != generationAtReloadStart { _ = reloadSchedule.request(nil) }
            index.install(reloaded.snapshot)
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
        for waiter in waiters { answerDeferred(waiter, answersAfterReload.removeValue(forKey: waiter) ?? response) }
        if startNext, let reloader { startReload(reloader) }
    }
}

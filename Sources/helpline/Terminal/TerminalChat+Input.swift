import Foundation

extension TerminalChat {
    /// Reads what standard input has and acts on it.
    func readInput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        if count < 0, errno == EINTR || errno == EAGAIN { return }
        guard count > 0 else {
            endOfInput()
            return
        }
        let bytes = Array(buffer[..<count])
        switch mode {
        case .editor: typed(bytes)
        case .lines, .script: received(bytes)
        }
    }

    /// Key presses in editor mode.
    private func typed(_ bytes: [UInt8]) {
        var edited = false
        for key in decoder.feed(bytes) where exitStatus == nil {
            let newestBefore = editor.history.entries.last
            switch editor.handle(key) {
            case .editing:
                edited = true
            case .submitted(let line):
                edited = false
                screen?.commit(line, editor: editor)
                // The same rule as LineHistory.record: not blank, not the newest again.
                if !line.allSatisfy(\.isWhitespace), newestBefore != line { settings.history?.append(line) }
                submit(line)
            case .endOfInput, .interrupted:
                exitStatus = 0
            case .redraw:
                edited = false
                screen?.clear(editor)
            }
        }
        if edited, exitStatus == nil { screen?.update(editor) }
    }

    /// Bytes in lines or script mode: complete lines are submitted (lines) or queued (script).
    private func received(_ bytes: [UInt8]) {
        partialLine += bytes
        while let newline = partialLine.firstIndex(of: 0x0A) {
            let line = String(decoding: partialLine[..<newline], as: UTF8.self)
            partialLine.removeSubrange(...newline)
            accept(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        }
    }

    private func accept(_ line: String) {
        if mode == .script {
            queuedLines.append(line)
        } else {
            submit(line)
        }
    }

    private func endOfInput() {
        inputEnded = true
        if !partialLine.isEmpty {
            accept(String(decoding: partialLine, as: UTF8.self))
            partialLine = []
        }
        if mode != .script { exitStatus = 0 }
    }

    /// Script mode: the next line goes out once the last one's reply is in; after the last
    /// line's reply, at the end of input, the chat ends.
    func sendQueuedLines() {
        guard mode == .script, conversation.phase == .ready else { return }
        while conversation.pending.isEmpty, exitStatus == nil, !queuedLines.isEmpty {
            submit(queuedLines.removeFirst())
        }
        if inputEnded, queuedLines.isEmpty, conversation.pending.isEmpty, exitStatus == nil { exitStatus = 0 }
    }

    private func submit(_ line: String) {
        guard let command = ChatCommand.parse(line) else { return }
        perform(conversation.submit(command, now: Date()))
    }
}

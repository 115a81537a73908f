import Foundation

extension TerminalChat {
    /// Shows outputs the way the mode wants them.
    func show(_ outputs: [Conversation.Output]) {
        guard !outputs.isEmpty else { return }
        if mode == .script {
            outputs.forEach(printForScript)
            return
        }
        let formatter = ReplyFormatter(style: settings.style, columns: RawTerminal.columns())
        let lines = outputs.flatMap(formatter.lines(for:))
        if let screen {
            screen.print(lines, editor: editor)
        } else {
            for line in lines { print(line) }
            fflush(nil)
        }
    }

    /// Script mode: replies and refusals as one JSON object per line on standard output; the
    /// chat's own notes on standard error, so standard output stays parseable.
    private func printForScript(_ output: Conversation.Output) {
        switch output {
        case .reply(let frame), .refused(let frame):
            print(Self.canonicalJSON(frame.raw))
            fflush(nil)
        case .welcome(_, let resumed, _):
            // The first welcome is silent, as before; a resumed chat is worth a note.
            guard resumed != nil else { return }
            printNoteForScript(output)
        case .note:
            printNoteForScript(output)
        }
    }

    private func printNoteForScript(_ output: Conversation.Output) {
        for line in ReplyFormatter(style: .plain, columns: 1000).lines(for: output) {
            printToStandardError("helpline chat: " + line.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The frame with sorted keys, as earlier versions printed it; unreadable text is wrapped.
    static func canonicalJSON(_ text: String) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? ["type": "unreadable", "text": text]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

import Glibc

/// Colour in the output: only on a terminal, and never when `NO_COLOR` is set (no-color.org).
package struct Style: Sendable {
    /// True when the helpers add escape sequences.
    package let usesColour: Bool

    package init(usesColour: Bool) { self.usesColour = usesColour }

    /// The style for standard output, decided once from the environment.
    package static let standard = Style(usesColour: allowsColour(
        outputIsTerminal: isatty(STDOUT_FILENO) == 1,
        noColour: getenv("NO_COLOR").map { String(cString: $0) }))

    /// Colour is allowed when the output is a terminal and `NO_COLOR` is unset or empty.
    package static func allowsColour(outputIsTerminal: Bool, noColour: String?) -> Bool {
        outputIsTerminal && (noColour ?? "").isEmpty
    }

    package func bold(_ text: String) -> String { wrap(text, "1") }
    package func red(_ text: String) -> String { wrap(text, "31") }
    package func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// One error or warning a user can cause, in exq's single shape:
///
///     candidates.csv:12:3: error: expected a date such as 2024-08-22 or 22/08/2024, found '31/02/2024'
///       0042,Smith,Ann,,31/02/2024
///                      ^~~~~~~~~~
///       did you mean ...?
///
/// `file` is a path or `exq` for typed input; `line` and `column` count from 1 (column in
/// characters). `sourceLine` and `length` draw the caret; `notes` are the indented lines after it.
/// A diagnostic about a workbook names the sheet and cell instead of the line and column
/// (`candidates.xlsx:Sheet1!B7: error: ...`), or only the file when the file as a whole is at fault.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var sourceLine: String?
    public var length: Int
    public var notes: [String]
    /// The sheet and cell of a workbook (`Sheet1!B7`) in place of `line` and `column`; "" for the
    /// whole file; nil for a text file.
    public var cell: String?

    public init(_ severity: Severity = .error, file: String, line: Int, column: Int, message: String,
                sourceLine: String? = nil, length: Int = 1, notes: [String] = [], cell: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
        self.length = length
        self.notes = notes
        self.cell = cell
    }

    /// The diagnostic as printed, without a trailing newline.
    public var description: String {
        let place = cell.map { $0.isEmpty ? file : file + ":" + $0 } ?? "\(file):\(line):\(column)"
        var out = "\(place): \(severity.rawValue): \(message)"
        if let sourceLine {
            out += "\n  " + sourceLine
            out += "\n  " + String(repeating: " ", count: max(0, column - 1)) + "^"
                + String(repeating: "~", count: max(0, length - 1))
        }
        for note in notes { out += "\n  " + note }
        return out
    }
}

/// Several diagnostics thrown together (a pack with errors in several files).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

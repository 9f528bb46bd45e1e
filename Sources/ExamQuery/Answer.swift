import ExamStore

/// A query's answer: named columns of equal length, ready for any output format.
package struct Answer: Sendable {
    package var names: [String]
    package var columns: [Vector]
    package var rowCount: Int
    package let pool: StringPool
    /// A line printed under the table (in table format only), such as average points.
    package var footer: String?

    package init(names: [String], columns: [Vector], rowCount: Int, pool: StringPool) {
        self.names = names
        self.columns = columns.map { $0.expanded(count: rowCount) }
        self.rowCount = rowCount
        self.pool = pool
    }

    /// The cell's text, dates written in `dates` (`.iso` for files read by programs).
    package func cell(_ row: Int, _ column: Int, dates: DateStyle) -> String {
        columns[column].display(at: row, pool: pool, dates: dates)
    }
    package func value(_ row: Int, _ column: Int) -> Value { columns[column].value(at: row, pool: pool) }

    /// Whether a column holds numbers (right-aligned in tables, unquoted in JSON).
    package func isNumeric(_ column: Int) -> Bool {
        if case .number = columns[column] { return true }
        return false
    }
}

/// What running a pipeline gives: a table (perhaps to be saved), or text such as a chart.
package enum QueryOutput: Sendable {
    case table(Answer, saveTo: String?)
    case text(String)
}

import ExamStore

/// One value: a literal, a parameter, or the single value of a result.
package enum Value: Sendable, Equatable {
    case blank
    case bool(Bool)
    case number(Double)
    case text(String)
    case date(Day)

    package var typeName: String {
        switch self {
        case .blank: return "blank"
        case .bool: return "yes/no"
        case .number: return "number"
        case .text: return "text"
        case .date: return "date"
        }
    }

    /// As shown in tables (`dates` as the session says) and CSV (`.iso`): booleans yes/no,
    /// whole numbers without a point.
    package func display(_ dates: DateStyle) -> String {
        switch self {
        case .blank: return ""
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return Value.format(n)
        case .text(let s): return s
        case .date(let d): return d.text(dates)
        }
    }

    /// A number exactly, for files and programs (csv, json): whole numbers without a point,
    /// others to the last digit a Double holds (66.66666666666667), never rounded.
    package static func exact(_ n: Double) -> String {
        if n.isNaN { return "" }
        if n == n.rounded() && abs(n) < 1e15 { return String(Int(n)) }
        return "\(n)"
    }

    /// A number for people: whole numbers without a point, others to two decimals.
    package static func format(_ n: Double) -> String {
        if n.isNaN { return "" }
        if n == n.rounded() && abs(n) < 1e15 { return String(Int(n)) }
        let r = (n * 100).rounded() / 100
        return String(r)
    }

    /// Reads a value as a user typed it after `set name =` or `--set name=`: a date, a number, yes/no, else text.
    package static func parse(_ s: String) -> Value {
        var t = s
        if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f { t = String(t.dropFirst().dropLast()); return .text(t) }
        if let d = Day(parsing: t) { return .date(d) }
        if let n = Double(t), t.first?.isNumber == true || t.first == "-" { return .number(n) }
        switch t.lowercased() {
        case "true", "yes": return .bool(true)
        case "false", "no": return .bool(false)
        default: return .text(t)
        }
    }
}

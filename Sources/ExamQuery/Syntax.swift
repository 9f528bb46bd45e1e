import ExamStore

/// A span of source characters, for carets under what went wrong.
package struct Span: Sendable, Equatable {
    package var offset: Int
    package var length: Int
    package init(_ offset: Int, _ length: Int) { self.offset = offset; self.length = length }
    package static func covering(_ a: Span, _ b: Span) -> Span { Span(a.offset, b.offset + b.length - a.offset) }
}

/// A pipeline: `SOURCE | STAGE | STAGE ...`.
package struct Pipeline: Sendable {
    package var source: String
    package var sourceSpan: Span
    package var stages: [Stage]
}

package enum SortOrder: Sendable { case ascending, descending }

/// One step of a pipeline.
package enum Stage: Sendable {
    case `where`(Expr, Span)
    case sort([(Expr, SortOrder)], Span)
    case show([(Expr, String)], Span)
    /// `first 10`, or `first $n`: a number literal or a parameter.
    case first(Expr, Span)
    case count(Span)
    case countBy([Expr], Span)
    case distinct([Expr], Span)
    case save(String, Span)
    /// `grades [by KEY, ...]`.
    case grades([Expr], Span)
    case chart(Expr?, Span)
    /// `summarise AGG [as NAME], ... [by KEY, ...]`: one row per group (one row in all without `by`).
    case summarise([Aggregate], by: [Expr], Span)

    package var span: Span {
        switch self {
        case .where(_, let s), .sort(_, let s), .show(_, let s), .first(_, let s), .count(let s),
             .countBy(_, let s), .distinct(_, let s), .save(_, let s), .grades(_, let s), .chart(_, let s), .summarise(_, _, let s): return s
        }
    }
}

/// One measure of `summarise`, over the rows of a group.
package struct Aggregate: Sendable {
    package enum Kind: Sendable {
        /// How many rows.
        case count
        /// How many different values, blanks not counted.
        case countDistinct(Expr)
        /// The total of a number field's values, blanks not counted (0 when there are none).
        case sum(Expr)
        /// The mean of a number field's values, blanks not counted (blank when there are none).
        case avg(Expr)
        /// The least / greatest value (a grade on its scale: `max(grade)` is the best); blank when none.
        case min(Expr), max(Expr)
        /// The percentage of the group's rows for which the condition holds (blank for no rows).
        case share(Expr)
    }
    package var kind: Kind
    /// The column's name: `as NAME`, else the aggregate as written (`avg(points)`).
    package var name: String
    package var span: Span
}

/// A date range usable with `in`: `this week`, `next week`, `last week`, `last 7 days`, `next 14 days`.
package enum DateRange: Sendable, Equatable {
    case thisWeek, nextWeek, lastWeek
    case lastDays(Int), nextDays(Int)

    /// The first and last day of the range around `today` (weeks run Monday to Sunday;
    /// `last 7 days` is the 7 days ending today, `next 7 days` the 7 days starting today).
    package func bounds(today: Day) -> (Day, Day) {
        switch self {
        case .thisWeek: return (today.monday, today.monday.adding(days: 6))
        case .nextWeek: return (today.monday.adding(days: 7), today.monday.adding(days: 13))
        case .lastWeek: return (today.monday.adding(days: -7), today.monday.adding(days: -1))
        case .lastDays(let n): return (today.adding(days: -(n - 1)), today)
        case .nextDays(let n): return (today, today.adding(days: n - 1))
        }
    }
}

/// An expression. Every node keeps its span for diagnostics.
package indirect enum Expr: Sendable {
    case field(String, Span)
    case literal(Value, Span)
    case param(String, Span)
    case today(Span)
    case not(Expr, Span)
    case negate(Expr, Span)
    case binary(String, Expr, Expr, Span)       // = != < <= > >= + - * / and or
    case inList(Expr, [Expr], negated: Bool, Span)
    case inRange(Expr, DateRange, negated: Bool, Span)
    case contains(Expr, Expr, Span)
    case startsWith(Expr, Expr, Span)
    case isBlank(Expr, negated: Bool, Span)

    package var span: Span {
        switch self {
        case .field(_, let s), .literal(_, let s), .param(_, let s), .today(let s), .not(_, let s), .negate(_, let s),
             .binary(_, _, _, let s), .inList(_, _, _, let s), .inRange(_, _, _, let s), .contains(_, _, let s),
             .startsWith(_, _, let s), .isBlank(_, _, let s): return s
        }
    }

    /// The column name a `show` gives this expression when no `as` names it.
    package var defaultName: String {
        switch self {
        case .field(let n, _): return n
        case .today: return "today"
        case .param(let n, _): return n
        default: return "value"
        }
    }
}

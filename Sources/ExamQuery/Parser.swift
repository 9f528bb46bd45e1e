import ExamStore

/// Parses one pipeline. Every error says where, what was expected, and a suggestion where one exists.
package struct Parser {
    let tokens: [Token]
    let source: SourceText
    var position = 0
    /// How deep the brackets, `not`s and minus signs being parsed are nested.
    var nesting = 0
    /// How many operators (`and`, `or`, comparisons, arithmetic) the statement has so far.
    var operators = 0

    /// The deepest nesting of brackets, `not` and `-` a statement may have. The parser and the
    /// evaluator recurse once per level, so a limit keeps a pasted or generated statement from
    /// exhausting the stack; no question an exams officer asks comes near it.
    package static let maximumNesting = 100
    /// The most operators one statement may have (each adds a level to the expression tree).
    package static let maximumOperators = 500
    /// The most columns one `show`, `sort`, `count by` or `distinct` may name: every column is
    /// a whole column of the answer in memory, so a runaway list cannot take the machine's memory.
    package static let maximumColumns = 100

    /// Fails when a list of `what` already has `count` items and another is coming.
    func checkColumns(_ count: Int, _ what: String) throws(Diagnostic) {
        guard count < Parser.maximumColumns else {
            throw error("more than \(Parser.maximumColumns) columns in one '\(what)'", notes: ["an answer this wide cannot be read; pick the columns you need"])
        }
    }

    package static let stageNames = ["where", "sort", "show", "first", "count", "distinct", "summarise", "save", "grades", "chart"]
    /// The measures `summarise` knows.
    package static let aggregateNames = ["count", "count distinct", "sum", "avg", "min", "max", "share"]
    static let reserved: Set<String> = ["and", "or", "not", "in", "contains", "starts", "with", "is", "blank",
                                        "as", "by", "desc", "asc", "true", "false", "today", "this", "next", "last"]

    package init(_ source: SourceText) throws(Diagnostic) {
        self.source = source
        do {
            self.tokens = try Lexer(source.text).tokens()
        } catch {
            // The lexer knows only the text: place its error in the statement's file and line.
            var d = error
            d.file = source.file
            d.line += source.firstLine - 1
            throw d
        }
    }

    package static func parse(_ text: String, file: String = "exq", firstLine: Int = 1) throws(Diagnostic) -> Pipeline {
        var p = try Parser(SourceText(text, file: file, firstLine: firstLine))
        return try p.pipeline()
    }

    var current: Token { tokens[position] }

    mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func isWord(_ w: String) -> Bool { current.kind == .word && current.text.lowercased() == w }
    func isSymbol(_ s: String) -> Bool { current.kind == .symbol && current.text == s }

    func error(_ message: String, at token: Token? = nil, notes: [String] = []) -> Diagnostic {
        let t = token ?? current
        return source.diagnostic(at: t.offset, length: t.length, message, notes: notes)
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: return "the end of the line"
        case .string: return "\"\(t.text)\""
        default: return "'\(t.text)'"
        }
    }

    mutating func expectWord(_ w: String, _ context: String) throws(Diagnostic) {
        guard isWord(w) else { throw error("expected '\(w)' \(context), found \(describe(current))") }
        _ = advance()
    }

    package mutating func pipeline() throws(Diagnostic) -> Pipeline {
        guard current.kind == .word else {
            throw error("expected a collection such as entries or candidates, found \(describe(current))",
                        notes: ["collections: " + Collection.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        let src = advance()
        var stages: [Stage] = []
        while !(current.kind == .end) {
            guard isSymbol("|") else {
                throw error("expected '|' before the next stage, found \(describe(current))",
                            notes: ["a pipeline reads: entries | where at_risk | sort surname"])
            }
            _ = advance()
            stages.append(try stage())
        }
        return Pipeline(source: src.text, sourceSpan: Span(src.offset, src.length), stages: stages)
    }

    mutating func stage() throws(Diagnostic) -> Stage {
        let t = current
        guard t.kind == .word else {
            throw error("expected a stage after '|', found \(describe(t))", notes: ["stages: " + Parser.stageNames.joined(separator: ", ")])
        }
        let start = t.offset
        func span(_ p: Parser) -> Span { Span(start, max(1, p.tokens[max(0, p.position - 1)].offset + p.tokens[max(0, p.position - 1)].length - start)) }
        switch t.text.lowercased() {
        case "where":
            _ = advance()
            let e = try expression()
            return .where(e, span(self))
        case "sort":
            _ = advance()
            var keys: [(Expr, SortOrder)] = []
            repeat {
                if !keys.isEmpty { _ = advance(); try checkColumns(keys.count, "sort") }
                let e = try expression()
                var order = SortOrder.ascending
                if isWord("desc") { _ = advance(); order = .descending } else if isWord("asc") { _ = advance() }
                keys.append((e, order))
            } while isSymbol(",")
            return .sort(keys, span(self))
        case "show":
            _ = advance()
            var items: [(Expr, String)] = []
            repeat {
                if !items.isEmpty { _ = advance(); try checkColumns(items.count, "show") }
                let e = try expression()
                var name = e.defaultName
                if isWord("as") {
                    _ = advance()
                    guard current.kind == .word || current.kind == .string else { throw error("expected a column name after 'as', found \(describe(current))") }
                    name = advance().text
                }
                items.append((e, name))
            } while isSymbol(",")
            return .show(items, span(self))
        case "first":
            _ = advance()
            if current.kind == .param {
                let t = advance()
                return .first(.param(t.text, Span(t.offset, t.length)), span(self))
            }
            guard current.kind == .number, let n = Int(current.text), n >= 0 else {
                throw error("expected how many rows after 'first', such as first 10 or first $n, found \(describe(current))")
            }
            let t = advance()
            return .first(.literal(.number(Double(n)), Span(t.offset, t.length)), span(self))
        case "count":
            _ = advance()
            if isWord("by") {
                _ = advance()
                var keys: [Expr] = []
                repeat {
                    if !keys.isEmpty { _ = advance(); try checkColumns(keys.count, "count by") }
                    keys.append(try expression())
                } while isSymbol(",")
                return .countBy(keys, span(self))
            }
            return .count(span(self))
        case "distinct":
            _ = advance()
            var keys: [Expr] = []
            repeat {
                if !keys.isEmpty { _ = advance(); try checkColumns(keys.count, "distinct") }
                keys.append(try expression())
            } while isSymbol(",")
            return .distinct(keys, span(self))
        case "summarise", "summarize":
            _ = advance()
            var aggregates: [Aggregate] = []
            repeat {
                if !aggregates.isEmpty { _ = advance(); try checkColumns(aggregates.count, "summarise") }
                aggregates.append(try aggregate())
            } while isSymbol(",")
            var keys: [Expr] = []
            if isWord("by") {
                _ = advance()
                repeat {
                    if !keys.isEmpty { _ = advance(); try checkColumns(keys.count, "summarise by") }
                    keys.append(try expression())
                } while isSymbol(",")
            }
            guard current.kind == .end || isSymbol("|") else {
                throw error("expected ',', 'by' or '|' after a measure, found \(describe(current))",
                            notes: ["such as: summarise count, avg(points) by qualification"])
            }
            return .summarise(aggregates, by: keys, span(self))
        case "save":
            _ = advance()
            // The lexer gives the rest of the line as the file name (paths hold / . - freely).
            guard current.kind == .string else { throw error("expected a file name after 'save', such as save at_risk.csv") }
            let name = advance()
            return .save(name.text, Span(start, name.offset + name.length - start))
        case "grades":
            _ = advance()
            var keys: [Expr] = []
            if isWord("by") {
                _ = advance()
                repeat {
                    if !keys.isEmpty { _ = advance(); try checkColumns(keys.count, "grades by") }
                    keys.append(try expression())
                } while isSymbol(",")
            }
            return .grades(keys, span(self))
        case "chart":
            _ = advance()
            if current.kind == .end || isSymbol("|") { return .chart(nil, span(self)) }
            let e = try expression()
            return .chart(e, span(self))
        default:
            throw error("unknown stage '\(t.text)'", at: t, notes: [Suggestions.note(for: t.text, in: Parser.stageNames)
                ?? "stages: " + Parser.stageNames.joined(separator: ", ")])
        }
    }

    /// One measure of `summarise`: `count`, `count distinct FIELD`, `sum(FIELD)`, `avg(FIELD)`,
    /// `min(FIELD)`, `max(FIELD)` or `share(CONDITION)`, then `as NAME` where given.
    mutating func aggregate() throws(Diagnostic) -> Aggregate {
        let t = current
        let hint = ["measures: count, count distinct FIELD, sum(FIELD), avg(FIELD), min(FIELD), max(FIELD), share(CONDITION)"]
        guard t.kind == .word else { throw error("expected a measure after 'summarise', found \(describe(t))", notes: hint) }
        let word = t.text.lowercased()
        _ = advance()
        let kind: Aggregate.Kind
        switch word {
        case "count":
            if isWord("distinct") {
                _ = advance()
                kind = .countDistinct(try additive())
            } else {
                kind = .count
            }
        case "sum", "avg", "average", "mean", "min", "max", "share":
            guard isSymbol("(") else {
                throw error("expected '(' after '\(t.text)', found \(describe(current))", notes: ["such as: \(word)(\(word == "share" ? "grade >= 4" : "mark"))"])
            }
            let open = advance()
            let e = try expression()
            guard isSymbol(")") else { throw error("expected ')' to close the bracket opened at column \(open.offset + 1), found \(describe(current))") }
            _ = advance()
            switch word {
            case "sum": kind = .sum(e)
            case "min": kind = .min(e)
            case "max": kind = .max(e)
            case "share": kind = .share(e)
            default: kind = .avg(e)
            }
        default:
            throw error("unknown measure '\(t.text)'", at: t, notes: [Suggestions.note(for: t.text, in: ["count", "sum", "avg", "min", "max", "share"]) ?? hint[0]])
        }
        let end = tokens[max(0, position - 1)]
        let span = Span(t.offset, end.offset + end.length - t.offset)
        let chars = Array(source.text)
        var name = String(chars[min(span.offset, chars.count)..<min(span.offset + span.length, chars.count)])
        if isWord("as") {
            _ = advance()
            guard current.kind == .word || current.kind == .string else { throw error("expected a column name after 'as', found \(describe(current))") }
            name = advance().text
        }
        return Aggregate(kind: kind, name: name, span: span)
    }

    // MARK: Expressions

    package mutating func expression() throws(Diagnostic) -> Expr { try orExpr() }

    /// Counts one more operator at `token`, failing past `maximumOperators`.
    mutating func countOperator(_ token: Token) throws(Diagnostic) {
        operators += 1
        guard operators <= Parser.maximumOperators else {
            throw error("this statement has more than \(Store.grouped(Parser.maximumOperators)) operators", at: token,
                        notes: ["split the condition over several '| where' stages, or use 'in (a, b, ...)' for a list of values"])
        }
    }

    /// Enters one more level of brackets, `not` or `-` at `token`, failing past `maximumNesting`.
    mutating func enterNesting(_ token: Token) throws(Diagnostic) {
        nesting += 1
        guard nesting <= Parser.maximumNesting else {
            throw error("brackets, 'not' and '-' are nested more than \(Parser.maximumNesting) deep here", at: token,
                        notes: ["write the condition with fewer levels of brackets"])
        }
    }

    mutating func orExpr() throws(Diagnostic) -> Expr {
        var lhs = try andExpr()
        while isWord("or") {
            try countOperator(current)
            _ = advance()
            let rhs = try andExpr()
            lhs = .binary("or", lhs, rhs, .covering(lhs.span, rhs.span))
        }
        return lhs
    }

    mutating func andExpr() throws(Diagnostic) -> Expr {
        var lhs = try notExpr()
        while isWord("and") {
            try countOperator(current)
            _ = advance()
            let rhs = try notExpr()
            lhs = .binary("and", lhs, rhs, .covering(lhs.span, rhs.span))
        }
        return lhs
    }

    mutating func notExpr() throws(Diagnostic) -> Expr {
        if isWord("not") {
            try enterNesting(current)
            defer { nesting -= 1 }
            let t = advance()
            let e = try notExpr()
            return .not(e, .covering(Span(t.offset, t.length), e.span))
        }
        return try comparison()
    }

    mutating func comparison() throws(Diagnostic) -> Expr {
        let lhs = try additive()
        if current.kind == .symbol, ["=", "!=", "<", "<=", ">", ">="].contains(current.text) {
            try countOperator(current)
            let op = advance().text
            let rhs = try additive()
            return .binary(op, lhs, rhs, .covering(lhs.span, rhs.span))
        }
        var negated = false
        if isWord("not"), position + 1 < tokens.count, tokens[position + 1].kind == .word, tokens[position + 1].text.lowercased() == "in" {
            _ = advance()
            negated = true
        }
        if isWord("in") {
            _ = advance()
            if isSymbol("(") {
                _ = advance()
                var items: [Expr] = []
                while !isSymbol(")") {
                    if !items.isEmpty {
                        guard isSymbol(",") else { throw error("expected ',' or ')' in the list, found \(describe(current))") }
                        _ = advance()
                    }
                    guard items.count < Parser.maximumListValues else {
                        throw error("a list in brackets may hold at most \(Parser.maximumListValues) values", notes: ["split the question, or load the values as a pack file"])
                    }
                    items.append(try additive())
                }
                let close = advance()
                return .inList(lhs, items, negated: negated, .covering(lhs.span, Span(close.offset, close.length)))
            }
            let t = current
            let range = try dateRange()
            return .inRange(lhs, range, negated: negated, .covering(lhs.span, Span(t.offset, tokens[position - 1].offset + tokens[position - 1].length - t.offset)))
        }
        if isWord("contains") {
            _ = advance()
            let rhs = try additive()
            return .contains(lhs, rhs, .covering(lhs.span, rhs.span))
        }
        if isWord("starts") {
            _ = advance()
            try expectWord("with", "after 'starts'")
            let rhs = try additive()
            return .startsWith(lhs, rhs, .covering(lhs.span, rhs.span))
        }
        if isWord("is") {
            _ = advance()
            var neg = false
            if isWord("not") { _ = advance(); neg = true }
            let t = current
            try expectWord("blank", "after 'is'" + (neg ? " not" : ""))
            return .isBlank(lhs, negated: neg, .covering(lhs.span, Span(t.offset, t.length)))
        }
        return lhs
    }

    /// The most values `in (...)` may list.
    static let maximumListValues = 100_000

    /// The most days `in next N days` and `in last N days` count: a hundred years.
    static let maximumDays = 36_500

    mutating func dateRange() throws(Diagnostic) -> DateRange {
        let hint = ["date ranges: this week, next week, last week, last 7 days, next 14 days, or a list such as (\"1\", \"2\")"]
        if isWord("this") {
            _ = advance()
            try expectWord("week", "after 'this'")
            return .thisWeek
        }
        if isWord("next") || isWord("last") {
            let next = advance().text.lowercased() == "next"
            if isWord("week") { _ = advance(); return next ? .nextWeek : .lastWeek }
            guard current.kind == .number, let n = Int(current.text), n > 0 else {
                throw error("expected 'week' or a number of days after '\(next ? "next" : "last")', found \(describe(current))", notes: hint)
            }
            guard n <= Parser.maximumDays else {
                throw error("\(current.text) days is more than exq counts in a range (up to \(Parser.maximumDays), a hundred years)", notes: hint)
            }
            _ = advance()
            guard isWord("days") || isWord("day") else { throw error("expected 'days' after the number, found \(describe(current))", notes: hint) }
            _ = advance()
            return next ? .nextDays(n) : .lastDays(n)
        }
        throw error("expected a list in brackets or a date range after 'in', found \(describe(current))", notes: hint)
    }

    mutating func additive() throws(Diagnostic) -> Expr {
        var lhs = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            try countOperator(current)
            let op = advance().text
            let rhs = try multiplicative()
            lhs = .binary(op, lhs, rhs, .covering(lhs.span, rhs.span))
        }
        return lhs
    }

    mutating func multiplicative() throws(Diagnostic) -> Expr {
        var lhs = try unary()
        while isSymbol("*") || isSymbol("/") {
            try countOperator(current)
            let op = advance().text
            let rhs = try unary()
            lhs = .binary(op, lhs, rhs, .covering(lhs.span, rhs.span))
        }
        return lhs
    }

    mutating func unary() throws(Diagnostic) -> Expr {
        if isSymbol("-") {
            try enterNesting(current)
            defer { nesting -= 1 }
            let t = advance()
            let e = try unary()
            return .negate(e, .covering(Span(t.offset, t.length), e.span))
        }
        return try primary()
    }

    mutating func primary() throws(Diagnostic) -> Expr {
        let t = current
        let span = Span(t.offset, t.length)
        switch t.kind {
        case .number:
            _ = advance()
            // Codes with leading zeros (05839, 0042) stay text so they match as written.
            if t.text.count > 1 && t.text.hasPrefix("0") && !t.text.hasPrefix("0.") { return .literal(.text(t.text), span) }
            return .literal(.number(Double(t.text) ?? 0), span)
        case .string:
            _ = advance()
            return .literal(.text(t.text), span)
        case .date:
            _ = advance()
            return .literal(.date(Day(parsing: t.text)!), span)
        case .param:
            _ = advance()
            return .param(t.text, span)
        case .symbol where t.text == "(":
            try enterNesting(t)
            defer { nesting -= 1 }
            _ = advance()
            let e = try expression()
            guard isSymbol(")") else { throw error("expected ')' to close the bracket opened at column \(t.offset + 1), found \(describe(current))") }
            _ = advance()
            return e
        case .word:
            let w = t.text.lowercased()
            switch w {
            case "true", "yes": _ = advance(); return .literal(.bool(true), span)
            case "false", "no": _ = advance(); return .literal(.bool(false), span)
            case "today": _ = advance(); return .today(span)
            case "blank": _ = advance(); return .literal(.blank, span)
            default:
                if Parser.reserved.contains(w) {
                    throw error("expected a field or a value, found the keyword '\(t.text)'")
                }
                _ = advance()
                return .field(t.text, span)
            }
        default:
            throw error("expected a field or a value, found \(describe(t))")
        }
    }
}

extension StringProtocol {
    /// The text without spaces, tabs and line ends at either end (no Foundation needed).
    package func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

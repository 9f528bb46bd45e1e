import ExamStore

/// Expressions, evaluated over a whole frame at once.
extension Evaluator {
    func evaluate(_ expr: Expr, _ frame: Frame) throws(Diagnostic) -> Vector {
        switch expr {
        case .field(let name, let span):
            return try field(name, span, frame)
        case .literal(let v, _):
            return .scalar(v)
        case .param(let name, let span):
            guard let v = params[name] else {
                throw error(span, "parameter '$\(name)' is not set", notes: [Suggestions.note(for: name, in: params.keys.sorted())
                    ?? "set it with: set \(name) = value (or --set \(name)=value)"])
            }
            return .scalar(v)
        case .today:
            return .scalar(.date(today))
        case .not(let e, let span):
            guard case .bool(let a) = try evaluate(e, frame).expanded(count: frame.count) else {
                throw error(span, "'not' needs a yes/no value")
            }
            return .bool(a.map { !$0 })
        case .negate(let e, let span):
            switch try evaluate(e, frame) {
            case .number(let a): return .number(a.map { -$0 })
            case .scalar(.number(let n)): return .scalar(.number(-n))
            default: throw error(span, "'-' needs a number")
            }
        case .binary("and", let l, let r, _) where frame.collection != nil && comparesGrades(r, frame):
            // The grades compared are those of the rows the left side keeps, so that
            // `qualification = "J560" and grade >= "B"` says B is not a GCSE grade.
            guard case .bool(let a) = try evaluate(l, frame).expanded(count: frame.count) else {
                throw error(l.span, "'and' needs yes/no values on both sides")
            }
            let kept = (0..<a.count).filter { a[$0] }
            guard case .bool(let b) = try evaluate(r, select(frame, kept)).expanded(count: kept.count) else {
                throw error(r.span, "'and' needs yes/no values on both sides")
            }
            var out = [Bool](repeating: false, count: a.count)
            for (i, row) in kept.enumerated() where b[i] { out[row] = true }
            return .bool(out)
        case .binary(let op, let l, let r, _) where ["<", "<=", ">", ">="].contains(op):
            // A grade against a value: on each row's scale, reading no more than the grades' pairs.
            if let graded = try gradeComparison(op, l, r, frame) { return .bool(graded) }
            return .bool(compare(op, try evaluate(l, frame), try evaluate(r, frame), frame.count))
        case .binary(let op, let l, let r, let span):
            let lv = try evaluate(l, frame), rv = try evaluate(r, frame)
            switch op {
            case "and", "or":
                guard case .bool(let a) = lv.expanded(count: frame.count) else { throw error(l.span, "'\(op)' needs yes/no values on both sides, this is \(article(lv.typeName))") }
                guard case .bool(let b) = rv.expanded(count: frame.count) else { throw error(r.span, "'\(op)' needs yes/no values on both sides, this is \(article(rv.typeName))") }
                var out = a
                if op == "and" { for i in 0..<out.count { out[i] = a[i] && b[i] } } else { for i in 0..<out.count { out[i] = a[i] || b[i] } }
                return .bool(out)
            case "+", "-", "*", "/":
                return try arithmetic(op, lv, rv, span, frame.count)
            default:
                return .bool(compare(op, lv, rv, frame.count))
            }
        case .inList(let e, let items, let negated, _):
            let v = try evaluate(e, frame)
            // A text field against a list of texts: one pass with a set, however long the list.
            if case .text(let ids) = v {
                var wanted = Set<Int32>(), allText = true
                for item in items {
                    guard case .literal(.text(let s), _) = item else { allText = false; break }
                    if let id = store.pool.lookup(s) { wanted.insert(id) }
                }
                if allText { return .bool(ids.map { wanted.contains($0) != negated }) }
            }
            var out = [Bool](repeating: false, count: frame.count)
            for item in items {
                let hit = compare("=", v, try evaluate(item, frame), frame.count)
                for i in 0..<out.count where hit[i] { out[i] = true }
            }
            return .bool(negated ? out.map { !$0 } : out)
        case .inRange(let e, let range, let negated, let span):
            guard case .date(let days) = try evaluate(e, frame).expanded(count: frame.count) else {
                throw error(span, "'in \(rangeName(range))' needs a date on its left", notes: ["such as: where deadline in this week"])
            }
            let (lo, hi) = range.bounds(today: today)
            return .bool(days.map { d in !d.isBlank && (d >= lo && d <= hi) != negated })
        case .contains(let l, let r, _), .startsWith(let l, let r, _):
            let a = strings(try evaluate(l, frame), frame.count)
            let b = strings(try evaluate(r, frame), frame.count)
            var isContains = false
            if case .contains = expr { isContains = true }
            return .bool((0..<frame.count).map { i in
                let x = a[i].lowercased(), y = b[i].lowercased()
                return isContains ? x.contains(y) : x.hasPrefix(y)
            })
        case .isBlank(let e, let negated, _):
            let v = try evaluate(e, frame).expanded(count: frame.count)
            let blank: [Bool]
            switch v {
            case .bool(let a): blank = a.map { _ in false }
            case .number(let a): blank = a.map(\.isNaN)
            case .text(let a): blank = a.map { $0 == 0 }
            case .string(let a): blank = a.map(\.isEmpty)
            case .date(let a): blank = a.map(\.isBlank)
            case .scalar: blank = []
            }
            return .bool(negated ? blank.map { !$0 } : blank)
        }
    }

    /// The first and last days exq can write (years 1 to 9999).
    static let earliestDay = Day(year: 1, month: 1, day: 1)!, latestDay = Day(year: 9999, month: 12, day: 31)!

    /// A date moved by a number of days (whole days; a fraction is dropped), or an error when
    /// that leaves years 1 to 9999 (`today + 2147483647`).
    func shifted(_ day: Day, _ days: Double, _ span: Span) throws(Diagnostic) -> Day {
        let limit = Double(Evaluator.latestDay.number - Evaluator.earliestDay.number)
        guard days.magnitude <= limit else {
            throw error(span, "a date moved by \(Value.format(days)) days is outside the years 1 to 9999",
                        notes: ["a date plus or minus a number of days must stay a date between 0001-01-01 and 9999-12-31"])
        }
        let moved = Int(day.number) + Int(days)
        guard moved >= Int(Evaluator.earliestDay.number), moved <= Int(Evaluator.latestDay.number) else {
            throw error(span, "a date moved by \(Value.format(days)) days is outside the years 1 to 9999",
                        notes: ["a date plus or minus a number of days must stay a date between 0001-01-01 and 9999-12-31"])
        }
        return day.adding(days: Int(days))
    }

    func rangeName(_ r: DateRange) -> String {
        switch r {
        case .thisWeek: return "this week"
        case .nextWeek: return "next week"
        case .lastWeek: return "last week"
        case .lastDays(let n): return "last \(n) days"
        case .nextDays(let n): return "next \(n) days"
        }
    }

    func strings(_ v: Vector, _ count: Int) -> [String] {
        switch v.expanded(count: count) {
        case .text(let a): return a.map { store.pool[$0] }
        case .string(let a): return a
        case let other: return (0..<count).map { other.display(at: $0, pool: store.pool, dates: .iso) }
        }
    }

    /// Reads a field, following dotted links (`candidate.group`) through related records.
    func field(_ name: String, _ span: Span, _ frame: Frame) throws(Diagnostic) -> Vector {
        guard var collection = frame.collection else {
            if let i = frame.names.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return frame.columns[i] }
            throw error(span, "unknown column '\(name)'", notes: [Suggestions.note(for: name, in: frame.names)
                ?? "columns here: " + frame.names.joined(separator: ", ")])
        }
        let parts = name.split(separator: ".").map(String.init)
        var rows = frame.rows
        var path = ""
        for (i, part) in parts.enumerated() {
            guard let f = collection.field(named: part) else {
                let names = collection.fields.map(\.name)
                let where_ = i == 0 ? "\(collection.rawValue)" : "\(path) (a record of \(collection.rawValue))"
                throw error(span, "unknown field '\(part)' of \(where_)", notes: [Suggestions.note(for: part, in: names)
                    ?? "fields: " + names.joined(separator: ", ") + " (describe \(collection.rawValue) says what each means)"])
            }
            if i == parts.count - 1 { return f.read(self, rows) }
            guard let (target, follow) = f.link else {
                throw error(span, "'\(part)' is not a related record, so '.\(parts[i + 1])' cannot follow it",
                            notes: ["related records: " + collection.fields.filter { $0.link != nil }.map(\.name).joined(separator: ", ")])
            }
            rows = follow(store, rows)
            collection = target
            path += (path.isEmpty ? "" : ".") + part
        }
        throw error(span, "expected a field name")
    }

    /// `=`, `!=`, `<` ... over whole columns. Text ids compare as integers for (in)equality with
    /// a literal; other mixes fall back to comparing values.
    func compare(_ op: String, _ l: Vector, _ r: Vector, _ count: Int) -> [Bool] {
        switch (l, r) {
        case (.text(let ids), .scalar(.text(let s))) where op == "=" || op == "!=":
            let id = store.pool.lookup(s) ?? -1
            return op == "=" ? ids.map { $0 == id } : ids.map { $0 != id }
        case (.text(let ids), .scalar(.blank)) where op == "=" || op == "!=":
            return op == "=" ? ids.map { $0 == 0 } : ids.map { $0 != 0 }
        case (.number(let a), .scalar(.number(let x))):
            return a.map { Evaluator.holds(op, $0.isNaN ? nil : ($0 < x ? -1 : ($0 > x ? 1 : 0))) }
        case (.date(let a), .scalar(.date(let d))):
            return a.map { Evaluator.holds(op, $0.isBlank ? nil : ($0 < d ? -1 : ($0 > d ? 1 : 0))) }
        case (.bool(let a), .scalar(.bool(let b))):
            return a.map { Evaluator.holds(op, $0 == b ? 0 : ($0 ? 1 : -1)) }
        case (.scalar, .scalar):
            let c = Evaluator.order(l.value(at: 0, pool: store.pool), r.value(at: 0, pool: store.pool))
            return [Bool](repeating: Evaluator.holds(op, c), count: count)
        case (.scalar, _):
            let flipped = ["<": ">", "<=": ">=", ">": "<", ">=": "<="][op] ?? op
            return compare(flipped, r, l, count)
        default:
            let pool = store.pool
            return (0..<count).map { Evaluator.holds(op, Evaluator.order(l.value(at: $0, pool: pool), r.value(at: $0, pool: pool))) }
        }
    }

    static func holds(_ op: String, _ c: Int?) -> Bool {
        guard let c else { return op == "!=" }
        switch op {
        case "=": return c == 0
        case "!=": return c != 0
        case "<": return c < 0
        case "<=": return c <= 0
        case ">": return c > 0
        default: return c >= 0
        }
    }

    /// -1, 0, 1, or nil when the two cannot be ordered (a blank against a value).
    static func order(_ a: Value, _ b: Value) -> Int? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch (a, b) {
        case (.blank, .blank): return 0
        case (.blank, _), (_, .blank): return nil
        case (.number(let x), .number(let y)): return sign(x, y)
        case (.date(let x), .date(let y)): return sign(x, y)
        case (.bool(let x), .bool(let y)): return sign(x ? 1 : 0, y ? 1 : 0)
        case (.text(let s), .date(let d)): return Day(parsing: s).map { sign($0, d) }
        case (.date(let d), .text(let s)): return Day(parsing: s).map { sign(d, $0) }
        default: return sign(a.display(.iso), b.display(.iso))
        }
    }

    func arithmetic(_ op: String, _ l: Vector, _ r: Vector, _ span: Span, _ count: Int) throws(Diagnostic) -> Vector {
        let pool = store.pool
        let scalar: Bool = { if case .scalar = l, case .scalar = r { return true }; return false }()
        let n = scalar ? 1 : count
        let lhs = l.expanded(count: n), rhs = r.expanded(count: n)
        func numbers(_ v: Vector) -> [Double]? {
            if case .number(let a) = v { return a }
            return nil
        }
        func days(_ v: Vector) -> [Day]? {
            if case .date(let a) = v { return a }
            return nil
        }
        var out: Vector
        if let a = numbers(lhs), let b = numbers(rhs) {
            out = .number((0..<n).map { i in
                switch op { case "+": return a[i] + b[i]; case "-": return a[i] - b[i]; case "*": return a[i] * b[i]
                default: return b[i] == 0 ? .nan : a[i] / b[i] }
            })
        } else if let a = days(lhs), let b = numbers(rhs), op == "+" || op == "-" {
            out = .date(try (0..<n).map { i throws(Diagnostic) in a[i].isBlank || b[i].isNaN ? .blank : try shifted(a[i], op == "+" ? b[i] : -b[i], span) })
        } else if let a = numbers(lhs), let b = days(rhs), op == "+" {
            out = .date(try (0..<n).map { i throws(Diagnostic) in b[i].isBlank || a[i].isNaN ? .blank : try shifted(b[i], a[i], span) })
        } else if let a = days(lhs), let b = days(rhs), op == "-" {
            out = .number((0..<n).map { i in a[i].isBlank || b[i].isBlank ? .nan : Double(a[i].number - b[i].number) })
        } else {
            throw error(span, "cannot use '\(op)' on \(article(l.typeName)) and \(article(r.typeName))",
                        notes: ["numbers add and subtract; a date plus or minus a number of days is a date; a date minus a date is a number of days"])
        }
        if scalar { out = .scalar(out.value(at: 0, pool: pool)) }
        return out
    }

    /// A comparison with a text value that no record has (`where service = "5"`) warns and lists
    /// the values that exist: most often it is a slip, and an empty answer would hide it.
    func warnAboutAbsentValues(_ expr: Expr, _ frame: Frame) throws(Diagnostic) {
        switch expr {
        case .binary("and", let l, let r, _), .binary("or", let l, let r, _):
            try warnAboutAbsentValues(l, frame)
            try warnAboutAbsentValues(r, frame)
        case .not(let e, _):
            try warnAboutAbsentValues(e, frame)
        case .binary(let op, .field(let name, let fspan), .literal(.text(let s), let lspan), _) where op == "=" || op == "!=":
            try warnAbsent(name, fspan, s, lspan, frame)
        case .inList(.field(let name, let fspan), let items, _, _):
            // The field's values once for the whole list (a pasted list may hold thousands).
            var whole = frame
            if let c = frame.collection { whole.rows = (0..<Int32(c.count(in: store))).map { $0 } }
            let present: Set<String>
            switch try field(name, fspan, whole) {
            case .text(let ids): present = Set(Set(ids).map { store.pool[$0] })
            case .string(let a): present = Set(a)
            default: return
            }
            for case .literal(.text(let s), let lspan) in items where !present.contains(s) {
                guard warnings.count < Evaluator.maximumWarnings else { break }
                try warnAbsent(name, fspan, s, lspan, frame)
            }
        default: break
        }
    }

    func warnAbsent(_ name: String, _ fspan: Span, _ s: String, _ lspan: Span, _ frame: Frame) throws(Diagnostic) {
        guard warnings.count < Evaluator.maximumWarnings else { return }
        var whole = frame
        if let c = frame.collection { whole.rows = (0..<Int32(c.count(in: store))).map { $0 } }
        let all = try field(name, fspan, whole)
        let values: [String]
        switch all {
        case .text(let ids):
            if let id = store.pool.lookup(s), ids.contains(id) { return }
            values = Set(ids).filter { $0 != 0 }.map { store.pool[$0] }
        case .string(let a):
            if a.contains(s) { return }
            values = Array(Set(a).filter { !$0.isEmpty })
        default: return
        }
        let sorted = values.sorted(by: Evaluator.textOrder)
        let shown = sorted.count > 12 ? sorted.prefix(12).joined(separator: ", ") + ", ... (\(sorted.count) in all)" : sorted.joined(separator: ", ")
        var notes = ["values of \(name): " + (shown.isEmpty ? "none" : shown)]
        if let close = Suggestions.closest(to: s, in: sorted) { notes.insert("did you mean \"\(close)\"?", at: 0) }
        warnings.append(source.diagnostic(.warning, at: lspan.offset, length: lspan.length, "no record has \(name) = \"\(s)\"", notes: notes))
    }
}

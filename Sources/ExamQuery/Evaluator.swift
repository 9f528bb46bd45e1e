import ExamStore
import ExamRules

/// Runs pipelines over the store, a stage at a time and a column at a time.
///
/// A frame is either rows of a collection (a selection vector of row indexes, read lazily
/// through the collection's fields) or, after `show`, `count by` or `distinct`, materialised
/// columns. One evaluator serves one statement: it caches the rules' derived columns
/// (eligibility, deadlines, missing results) for the clock and series it was made with.
package final class Evaluator {
    package let store: Store
    package let today: Day
    /// The current series (explicit or from the calendar); nil when there is none.
    package let series: String?
    package var params: [String: Value]
    package var named: [String: Pipeline]
    package let source: SourceText
    /// Warnings raised while running (a value no record has); the caller prints them.
    package internal(set) var warnings: [Diagnostic] = []
    /// What the role may see: `store` is its view; it marks the results whose reading is audited
    /// and the missing-result flags the role may not be told.
    package var visibility: Visibility?
    /// How text made for people (labels of `grades by`) writes dates: the session's `set dates`.
    package var dates: DateStyle = .uk
    /// Set when embargoed results reached an answer, for the audit log.
    package private(set) var readEmbargoed = false
    /// Set when the statement read results (or a flag made from them), for the note on those left out.
    package private(set) var readResults = false

    /// Names of queries being expanded, outermost first, to tell a loop from a long chain.
    var expanding: Set<String> = []
    /// How deep named queries may name each other.
    static let maximumNesting = 200

    /// The most warnings one statement gives (a long pasted list should not bury the answer).
    static let maximumWarnings = 5
    /// The rules' view of the clock and the current series.
    package lazy var ruleContext = RuleContext(store: store, today: today, series: series)
    /// Derived columns, computed once per statement and only when a query reads them.
    lazy var eligibility = EntryEligibility(store: store, context: ruleContext)
    lazy var deadlines: [Deadline?] = Deadlines.deadlines(store: store, context: ruleContext)
    lazy var reviewSeries: [Int32] = Deadlines.allSeries(store: store)
    lazy var refundable: [Bool] = ReviewOutcomes.refundable(store: store)
    lazy var missingResults: [Bool] = {
        readResults = true
        if visibility?.readsAudited() == true { readEmbargoed = true }
        var missing = MissingResults.missingAll(store: store, context: ruleContext)
        // Whether a withheld result has arrived is not told either.
        if let visibility {
            for e in missing.indices where missing[e]
                && visibility.withholds(qualification: store.entries.qualification[e], series: store.entries.completion[e]) {
                missing[e] = false
            }
        }
        return missing
    }()
    /// Per qualification row, the index in `GradeScale.all` of its scale, or -1 for none.
    lazy var qualificationScales: [Int8] = GradeScale.indexes(store: store)

    package init(store: Store, today: Day, series: String?, params: [String: Value] = [:],
                named: [String: Pipeline] = [:], source: SourceText) {
        self.store = store
        self.today = today
        self.series = series
        self.params = params
        self.named = named
        self.source = source
    }

    struct Frame {
        var collection: Collection?
        var rows: [Int32]
        var names: [String] = []
        var columns: [Vector] = []
        /// The (lower-case) names of columns that hold grades, so they sort and group on scales.
        var gradeColumns: Set<String> = []
        var count: Int { collection != nil ? rows.count : (columns.first.map { Evaluator.length($0) } ?? rows.count) }
    }

    static func length(_ v: Vector) -> Int {
        switch v {
        case .bool(let a): return a.count
        case .number(let a): return a.count
        case .text(let a): return a.count
        case .string(let a): return a.count
        case .date(let a): return a.count
        case .scalar: return 1
        }
    }

    /// How many rows `first` keeps: its number, or its parameter's value, a whole number of 0 or more.
    func rowCount(_ count: Expr, _ frame: Frame) throws(Diagnostic) -> Int {
        guard case .scalar(let value) = try evaluate(count, frame), case .number(let d) = value,
              d >= 0, d == d.rounded(), d <= Double(Int32.max) else {
            throw error(count.span, "first needs a whole number of rows (0 or more), and $\(count.defaultName) is not one",
                        notes: ["set it with: set \(count.defaultName) = 10"])
        }
        return Int(d)
    }

    func error(_ span: Span, _ message: String, notes: [String] = []) -> Diagnostic {
        source.diagnostic(at: span.offset, length: span.length, message, notes: notes)
    }

    // MARK: Pipelines

    package func run(_ pipeline: Pipeline) throws(Diagnostic) -> QueryOutput {
        var frame = try start(pipeline, depth: 0)
        var saveTo: String?
        for (i, stage) in pipeline.stages.enumerated() {
            try cancelled(stage.span)
            if saveTo != nil {
                throw error(stage.span, "'save' must be the last stage", notes: ["move '| save FILE' to the end of the pipeline"])
            }
            switch stage {
            case .save(let path, _): saveTo = path
            case .grades(let keys, let span):
                noteRead(frame)
                let seriesChosen = pipeline.stages[..<i].contains { stage in
                    if case .where(let e, _) = stage { return Evaluator.reads("series", e) }
                    return false
                }
                let table = try grades(frame, by: keys, seriesChosen: seriesChosen, span)
                if i == pipeline.stages.count - 1 { return .table(table, saveTo: nil) }
                frame = Frame(collection: nil, rows: [], names: table.names, columns: table.columns)
            case .chart(let expr, let span):
                guard i == pipeline.stages.count - 1 else { throw error(span, "'chart' must be the last stage") }
                noteRead(frame)
                return .text(try chart(frame, expr, span))
            default:
                frame = try apply(stage, to: frame)
            }
        }
        noteRead(frame)
        return .table(table(of: frame), saveTo: saveTo)
    }

    /// Notes whether embargoed results are in `frame` as it reaches an answer (the end, or a
    /// stage that sums it up): reading them is what the audit log records.
    func noteRead(_ frame: Frame) {
        guard !readEmbargoed, frame.collection == .results, let visibility else { return }
        readEmbargoed = visibility.readsAudited(frame.rows)
    }

    /// The fields of results that tell nothing of a grade: a condition on only these does not read
    /// the results it leaves out.
    static let gradeFreeFields: Set<String> = ["candidate", "centre", "name", "surname", "forenames", "group", "uci", "uln",
                                               "qualification", "title", "series"]

    /// Whether a condition reads the field `name`.
    static func reads(_ name: String, _ expr: Expr) -> Bool {
        switch expr {
        case .field(let n, _): return n.lowercased() == name
        case .literal, .param, .today: return false
        case .not(let e, _), .negate(let e, _), .inRange(let e, _, _, _), .isBlank(let e, _, _): return reads(name, e)
        case .binary(_, let l, let r, _), .contains(let l, let r, _), .startsWith(let l, let r, _): return reads(name, l) || reads(name, r)
        case .inList(let e, let list, _, _): return reads(name, e) || list.contains { reads(name, $0) }
        }
    }

    /// Whether a condition reads only fields that tell nothing of a grade.
    static func readsOnlyGradeFree(_ expr: Expr) -> Bool {
        switch expr {
        case .field(let n, _): return gradeFreeFields.contains(n.lowercased())
        case .literal, .param, .today: return true
        case .not(let e, _), .negate(let e, _), .inRange(let e, _, _, _), .isBlank(let e, _, _): return readsOnlyGradeFree(e)
        case .binary(_, let l, let r, _), .contains(let l, let r, _), .startsWith(let l, let r, _):
            return readsOnlyGradeFree(l) && readsOnlyGradeFree(r)
        case .inList(let e, let list, _, _): return readsOnlyGradeFree(e) && list.allSatisfy(readsOnlyGradeFree)
        }
    }

    /// The frame a pipeline's source gives before its stages.
    func start(_ pipeline: Pipeline, depth: Int) throws(Diagnostic) -> Frame {
        let name = pipeline.source.lowercased()
        if let c = Collection(rawValue: name) {
            if c == .results { readResults = true }
            let n = c.count(in: store)
            return Frame(collection: c, rows: [Int32](unsafeUninitializedCapacity: n) { rows, count in
                for i in 0..<n { rows[i] = Int32(truncatingIfNeeded: i) }
                count = n
            })
        }
        if let q = named[pipeline.source] ?? named[name] {
            // A name met again on the way down is a loop (let a = b after let b = a); a long chain
            // of names that are all different is fine, up to a depth no one writes by hand.
            let key = pipeline.source.lowercased()
            guard !expanding.contains(key) else { throw error(pipeline.sourceSpan, "'\(pipeline.source)' refers to itself") }
            guard depth < Evaluator.maximumNesting else {
                throw error(pipeline.sourceSpan, "'\(pipeline.source)' is named through more than \(Evaluator.maximumNesting) queries, each the source of the next",
                            notes: ["define it from a collection, not through so many names"])
            }
            expanding.insert(key)
            defer { expanding.remove(key) }
            var frame = try start(q, depth: depth + 1)
            for stage in q.stages {
                if case .save = stage { continue }
                if case .grades = stage { throw error(pipeline.sourceSpan, "a named query used as a source cannot end in 'grades'") }
                if case .chart = stage { throw error(pipeline.sourceSpan, "a named query used as a source cannot end in 'chart'") }
                frame = try apply(stage, to: frame)
            }
            return frame
        }
        let known = Collection.allCases.map(\.rawValue) + named.keys.sorted()
        throw error(pipeline.sourceSpan, "unknown collection or query '\(pipeline.source)'",
                    notes: [Suggestions.note(for: pipeline.source, in: known) ?? "collections: " + known.joined(separator: ", ")])
    }

    func apply(_ stage: Stage, to frame: Frame) throws(Diagnostic) -> Frame {
        switch stage {
        case .show, .count, .countBy, .distinct, .summarise: noteRead(frame)
        default: break
        }
        switch stage {
        case .where(let expr, _):
            // A condition on grades reads every row it looks at, kept or not.
            if !Evaluator.readsOnlyGradeFree(expr) { noteRead(frame) }
            // Equality on a key: the index gives the rows; the condition is still checked on them.
            // (Not by recursion: a key held by many rows, across many centres, stays wide.)
            let frame = indexedRows(expr, frame) ?? frame
            let v = try evaluate(expr, frame)
            guard case .bool(let keep) = v.expanded(count: frame.count) else {
                throw error(expr.span, "'where' needs a yes/no condition, but this is \(article(v.typeName))",
                            notes: ["compare it with something, such as: where grade = \"U\""])
            }
            var kept = frame
            if frame.collection != nil { kept.rows = frame.rows.kept(where: keep) } else { kept = select(frame, Evaluator.positions(keep)) }
            // A kept row of `field = "value"` (alone or and-ed) proves some record has the value:
            // then there is nothing to warn about, and no need to read the whole collection.
            if kept.count == 0 || !Evaluator.onlyEqualities(expr) { try warnAboutAbsentValues(expr, frame) }
            return kept
        case .sort(let keys, _):
            // Per key: the values sorted in the order asked, and for rows whose value is not
            // among them a tail after them in either order (X and Q after U, blanks last).
            var ranked: [(values: [Double], tail: [Double], order: SortOrder)] = []
            for (expr, order) in keys {
                let v = try evaluate(expr, frame).expanded(count: frame.count)
                if isGradeKey(expr, frame) {
                    let (r, onScale) = gradeRank(v)
                    // Best first is `desc`: a better grade (a lower place) is a greater value.
                    ranked.append(((0..<r.count).map { onScale[$0] ? -r[$0] : .nan }, r, order))
                } else {
                    let r = rank(v)
                    ranked.append((r, r, order))
                }
            }
            try cancelled(stage.span)
            let order = (0..<frame.count).sorted { a, b in
                for (r, tail, o) in ranked {
                    let x = r[a], y = r[b]
                    if x.isNaN != y.isNaN { return !x.isNaN }
                    if !x.isNaN {
                        if x != y { return o == .ascending ? x < y : x > y }
                        continue
                    }
                    let p = tail[a], q = tail[b]
                    if p.isNaN != q.isNaN { return !p.isNaN }
                    if !p.isNaN, p != q { return p < q }
                }
                return a < b
            }
            return select(frame, order)
        case .show(let items, _):
            var names: [String] = [], columns: [Vector] = []
            for (expr, name) in items {
                names.append(name)
                columns.append(try evaluate(expr, frame).expanded(count: frame.count))
            }
            return Frame(collection: nil, rows: [], names: names, columns: columns, gradeColumns: gradeColumns(items, frame))
        case .first(let count, _):
            let n = try rowCount(count, frame)
            return select(frame, Array(0..<min(n, frame.count)))
        case .count:
            return Frame(collection: nil, rows: [], names: ["count"], columns: [.number([Double(frame.count)])])
        case .countBy(let keys, _):
            return try group(frame, keys, counting: true)
        case .distinct(let keys, _):
            return try group(frame, keys, counting: false)
        case .summarise(let aggregates, let keys, _):
            return try summarise(frame, aggregates, by: keys)
        case .save, .grades, .chart:
            return frame
        }
    }

    /// Whether every comparison that could warn about an absent value is an `=` joined by `and`.
    static func onlyEqualities(_ expr: Expr) -> Bool {
        switch expr {
        case .binary("and", let l, let r, _): return onlyEqualities(l) && onlyEqualities(r)
        case .binary("or", _, _, _), .not, .inList: return false
        case .binary(let op, .field(_, _), .literal(.text(_), _), _): return op == "="
        default: return true
        }
    }

    /// For `candidate = "0042"` or `qualification = "J560"` (alone, or as one side of an `and`)
    /// on a collection with an index on that key, the frame narrowed to the index's rows; nil
    /// when no index applies or the frame is already narrow.
    func indexedRows(_ expr: Expr, _ frame: Frame) -> Frame? {
        guard let c = frame.collection, frame.rows.count > 64 else { return nil }
        var keyRows: [Int32]?
        switch expr {
        case .binary("and", let l, let r, _):
            return indexedRows(l, frame) ?? indexedRows(r, frame)
        case .binary("=", .field(let name, _), .literal(.text(let value), _), _):
            switch name.lowercased() {
            case "candidate":
                let index: Grouping
                switch c {
                case .entries: index = store.entriesByCandidate
                case .achievements: index = store.achievementsByCandidate
                case .results: index = store.resultsByCandidate
                case .reviews: index = store.reviewsByCandidate
                case .certificates: index = store.certificatesByCandidate
                default: return nil
                }
                // Every centre's candidate of that number: the field shows the number alone.
                guard let key = Store.candidateKey(value) else { return nil }
                keyRows = store.centres.compactMap { store.candidateByKey[Store.CandidateKey(centre: $0, number: key)] }
                    .flatMap { Array(index[$0]) }.sorted()
            case "qualification":
                guard let q = store.qualification(code: value) else { return nil }
                switch c {
                case .entries: keyRows = Array(store.entriesByQualification[q])
                case .units: keyRows = Array(store.unitsByQualification[q])
                default: return nil
                }
            default: return nil
            }
        default: return nil
        }
        guard let rows = keyRows else { return nil }
        if frame.rows.count == c.count(in: store) { return Frame(collection: c, rows: rows) }
        let wanted = Set(rows)
        return Frame(collection: c, rows: frame.rows.filter { wanted.contains($0) })
    }

    func select(_ frame: Frame, _ positions: [Int]) -> Frame {
        if frame.collection != nil {
            var f = frame
            f.rows = frame.rows.gathered(positions)
            return f
        }
        return Frame(collection: nil, rows: [], names: frame.names, columns: frame.columns.map { $0.gather(positions) },
                     gradeColumns: frame.gradeColumns)
    }

    /// The positions where `keep` holds, in order.
    static func positions(_ keep: [Bool]) -> [Int] {
        keep.withUnsafeBufferPointer { keep in
            var n = 0
            for k in keep { n &+= k ? 1 : 0 }
            return [Int](unsafeUninitializedCapacity: n) { out, count in
                var j = 0
                for i in 0..<keep.count where keep[i] { out[j] = i; j += 1 }
                count = n
            }
        }
    }

    /// `count by` and `distinct`: one row per distinct key, in key order; with counts and shares.
    func group(_ frame: Frame, _ keys: [Expr], counting: Bool) throws(Diagnostic) -> Frame {
        if let grouped = storedGroup(frame, keys, counting: counting) { return grouped }
        let vectors = try keys.map { (e) throws(Diagnostic) in try evaluate(e, frame).expanded(count: frame.count) }
        let grades = keys.map { isGradeKey($0, frame) }
        if let grouped = denseGroup(keys, vectors, grades, frame.count, counting: counting) { return grouped }
        // Blanks rank as NaN, which equals nothing, so keys hold nil for a blank: all blanks are
        // one group. One key (the usual case) is grouped without an array per row.
        try cancelled(keys.first?.span ?? Span(0, 1))
        let ranks = vectors.indices.map { i in (grades[i] ? gradeRank(vectors[i]).rank : rank(vectors[i])).map { $0.isNaN ? nil : $0 } }
        try cancelled(keys.first?.span ?? Span(0, 1))
        let groups: [(first: Int, count: Int)]
        if ranks.count == 1 {
            let only = ranks[0]
            groups = Evaluator.tally(rows: frame.count, key: { only[$0] }, before: Evaluator.blankLast)
        } else {
            groups = Evaluator.tally(rows: frame.count, key: { row in ranks.map { $0[row] } }, before: { a, b in
                for i in 0..<a.count where a[i] != b[i] { return Evaluator.blankLast(a[i], b[i]) }
                return false
            })
        }
        try cancelled(keys.first?.span ?? Span(0, 1))
        let positions = groups.map(\.first)
        var names = keys.map(\.defaultName)
        var columns = vectors.map { $0.gather(positions) }
        if counting {
            let total = Double(frame.count)
            let n = groups.map { Double($0.count) }
            names += ["count", "share"]
            columns += [.number(n), .string(n.map { Evaluator.percent($0, of: total) })]
        }
        return Frame(collection: nil, rows: [], names: names, columns: columns,
                     gradeColumns: Set(keys.indices.filter { grades[$0] }.map { names[$0].lowercased() }))
    }

    /// `group` for keys of stored text and yes/no (the usual `count by qualification, grade`): each
    /// key's values ranked densely in text order (blank last), each row's ranks made one number,
    /// and rows counted in an array: no dictionary per row. The same rows, order and counts as
    /// the general path; nil when a key is of another kind or the combinations are too many.
    func denseGroup(_ keys: [Expr], _ vectors: [Vector], _ grades: [Bool], _ count: Int, counting: Bool) -> Frame? {
        var codes = [Int](repeating: 0, count: count)
        var stride = 1
        for (v, grade) in zip(vectors, grades).reversed() {
            let ranks: [Int32], size: Int
            switch v {
            // Blank keys take the general path, which keeps each blank row apart (NaN keys never match).
            case .text(let ids) where !ids.contains(0): (ranks, size) = denseRanks(ids, grade: grade)
            case .bool(let a): (ranks, size) = (a.map { $0 ? 1 : 0 }, 2)
            default: return nil
            }
            guard stride <= (1 << 22) / max(size, 1) else { return nil }
            for i in 0..<count { codes[i] += Int(ranks[i]) * stride }
            stride *= size
        }
        var counts = [Int](repeating: 0, count: stride)
        var firstRow = [Int](repeating: -1, count: stride)
        for (row, code) in codes.enumerated() {
            if firstRow[code] < 0 { firstRow[code] = row }
            counts[code] += 1
        }
        let positions = firstRow.filter { $0 >= 0 }
        var names = keys.map(\.defaultName)
        var columns = vectors.map { $0.gather(positions) }
        if counting {
            let total = Double(count)
            let n = (0..<stride).filter { firstRow[$0] >= 0 }.map { Double(counts[$0]) }
            names += ["count", "share"]
            columns += [.number(n), .string(n.map { Evaluator.percent($0, of: total) })]
        }
        return Frame(collection: nil, rows: [], names: names, columns: columns,
                     gradeColumns: Set(keys.indices.filter { grades[$0] }.map { names[$0].lowercased() }))
    }

    /// Each id's rank among the column's distinct values in text order (grades best first), and
    /// how many there are (a blank, id 0, would rank last).
    func denseRanks(_ ids: [Int32], grade: Bool = false) -> ([Int32], Int) {
        guard let low = ids.min(), let high = ids.max() else { return ([], 1) }
        var rankOf = [Int32](repeating: -1, count: Int(high - low) + 1)
        var distinct: [Int32] = []
        for id in ids where id != 0 && rankOf[Int(id - low)] < 0 {
            rankOf[Int(id - low)] = 0
            distinct.append(id)
        }
        let before = grade ? Evaluator.gradeBefore : Evaluator.textOrder
        distinct.sort { before(store.pool[$0], store.pool[$1]) }
        for (i, id) in distinct.enumerated() { rankOf[Int(id - low)] = Int32(i) }
        let blank = Int32(distinct.count)
        return (ids.map { $0 == 0 ? blank : rankOf[Int($0 - low)] }, distinct.count + 1)
    }

    /// The groups of rows `0..<rows` by `key`, each with its first row and its size, in `before` order of keys.
    static func tally<Key: Hashable>(rows: Int, key: (Int) -> Key, before: (Key, Key) -> Bool) -> [(first: Int, count: Int)] {
        var groups: [Key: (first: Int, count: Int)] = [:]
        for row in 0..<rows {
            let k = key(row)
            if let g = groups[k] { groups[k] = (g.first, g.count + 1) } else { groups[k] = (row, 1) }
        }
        return groups.sorted { before($0.key, $1.key) }.map(\.value)
    }

    /// Ranks in order, blank (nil) last.
    static func blankLast(_ a: Double?, _ b: Double?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        return a < b
    }

    static func percent(_ part: Double, of total: Double) -> String {
        guard total > 0 else { return "" }
        let tenths = (part * 1000 / total).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    /// An order-preserving number for each value, so sorting and grouping compare numbers only.
    /// Text is ranked by its string order; blanks are NaN.
    func rank(_ v: Vector) -> [Double] {
        switch v {
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .number(let a): return a
        case .date(let a): return a.map { $0.isBlank ? .nan : Double($0.number) }
        case .text(let ids):
            let distinct = Evaluator.sortedByTextOrder(Array(Set(ids)).map { (store.pool[$0], $0) })
            var r: [Int32: Double] = [:]
            for (i, id) in distinct.enumerated() { r[id] = Double(i) }
            return ids.map { $0 == 0 ? .nan : r[$0]! }
        case .string(let a):
            let distinct = Evaluator.sortedByTextOrder(Array(Set(a)).map { ($0, $0) })
            var r: [String: Double] = [:]
            for (i, s) in distinct.enumerated() { r[s] = Double(i) }
            return a.map { $0.isEmpty ? .nan : r[$0]! }
        case .scalar:
            return [0]
        }
    }

    /// `items` in `textOrder` of their texts, each text's number and lower-case form worked out
    /// once rather than at every comparison (a million distinct values took 16 s, now about 2).
    static func sortedByTextOrder<T>(_ items: [(text: String, item: T)]) -> [T] {
        let keyed = items.map { (number: Double($0.text), lower: $0.text.lowercased(), text: $0.text, item: $0.item) }
        return keyed.sorted { a, b in
            if let x = a.number, let y = b.number, x != y { return x < y }
            return a.lower != b.lower ? a.lower < b.lower : a.text < b.text
        }.map(\.item)
    }

    /// Text order: numbers within text compare as numbers (unit 2 before unit 10), then case-blind.
    static func textOrder(_ a: String, _ b: String) -> Bool {
        if let x = Double(a), let y = Double(b), x != y { return x < y }
        let la = a.lowercased(), lb = b.lowercased()
        return la != lb ? la < lb : a < b
    }

    /// The frame as a table: its columns, or a collection's default columns.
    func table(of frame: Frame) -> Answer {
        if let c = frame.collection {
            var names = c.defaultColumns
            // A trust's pack: a candidate number alone is ambiguous, so rows of candidates say the centre first.
            if store.hasSeveralCentres, let at = names.firstIndex(of: "candidate") {
                names.removeAll { $0 == "centre" }
                names.insert("centre", at: at)
            }
            let fields = names.compactMap { c.field(named: $0) }
            return Answer(names: fields.map(\.name), columns: fields.map { $0.read(self, frame.rows) },
                               rowCount: frame.rows.count, pool: store.pool)
        }
        return Answer(names: frame.names, columns: frame.columns, rowCount: frame.count, pool: store.pool)
    }

    func article(_ type: String) -> String {
        type == "yes/no" ? "a yes/no value" : (type.first.map { "aeiou".contains($0) } == true ? "an \(type)" : "a \(type)")
    }
}

extension Evaluator {
    /// Stops the statement when Ctrl-C was pressed: called between stages and between the
    /// long phases of one (ranking, sorting, grouping a million rows takes seconds).
    func cancelled(_ span: Span) throws(Diagnostic) {
        try Interruption.check(or: error(span, "cancelled (Ctrl-C)"))
    }
}

extension Interruption {
    /// Throws `diagnostic` when Ctrl-C was pressed.
    static func check(or diagnostic: @autoclosure () -> Diagnostic) throws(Diagnostic) {
        if isRequested { throw diagnostic() }
    }
}

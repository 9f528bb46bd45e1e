/// The line of the first row of a file for each (candidate, qualification, series) it has had:
/// the duplicate check of entries.csv, results.csv and certificates.csv.
///
/// Each candidate's rows are a short chain, newest first, through arrays in the order the rows
/// were read. Files list a candidate's rows together and candidates in order, so the check reads
/// memory it has just written instead of a random slot of a hash table as large as the file. A
/// candidate with more than `chainLimit` rows moves to a `KeyIndex`, so no pack makes the check
/// quadratic.
struct CandidateRowLines {
    static let chainLimit: Int32 = 16
    /// Per candidate row: its newest row here (-1 for none), and how many rows it has.
    private var newest: [Int32]
    private var length: [Int32]
    /// Per row kept: the candidate's row before it (-1 for none), its qualification, series and line.
    private var previous: [Int32] = []
    private var qualification: [Int32] = []
    private var series: [Int32] = []
    private var line: [Int32] = []
    /// The rows of candidates past `chainLimit`.
    private var crowded = KeyIndex()

    /// For a store of `candidates` candidates.
    init(candidates: Int) {
        newest = [Int32](repeating: -1, count: candidates)
        length = [Int32](repeating: 0, count: candidates)
    }

    /// The line of the first row with these keys, or nil.
    func firstLine(_ candidate: Int32, _ qualification: Int32, _ series: Int32) -> Int32? {
        let c = Int(candidate)
        if length[c] > Self.chainLimit { return crowded.value(candidate, qualification, series) }
        var i = Int(newest[c])
        while i >= 0 {
            if self.qualification[i] == qualification && self.series[i] == series { return line[i] }
            i = Int(previous[i])
        }
        return nil
    }

    /// Records a row with keys not seen before, at `line`.
    mutating func add(_ candidate: Int32, _ qualification: Int32, _ series: Int32, line: Int32) {
        let c = Int(candidate)
        length[c] += 1
        if length[c] > Self.chainLimit {
            if length[c] == Self.chainLimit + 1 {
                var i = Int(newest[c])
                while i >= 0 {
                    crowded.set(candidate, self.qualification[i], self.series[i], to: self.line[i])
                    i = Int(previous[i])
                }
            }
            crowded.set(candidate, qualification, series, to: line)
            return
        }
        previous.append(newest[c])
        newest[c] = Int32(self.line.count)
        self.qualification.append(qualification)
        self.series.append(series)
        self.line.append(line)
    }
}

import Glibc
import ExamStore
import ExamDemo
import ExamQuery

/// Measures time and peak memory of the heaviest answers on a generated centre:
///   Fuzz/measure.sh [CANDIDATES]
/// prints, per step, the seconds, the rows and the process's peak resident memory so far.
@main struct ResourceMeasure {
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func tenths(_ x: Double) -> String { String(Double(Int(x * 10)) / 10) }

    static func peakMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    static func main() throws {
        let n = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
        var start = seconds()
        let store = CentreGenerator(candidates: n, seed: 7).make()
        print("generate \(n) candidates: \(tenths(seconds() - start)) s, \(store.entries.count) entries, peak \(peakMB()) MB")
        let today = Day(year: 2024, month: 8, day: 21)!
        for text in ["candidates | count by uci", "entries | count by candidate, qualification", "candidates | distinct surname, forenames, uci",
                     "candidates | show candidate, surname, forenames, uci, dob"] {
            start = seconds()
            let source = SourceText(text)
            var parser = try Parser(source)
            let pipeline = try parser.pipeline()
            let ev = Evaluator(store: store, today: today, series: nil, source: source)
            guard case .table(let table, _) = try ev.run(pipeline) else { continue }
            let ran = seconds() - start
            let path = "/tmp/exq-measure.csv"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            var bytes = 0
            start = seconds()
            OutputFormat.csv.write(table) { piece in
                var piece = piece
                bytes += piece.utf8.count
                _ = piece.withUTF8 { write(fd, $0.baseAddress, $0.count) }
            }
            close(fd)
            print("\(text): \(table.rowCount) rows in \(tenths(ran)) s; csv \(bytes / 1_000_000) MB streamed in \(tenths(seconds() - start)) s; peak \(peakMB()) MB")
        }
        unlink("/tmp/exq-measure.csv")
    }
}

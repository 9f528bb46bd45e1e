/// `--timing` and `set timing on`: each statement's load, plan and run times on stderr, as
/// sqlite3's `.timer` and psql's `\timing` give them.
///
/// Load is the time spent reading a data pack, plan the time spent parsing a query, run the
/// rest (evaluating, rendering, writing).
struct StatementTiming {
    var started = 0.0
    var load = 0.0
    var plan = 0.0

    /// The line printed after a statement: `time: load 0.012 s, plan 0.000 s, run 0.003 s`.
    func line(endingAt now: Double) -> String {
        let run = max(0, now - started - load - plan)
        return "time: load \(StatementTiming.milliseconds(load)) s, plan \(StatementTiming.milliseconds(plan)) s, run \(StatementTiming.milliseconds(run)) s\n"
    }

    /// Seconds with three decimals: 0.0123 → "0.012".
    static func milliseconds(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        let frac = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}

extension Session {
    /// Starts timing a statement (always, so that `set timing on` can report itself); returns the
    /// times of the statement around it (`run FILE`), for `reportTiming` to restore.
    func startTiming() -> StatementTiming {
        let outer = timings
        timings = StatementTiming(started: SystemClock.seconds())
        return outer
    }

    /// Prints the statement's times when timing is on, then goes back to the outer statement's.
    func reportTiming(restoring outer: StatementTiming) {
        if timing { console.err(timings.line(endingAt: SystemClock.seconds())) }
        timings = outer
    }
}

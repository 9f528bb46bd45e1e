import Synchronization

/// Ctrl-C during a long command: the terminal's SIGINT handler calls `request()`, and long
/// loops (import, evaluation, rendering) poll `isRequested` and stop with `Interrupted`.
package enum Interruption {
    private static let flag = Atomic<Bool>(false)

    /// Safe to call from a signal handler: one atomic store.
    package static func request() { flag.store(true, ordering: .relaxed) }
    package static var isRequested: Bool { flag.load(ordering: .relaxed) }
    package static func clear() { flag.store(false, ordering: .relaxed) }

    /// Throws `Interrupted` when Ctrl-C was pressed since the last `clear()`.
    package static func check() throws(Interrupted) { if isRequested { throw Interrupted() } }
}

/// The error of a command cancelled by Ctrl-C.
package struct Interrupted: Error, Sendable, CustomStringConvertible {
    package init() {}
    package var description: String { "cancelled (Ctrl-C)" }
}

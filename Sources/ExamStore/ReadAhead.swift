import Dispatch
import Synchronization

/// A pack's files read, checked (UTF-8, no NUL byte) and hashed on another thread, one after
/// another in load order, while the loaders fill columns from the files read before.
///
/// Nothing else changes: a loader takes each file's reader, or the diagnostic that opening it
/// gave, at the moment it would have opened the file itself, so diagnostics keep their order.
/// A file is held from its reading until its loader is done with it.
final class ReadAhead: Sendable {
    private final class Slot: @unchecked Sendable {
        // Safety: `result` is written by the reading thread before `ready` is signalled, and
        // read and cleared by the one loader that claimed the slot, after waiting on `ready`.
        let path: String
        let ready = DispatchSemaphore(value: 0)
        let claimed = Atomic<Bool>(false)
        var result: Result<(CSVReader, String), Diagnostic>?
        init(path: String) { self.path = path }
    }

    private let slots: [Slot]
    /// Set when the load stops: files not yet begun are not read.
    private let stopped = Atomic<Bool>(false)
    /// Signalled by `proceed()`: the files after the first are read only then.
    private let mayProceed = DispatchSemaphore(value: 0)
    private let proceeded = Atomic<Bool>(false)

    /// Starts reading `paths` (in the order the loaders will take them) on another thread: the
    /// first at once, the others after `proceed()` (so that while the first file is loaded on
    /// both cores, reading does not take a core from it).
    init(paths: [String]) {
        slots = paths.map(Slot.init)
        DispatchQueue.global().async { [self] in
            for (i, slot) in slots.enumerated() {
                if i == 1 { mayProceed.wait() }
                if !stopped.load(ordering: .acquiring) {
                    do throws(Diagnostic) {
                        let reader = try CSVReader.open(path: slot.path)
                        slot.result = .success((reader, PackFingerprint.hash(reader.bytes)))
                    } catch {
                        slot.result = .failure(error)
                    }
                }
                slot.ready.signal()
            }
        }
    }

    /// The reader of `path` and the hash of its bytes (or what opening it gave), once read.
    /// Nil for a path not read ahead, or already taken.
    func take(_ path: String) -> Result<(CSVReader, String), Diagnostic>? {
        guard let slot = slots.first(where: { $0.path == path }),
              slot.claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return nil }
        slot.ready.wait()
        defer { slot.result = nil }
        return slot.result
    }

    /// Lets the files after the first be read (once; later calls do nothing).
    func proceed() {
        if proceeded.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            mayProceed.signal()
        }
    }

    /// Lets the reading thread end without reading files not yet begun (a load that stops early
    /// must not read the rest of the pack for nothing).
    func finish() {
        stopped.store(true, ordering: .releasing)
        proceed()
    }
}

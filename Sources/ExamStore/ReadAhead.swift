import Dispatch

/// A pack's files read, checked (UTF-8, no NUL byte) and hashed on another thread, up to
/// `ReadAhead.window` files ahead of the last one taken: while the loaders fill columns from one
/// file, the next ones are read.
///
/// Nothing else changes: a loader takes each file's reader, or the diagnostic that opening it
/// gave, at the moment it would have opened the file itself, so diagnostics keep their order.
/// At most the files being loaded and `window` more are held in memory.
final class ReadAhead: @unchecked Sendable {
    // Safety: a slot's `result` is written by the reading thread before its `ready` is signalled,
    // and read by a loader only after waiting on `ready`; each `mayRead` is granted once, with
    // `skip` set before. `permitted` and `taken` change only while holding `lock` (loaders on
    // several threads take files).
    /// How many files past the last one taken may be read before they are asked for.
    static let window = 4
    private let lock = DispatchSemaphore(value: 1)
    private final class Slot: @unchecked Sendable {
        let path: String
        let mayRead = DispatchSemaphore(value: 0)
        let ready = DispatchSemaphore(value: 0)
        var result: Result<(CSVReader, String), Diagnostic>?
        var taken = false
        /// Set before `mayRead` is signalled when the load has stopped: not read at all.
        var skip = false
        init(path: String) { self.path = path }
    }

    private let slots: [Slot]
    private var permitted = 0

    /// Starts reading `paths` (in the order the loader will take them) on another thread.
    init(paths: [String]) {
        slots = paths.map(Slot.init)
        let slots = self.slots
        grant(through: ReadAhead.window)
        DispatchQueue.global().async {
            for slot in slots {
                slot.mayRead.wait()
                if slot.skip { continue }
                do throws(Diagnostic) {
                    let reader = try CSVReader.open(path: slot.path)
                    slot.result = .success((reader, PackFingerprint.hash(reader.bytes)))
                } catch {
                    slot.result = .failure(error)
                }
                slot.ready.signal()
            }
        }
    }

    /// The reader of `path` and the hash of its bytes (or what opening it gave), once read; lets
    /// the next file be read.
    /// Nil for a path not read ahead, or already taken.
    func take(_ path: String) -> Result<(CSVReader, String), Diagnostic>? {
        lock.wait()
        guard let i = slots.firstIndex(where: { $0.path == path }), !slots[i].taken else { lock.signal(); return nil }
        slots[i].taken = true
        grant(through: i + ReadAhead.window)
        lock.signal()
        let slot = slots[i]
        slot.ready.wait()
        defer { slot.result = nil }
        return slot.result
    }

    /// Lets the reading thread end, skipping files not yet begun (a load that stops early, or
    /// never takes a file, must not leave it waiting).
    func finish() {
        lock.wait()
        for slot in slots[permitted...] { slot.skip = true }
        grant(through: slots.count - 1)
        lock.signal()
    }

    private func grant(through last: Int) {
        while permitted <= min(last, slots.count - 1) {
            slots[permitted].mayRead.signal()
            permitted += 1
        }
    }
}

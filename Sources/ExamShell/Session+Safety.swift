import Glibc
import ExamStore
import ExamRules

/// Confidentiality and safety: the results embargo and its audit log, and where scripts may write.
extension Session {
    /// Minutes after midnight on the clock: `set time 07:30`, else the real time.
    var minutesNow: Int {
        if let fixedMinutes { return fixedMinutes }
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
    }

    /// Results under embargo at this moment, or nil.
    var embargoNow: [Bool]? { Embargo.embargoed(store: known, day: today, minutes: minutesNow) }

    /// Writes one line to the workspace's audit log, synced: who read embargoed results, when,
    /// and with which statement. Without a workspace there is nowhere to keep it: says so once.
    func audit(_ statement: String) throws {
        guard let workspace else {
            if !warnedNoAudit {
                console.report("\(file):\(line):1: warning: embargoed results were read with no workspace open, so the read is not in an audit log; use --workspace DIR\n")
                warnedNoAudit = true
            }
            return
        }
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        let stamp = "\(parts.tm_year + 1900)-\(Session.two(Int(parts.tm_mon) + 1))-\(Session.two(Int(parts.tm_mday)))T"
            + "\(Session.two(Int(parts.tm_hour))):\(Session.two(Int(parts.tm_min))):\(Session.two(Int(parts.tm_sec)))Z"
        let user = getenv("USER").map { String(cString: $0) } ?? getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(getuid())"
        let what = statement.split(separator: "\n").map { $0.trimmingSpaces() }.joined(separator: " ")
        let entry = "\(stamp) user=\(user) role=\(role.rawValue) clock=\(today.iso) \(Session.two(minutesNow / 60)):\(Session.two(minutesNow % 60)) read: \(what)\n"
        let path = workspace + "/audit.log"
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write the audit log \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try FileSystem.writeAll(fd, Array(entry.utf8), path)
        fsync(fd)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The words for results a teacher cannot see yet.
    func embargoNote(_ hidden: Int) -> String {
        "note: \(Store.grouped(hidden)) \(hidden == 1 ? "result is" : "results are") under embargo and left out: "
            + "a teacher sees results from 08:00 on results day (help embargo)\n"
    }

    // MARK: Safe scripts

    /// A place this statement may write. Typed statements may write anywhere the user can; a
    /// script from a file may write only inside the current folder, unless exq was started
    /// with --allow-write. The folder must exist either way.
    func checkWritable(_ path: String) throws {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        guard folder.isEmpty || FileSystem.exists(folder) else { throw failure("no folder \(folder) to write \(path) in") }
        guard runningScriptFile > 0, !allowWrite else { return }
        let here = FileSystem.realPath(".") ?? "."
        guard let target = FileSystem.resolvedPath(path), target == here || target.hasPrefix(here == "/" ? "/" : here + "/") else {
            throw failure("a script may write only inside the current folder (\(here)), not to \(path)",
                          notes: ["if you trust this script, run it with --allow-write"])
        }
    }
}

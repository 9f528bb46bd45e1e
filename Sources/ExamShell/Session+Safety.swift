import Glibc
import ExamStore
import ExamRules
import ExamQuery

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

    /// The real clock now, which no setting moves: the embargo holds by it whatever the session's says.
    var realMoment: Moment {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Moment(day: Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? SystemClock.today(),
                      minutes: Int(parts.tm_hour) * 60 + Int(parts.tm_min))
    }

    /// What the session's role may see now (`Visibility`): every answer, warning, completion,
    /// explanation and file written is made from its store. Made again when the store, the role or
    /// either clock's minute changes. The first view of a newly loaded store for a role that may
    /// not see restricted results says which series no calendar releases, and how to end that.
    var visibility: Visibility {
        let real = realMoment, session = Moment(day: today, minutes: minutesNow)
        if let c = visibilityCache, c.generation == storeGeneration, c.role == viewRole, c.real == real, c.session == session {
            return c.value
        }
        let value = Visibility(store: known, role: viewRole, real: real, session: session)
        visibilityCache = (storeGeneration, viewRole, real, session, value)
        if !viewRole.seesRestrictedRelease, !value.uncovered.isEmpty, warnedUncovered != storeGeneration {
            warnedUncovered = storeGeneration
            console.report("warning: no calendar gives a results day for \(value.uncovered.joined(separator: ", ")), "
                + "so those results are withheld from a \(viewRole.rawValue); add a results_day row for the series to the pack's calendar.csv "
                + "(series, event results_day, date, time, applies_to) to release them on that day (help embargo)\n")
        }
        return value
    }

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
        if let shared {
            try shared.audit(role: viewRole.rawValue, clock: "\(today.iso) \(Session.two(minutesNow / 60)):\(Session.two(minutesNow % 60))", statement: statement)
            return
        }
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        let stamp = "\(parts.tm_year + 1900)-\(Session.two(Int(parts.tm_mon) + 1))-\(Session.two(Int(parts.tm_mday)))T"
            + "\(Session.two(Int(parts.tm_hour))):\(Session.two(Int(parts.tm_min))):\(Session.two(Int(parts.tm_sec)))Z"
        // The operating-system account, never $USER (anyone can set that).
        let uid = geteuid()
        let user = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
        let real = realMoment
        let entry = "\(stamp) user=\(Session.auditField(user)) uid=\(uid) role=\(viewRole.rawValue) clock=\(today.iso) \(Session.two(minutesNow / 60)):\(Session.two(minutesNow % 60))"
            + " real=\(real.day.iso) \(Session.two(real.minutes / 60)):\(Session.two(real.minutes % 60)) read: \(Session.auditField(statement))\n"
        let path = workspace + "/audit.log"
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write the audit log \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try FileSystem.writeAll(fd, Array(entry.utf8), path)
        fsync(fd)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A value as one audit-log field: line breaks and other control characters written as `\n`,
    /// `\u{7}`, and `\` as `\\`, so no value can start a line of its own or forge another.
    static func auditField(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    out += "\\u{\(String(u.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// The words for results a teacher cannot see yet.
    func embargoNote(_ hidden: Int) -> String {
        "note: \(Store.grouped(hidden)) \(hidden == 1 ? "result is" : "results are") under embargo and left out: "
            + "a teacher sees results from 08:00 on results day (help embargo)\n"
    }

    // MARK: Safe scripts

    /// A place this statement may write. Typed statements may write anywhere the user can; a
    /// script from a file may write only inside the current folder, unless exq was started
    /// with --allow-write. The folder must exist either way, and nothing may write over the open
    /// workspace's own files (its journal, audit log, lock, settings). The path is judged where it
    /// really leads: links (to files not there yet too) followed, `..` applied.
    func checkWritable(_ path: String, workspaceFiles: Bool = false) throws {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        guard folder.isEmpty || FileSystem.exists(folder) else { throw failure("no folder \(folder) to write \(path) in") }
        guard let target = FileSystem.resolvedPath(path) else { throw failure("cannot write \(path): its links go round in a loop") }
        if !workspaceFiles, shared == nil, let workspace, let dir = FileSystem.resolvedPath(workspace) {
            let own = [Session.journalName, Session.tornName, "audit.log", "lock", "settings"].map { dir + "/" + $0 }
            if target == dir || own.contains(target) {
                throw failure("\(path) is the open workspace's own \(target == dir ? "folder" : "file"), which only exq's journal writes", notes: ["write it somewhere else"])
            }
        }
        guard runningScriptFile > 0, !allowWrite else { return }
        let here = FileSystem.realPath(".") ?? "."
        guard target == here || target.hasPrefix(here == "/" ? "/" : here + "/") else {
            throw failure("a script may write only inside the current folder (\(here)), not to \(path)",
                          notes: ["if you trust this script, run it with --allow-write"])
        }
    }
}

import Glibc

/// One session at a time writes a workspace: an exclusive `flock` on `DIR/lock`, held while the
/// workspace is open and let go by the kernel when the process ends, however it ends (so a crash
/// leaves no stale lock). The file says who holds it, for the session that finds it taken.
final class WorkspaceLock {
    private let fd: Int32

    enum Outcome {
        case held(WorkspaceLock)
        /// Another process holds it; what its lock file says (pid, user, since when).
        case taken(by: String)
    }

    /// Takes the lock of workspace folder `dir`, without waiting.
    static func take(_ dir: String) throws -> Outcome {
        let path = dir + "/lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw FileSystem.Failure(description: "cannot open the workspace lock \(path): \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? FileSystem.readText(path))?.split(separator: "\n").first.map(String.init) ?? ""
            close(fd)
            return .taken(by: holder.isEmpty ? "another exq session" : holder)
        }
        let uid = geteuid()
        let user = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        let since = "\(parts.tm_year + 1900)-\(Session.two(Int(parts.tm_mon) + 1))-\(Session.two(Int(parts.tm_mday))) "
            + "\(Session.two(Int(parts.tm_hour))):\(Session.two(Int(parts.tm_min)))"
        let text = "exq pid \(getpid()), user \(Session.auditField(user)), since \(since)\n"
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, text, text.utf8.count, 0)
        return .held(WorkspaceLock(fd))
    }

    private init(_ fd: Int32) { self.fd = fd }

    deinit { close(fd) }
}

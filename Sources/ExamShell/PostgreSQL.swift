import Glibc
import CLibPQ

/// One connection to a PostgreSQL server through libpq: statements with parameters, and COPY
/// in and out. The address is libpq's (`postgresql://HOST/DB`, or `service=NAME`), and libpq's
/// conventions fill in the rest (PGHOST, PGUSER, ~/.pgpass, service files, sslmode).
final class PostgreSQL {
    private let connection: OpaquePointer
    /// libpq, opened when the first connection is made (see Sources/CLibPQ/shim.h).
    private let pq: exq_libpq_functions

    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The SQLSTATE the server gave, when it gave one (`42501`: not allowed).
        var state: String?
        /// In `executeAll`, how many of the statements had completed before this one failed.
        var completed = 0
    }

    init(_ address: String) throws {
        var error: UnsafePointer<CChar>?
        guard let pq = exq_libpq(&error)?.pointee else {
            throw Failure(description: "cannot open a shared workspace: libpq, PostgreSQL's client library, could not be loaded ("
                          + (error.map { String(cString: $0) } ?? "not found") + "); install it with: apt-get install libpq5")
        }
        self.pq = pq
        guard let c = pq.PQconnectdb!(address) else { throw Failure(description: "cannot start a connection to \(address): out of memory") }
        guard pq.PQstatus!(c) == CONNECTION_OK else {
            let message = PostgreSQL.trimmed(PostgreSQL.text(pq.PQerrorMessage!(c)))
            pq.PQfinish!(c)
            throw Failure(description: "cannot connect to \(PostgreSQL.redacted(address)): \(message)")
        }
        connection = c
        self.login = "?"
        self.login = try executeAll("SET client_min_messages = warning; SELECT session_user").last?.first?[0].flatMap { $0 } ?? "?"
    }

    deinit { pq.PQfinish!(connection) }

    /// The address with any password in it hidden, for messages.
    static func redacted(_ address: String) -> String {
        guard let scheme = address.firstRange(of: "://"), let at = address[scheme.upperBound...].firstIndex(of: "@"),
              let colon = address[scheme.upperBound..<at].firstIndex(of: ":") else { return address }
        return String(address[..<colon]) + ":***" + String(address[at...])
    }

    /// A C string libpq gave (nil as empty).
    static func text(_ c: UnsafePointer<CChar>?) -> String { c.map { String(cString: $0) } ?? "" }

    static func trimmed(_ message: String) -> String {
        var m = message
        while m.last == "\n" || m.last == " " { m.removeLast() }
        if m.hasPrefix("ERROR:  ") { m.removeFirst(8) }
        return m
    }

    /// The login this connection is: the server's `session_user`.
    private(set) var login: String

    /// Runs one statement (or, without parameters, several separated by `;`) and returns its
    /// rows, each cell as text or nil for NULL.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = pq.PQexec!(connection, sql)
        } else {
            var copies = parameters.map { $0.map { strdup($0) } ?? nil }
            defer { for p in copies { free(p) } }
            result = copies.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                    pq.PQexecParams!(connection, sql, Int32(parameters.count), nil, $0, nil, nil, 0)
                }
            }
        }
        defer { pq.PQclear!(result) }
        try check(result, PGRES_COMMAND_OK, PGRES_TUPLES_OK)
        var rows: [[String?]] = []
        let count = pq.PQntuples!(result), width = pq.PQnfields!(result)
        rows.reserveCapacity(Int(count))
        for r in 0..<count {
            rows.append((0..<width).map { f in pq.PQgetisnull!(result, r, f) == 1 ? nil : PostgreSQL.text(pq.PQgetvalue!(result, r, f)) })
        }
        return rows
    }

    /// Runs several statements separated by `;` in one round trip; each one's rows. Values go in
    /// as `literal`s. A failure stops the rest, and says how many had completed.
    func executeAll(_ sql: String) throws -> [[[String?]]] {
        guard pq.PQsendQuery!(connection, sql) == 1 else { throw failure() }
        var all: [[[String?]]] = []
        var failed: Failure?
        while let result = pq.PQgetResult!(connection) {
            defer { pq.PQclear!(result) }
            if failed != nil { continue }
            do {
                try check(result, PGRES_COMMAND_OK, PGRES_TUPLES_OK)
                let count = pq.PQntuples!(result), width = pq.PQnfields!(result)
                all.append((0..<count).map { r in (0..<width).map { f in pq.PQgetisnull!(result, r, f) == 1 ? nil : PostgreSQL.text(pq.PQgetvalue!(result, r, f)) } })
            } catch var f as Failure {
                f.completed = all.count
                failed = f
            }
        }
        if let failed { throw failed }
        if pq.PQstatus!(connection) != CONNECTION_OK { throw failure() }
        return all
    }

    /// `text` as an SQL string literal, escaped by libpq for this connection.
    func literal(_ text: String) -> String {
        guard let escaped = pq.PQescapeLiteral!(connection, text, text.utf8.count) else { return "NULL" }
        defer { pq.PQfreemem!(escaped) }
        return String(cString: escaped)
    }

    /// `COPY ... FROM STDIN`, sending `data`.
    func copyIn(_ sql: String, _ data: [UInt8]) throws {
        let start = pq.PQexec!(connection, sql)
        defer { pq.PQclear!(start) }
        try check(start, PGRES_COPY_IN)
        let sent = data.withUnsafeBufferPointer { b in
            b.baseAddress.map { base in base.withMemoryRebound(to: CChar.self, capacity: b.count) { pq.PQputCopyData!(connection, $0, Int32(b.count)) } } ?? 1
        }
        guard sent == 1, pq.PQputCopyEnd!(connection, nil) == 1 else { throw failure() }
        let end = pq.PQgetResult!(connection)
        defer { pq.PQclear!(end); while let more = pq.PQgetResult!(connection) { pq.PQclear!(more) } }
        try check(end, PGRES_COMMAND_OK)
    }

    /// `COPY ... TO STDOUT`: the bytes the server sends.
    func copyOut(_ sql: String) throws -> [UInt8] {
        try PostgreSQL.copyOut([sql], on: [self])[0]
    }

    /// Several `COPY ... TO STDOUT`s at once, each on the first of `connections` that is free (in
    /// the order given, so put the largest first): each one's bytes, in the order of `statements`.
    /// The servers' sessions work at the same time while this thread reads whichever has data.
    static func copyOut(_ statements: [String], on connections: [PostgreSQL]) throws -> [[UInt8]] {
        var out = [[UInt8]](repeating: [], count: statements.count)
        var running = [Int?](repeating: nil, count: connections.count)
        var next = 0
        func start(_ c: Int) throws {
            guard next < statements.count else { return }
            let begun = connections[c].pq.PQexec!(connections[c].connection, statements[next])
            defer { connections[c].pq.PQclear!(begun) }
            try connections[c].check(begun, PGRES_COPY_OUT)
            running[c] = next
            next += 1
        }
        for c in connections.indices { try start(c) }
        while running.contains(where: { $0 != nil }) {
            var waiting = connections.indices.filter { running[$0] != nil }.map { pollfd(fd: connections[$0].socket, events: Int16(POLLIN), revents: 0) }
            _ = poll(&waiting, nfds_t(waiting.count), 1000)
            for c in connections.indices {
                guard let s = running[c] else { continue }
                if try connections[c].readCopy(into: &out[s]) {
                    running[c] = nil
                    try start(c)
                }
            }
        }
        return out
    }

    private var socket: Int32 { pq.PQsocket!(connection) }

    /// Reads what has arrived of a `COPY ... TO STDOUT` without waiting; true once it has all come.
    private func readCopy(into out: inout [UInt8]) throws -> Bool {
        guard pq.PQconsumeInput!(connection) == 1 else { throw failure() }
        var buffer: UnsafeMutablePointer<CChar>?
        while true {
            let n = pq.PQgetCopyData!(connection, &buffer, 1)
            if n == 0 { return false }
            if n < 0 { break }
            if let buffer {
                buffer.withMemoryRebound(to: UInt8.self, capacity: Int(n)) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(n))) }
                pq.PQfreemem!(buffer)
            }
        }
        let end = pq.PQgetResult!(connection)
        defer { pq.PQclear!(end); while let more = pq.PQgetResult!(connection) { pq.PQclear!(more) } }
        try check(end, PGRES_COMMAND_OK)
        return true
    }

    private func check(_ result: OpaquePointer?, _ wanted: ExecStatusType...) throws {
        guard let result else { throw failure() }
        guard wanted.contains(pq.PQresultStatus!(result)) else {
            let state = pq.PQresultErrorField!(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            throw Failure(description: PostgreSQL.trimmed(PostgreSQL.text(pq.PQresultErrorMessage!(result))), state: state)
        }
    }

    private func failure() -> Failure {
        Failure(description: PostgreSQL.trimmed(PostgreSQL.text(pq.PQerrorMessage!(connection))))
    }

    /// A value written as an SQL identifier.
    static func identifier(_ name: String) -> String { "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" }
}

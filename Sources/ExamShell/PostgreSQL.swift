import Glibc
import CLibPQ

/// One connection to a PostgreSQL server through libpq: statements with parameters, and COPY
/// in and out. The address is libpq's (`postgresql://HOST/DB`, or `service=NAME`), and libpq's
/// conventions fill in the rest (PGHOST, PGUSER, ~/.pgpass, service files, sslmode).
final class PostgreSQL {
    private let connection: OpaquePointer

    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The SQLSTATE the server gave, when it gave one (`42501`: not allowed).
        var state: String?
        /// In `executeAll`, how many of the statements had completed before this one failed.
        var completed = 0
    }

    init(_ address: String) throws {
        guard let c = PQconnectdb(address) else { throw Failure(description: "cannot start a connection to \(address): out of memory") }
        guard PQstatus(c) == CONNECTION_OK else {
            let message = PostgreSQL.trimmed(String(cString: PQerrorMessage(c)))
            PQfinish(c)
            throw Failure(description: "cannot connect to \(PostgreSQL.redacted(address)): \(message)")
        }
        connection = c
        _ = try execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(connection) }

    /// The address with any password in it hidden, for messages.
    static func redacted(_ address: String) -> String {
        guard let scheme = address.firstRange(of: "://"), let at = address[scheme.upperBound...].firstIndex(of: "@"),
              let colon = address[scheme.upperBound..<at].firstIndex(of: ":") else { return address }
        return String(address[..<colon]) + ":***" + String(address[at...])
    }

    static func trimmed(_ message: String) -> String {
        var m = message
        while m.last == "\n" || m.last == " " { m.removeLast() }
        if m.hasPrefix("ERROR:  ") { m.removeFirst(8) }
        return m
    }

    /// The login this connection is: the server's `session_user`.
    var login: String { (try? execute("SELECT session_user").first?[0]) .flatMap { $0 } ?? "?" }

    /// Runs one statement (or, without parameters, several separated by `;`) and returns its
    /// rows, each cell as text or nil for NULL.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(connection, sql)
        } else {
            var copies = parameters.map { $0.map { strdup($0) } ?? nil }
            defer { for p in copies { free(p) } }
            result = copies.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                    PQexecParams(connection, sql, Int32(parameters.count), nil, $0, nil, nil, 0)
                }
            }
        }
        defer { PQclear(result) }
        try check(result, PGRES_COMMAND_OK, PGRES_TUPLES_OK)
        var rows: [[String?]] = []
        let count = PQntuples(result), width = PQnfields(result)
        rows.reserveCapacity(Int(count))
        for r in 0..<count {
            rows.append((0..<width).map { f in PQgetisnull(result, r, f) == 1 ? nil : String(cString: PQgetvalue(result, r, f)) })
        }
        return rows
    }

    /// Runs several statements separated by `;` in one round trip; each one's rows. Values go in
    /// as `literal`s. A failure stops the rest, and says how many had completed.
    func executeAll(_ sql: String) throws -> [[[String?]]] {
        guard PQsendQuery(connection, sql) == 1 else { throw failure() }
        var all: [[[String?]]] = []
        var failed: Failure?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            if failed != nil { continue }
            do {
                try check(result, PGRES_COMMAND_OK, PGRES_TUPLES_OK)
                let count = PQntuples(result), width = PQnfields(result)
                all.append((0..<count).map { r in (0..<width).map { f in PQgetisnull(result, r, f) == 1 ? nil : String(cString: PQgetvalue(result, r, f)) } })
            } catch var f as Failure {
                f.completed = all.count
                failed = f
            }
        }
        if let failed { throw failed }
        if PQstatus(connection) != CONNECTION_OK { throw failure() }
        return all
    }

    /// `text` as an SQL string literal, escaped by libpq for this connection.
    func literal(_ text: String) -> String {
        guard let escaped = PQescapeLiteral(connection, text, text.utf8.count) else { return "NULL" }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    /// `COPY ... FROM STDIN`, sending `data`.
    func copyIn(_ sql: String, _ data: [UInt8]) throws {
        let start = PQexec(connection, sql)
        defer { PQclear(start) }
        try check(start, PGRES_COPY_IN)
        let sent = data.withUnsafeBufferPointer { b in
            b.baseAddress.map { base in base.withMemoryRebound(to: CChar.self, capacity: b.count) { PQputCopyData(connection, $0, Int32(b.count)) } } ?? 1
        }
        guard sent == 1, PQputCopyEnd(connection, nil) == 1 else { throw failure() }
        let end = PQgetResult(connection)
        defer { PQclear(end); while let more = PQgetResult(connection) { PQclear(more) } }
        try check(end, PGRES_COMMAND_OK)
    }

    /// `COPY ... TO STDOUT`: the bytes the server sends.
    func copyOut(_ sql: String) throws -> [UInt8] {
        let start = PQexec(connection, sql)
        defer { PQclear(start) }
        try check(start, PGRES_COPY_OUT)
        var out: [UInt8] = []
        var buffer: UnsafeMutablePointer<CChar>?
        while true {
            let n = PQgetCopyData(connection, &buffer, 0)
            if n < 0 { break }
            if let buffer {
                buffer.withMemoryRebound(to: UInt8.self, capacity: Int(n)) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(n))) }
                PQfreemem(buffer)
            }
        }
        let end = PQgetResult(connection)
        defer { PQclear(end); while let more = PQgetResult(connection) { PQclear(more) } }
        try check(end, PGRES_COMMAND_OK)
        return out
    }

    private func check(_ result: OpaquePointer?, _ wanted: ExecStatusType...) throws {
        guard let result else { throw failure() }
        guard wanted.contains(PQresultStatus(result)) else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            throw Failure(description: PostgreSQL.trimmed(String(cString: PQresultErrorMessage(result))), state: state)
        }
    }

    private func failure() -> Failure {
        Failure(description: PostgreSQL.trimmed(String(cString: PQerrorMessage(connection))))
    }

    /// A value written as an SQL identifier.
    static func identifier(_ name: String) -> String { "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" }
}

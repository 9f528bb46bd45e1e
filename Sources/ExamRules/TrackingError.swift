/// Why a tracking change was refused. Nothing was changed.
package struct TrackingError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}

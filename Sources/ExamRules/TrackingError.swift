/// Why a tracking change was refused. Nothing was changed.
public struct TrackingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

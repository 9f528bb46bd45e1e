import Glibc

/// Writing to the standard streams without naming C's `stdout` and `stderr`, which Swift 6
/// treats as unsafe shared state.
enum StandardStreams {
    /// Writes `text` to standard error at once (it is not buffered).
    static func writeError(_ text: String) {
        flushOutput()
        var text = text
        text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let count = write(STDERR_FILENO, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                written += count
            }
        }
    }

    /// Sends what `print` has buffered to standard output.
    static func flushOutput() {
        fflush(nil)
    }
}

/// exq's version: `exq --version`, the man page and the completion scripts read it here.
package enum ExqVersion {
    package static let string = "1.0.0"
}

// swift-tools-version:6.0
import PackageDescription

// The benchmark harness, a package of its own so that `swift test` in the root never builds it.
// Run it in release: swift run -c release --package-path Benchmarks exq-bench --help
let package = Package(
    name: "exq-benchmarks",
    dependencies: [
        .package(name: "exq", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "exq-bench",
            dependencies: [.product(name: "ExamKit", package: "exq")]
        ),
    ],
    // Swift 5 mode: a single-threaded harness that writes through C stdio globals.
    swiftLanguageModes: [.v5]
)

// swift-tools-version:6.0
import PackageDescription

// Imports run one way: exq → ExamShell → ExamQuery → ExamRules → ExamStore.
// ExamDemo (the built-in demo centre and the pack generator) sits beside ExamRules on ExamStore.
// ExamWorkbook (Excel .xlsx files in and out, on ZIPFoundation and Foundation's XML parser) sits on
// ExamStore, linked only into exq-xlsx, the helper exq runs for workbooks: Foundation would add
// milliseconds to every exq start. ExamStore reads a workbook through the reader it is handed.
let package = Package(
    name: "exq",
    products: [
        .executable(name: "exq", targets: ["exq"]),
        .executable(name: "exq-xlsx", targets: ["exq-xlsx"]),
        // For the nested Benchmarks package (kept out of `swift test`), which depends on this one by path.
        .library(name: "ExamKit", targets: ["ExamShell", "ExamQuery", "ExamRules", "ExamDemo", "ExamStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libpq's header only: the library is opened when a shared workspace is (Sources/CLibPQ/shim.h).
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"])]
        ),
        // glibc's malloc.h, for mallopt (Sources/CMalloc/shim.h).
        .systemLibrary(name: "CMalloc"),
        .target(name: "ExamStore"),
        .target(name: "ExamRules", dependencies: ["ExamStore"]),
        .target(name: "ExamDemo", dependencies: ["ExamStore"]),
        .target(name: "ExamQuery", dependencies: ["ExamRules", "ExamStore"]),
        .target(name: "ExamWorkbook", dependencies: ["ExamStore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ExamShell", dependencies: ["ExamQuery", "ExamRules", "ExamDemo", "ExamStore", "CEditLine", "CLibPQ", "CMalloc"]),
        .executableTarget(
            name: "exq",
            dependencies: ["ExamShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "exq-xlsx", dependencies: ["ExamWorkbook", "ExamStore"]),
        .testTarget(name: "ExamStoreTests", dependencies: ["ExamStore"]),
        .testTarget(name: "ExamDemoTests", dependencies: ["ExamDemo", "ExamStore"]),
        .testTarget(name: "ExamRulesTests", dependencies: ["ExamRules", "ExamDemo", "ExamStore"]),
        .testTarget(name: "ExamQueryTests", dependencies: ["ExamQuery", "ExamRules", "ExamDemo", "ExamStore"]),
        .testTarget(name: "ExamWorkbookTests", dependencies: ["ExamWorkbook", "ExamStore"], exclude: ["Fixtures"]),
        .testTarget(name: "ExamShellTests", dependencies: ["exq", "exq-xlsx", "ExamShell", "ExamDemo", "ExamStore"]),
    ],
    swiftLanguageModes: [.v6]
)

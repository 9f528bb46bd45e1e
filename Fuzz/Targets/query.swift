import ExamStore
import ExamDemo
import ExamQuery

/// The demo centre, made once per fuzzing process.
nonisolated(unsafe) let demo = DemoCentre.make()
nonisolated(unsafe) let today = Day(year: 2024, month: 8, day: 21)!

/// One input: a statement as text. Lexes and parses it; when it parses and saves nothing, runs it
/// on the demo centre and renders the answer in every format. An error only has to render.
@_cdecl("LLVMFuzzerTestOneInput")
public func queryFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceText(text)
    do {
        var parser = try Parser(source)
        let pipeline = try parser.pipeline()
        for stage in pipeline.stages { if case .save = stage { return 0 } }
        let evaluator = Evaluator(store: demo, today: today, series: nil, source: source)
        let output = try evaluator.run(pipeline)
        for w in evaluator.warnings { _ = w.description }
        if case .table(let table, _) = output {
            for format in OutputFormat.allCases { _ = format.render(table, maxRows: 50, width: 80, dates: .iso) }
        }
    } catch {
        _ = error.description
    }
    return 0
}

import ExamDemo

/// The demo centre's own description, for `help demo`.
enum DemoDescription {
    static var text: String { DemoCentre.description }
}

import Testing
@testable import ExamShell

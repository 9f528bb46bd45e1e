import Testing
@testable import ExamStore

import Testing
@testable import ExamQuery

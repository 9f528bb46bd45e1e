import Testing
@testable import ExamRules

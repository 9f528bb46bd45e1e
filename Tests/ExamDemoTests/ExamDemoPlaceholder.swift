import Testing
@testable import ExamDemo

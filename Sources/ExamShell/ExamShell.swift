import ExamStore

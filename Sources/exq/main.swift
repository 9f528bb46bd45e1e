import ExamShell

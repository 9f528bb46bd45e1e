import ExamShell
import Glibc

// Temporary, on the terminal branch only: runs the interactive loop on the echo host until the
// real Session exists. `--keep-going` keeps a piped run going after a failed statement.
let keepGoing = CommandLine.arguments.contains("--keep-going")
exit(InteractiveLoop.standard(host: EchoHost(), keepGoing: keepGoing).run())

import ExamStore
import ExamWorkbook
import Foundation

// exq's workbook helper: reads and writes Excel .xlsx files for exq, which runs it when a pack
// file, a broadsheet or a saved answer is a workbook. It links ZIPFoundation and Foundation's XML
// parser so that exq itself starts without them. Not meant to be run by hand:
//
//     exq-xlsx read NAME   < workbook            > the first sheet (SheetCoding), or a problem (exit 1)
//     exq-xlsx write       < a sheet (SheetCoding) > the workbook
//
// NAME names the workbook in problems. Exit status 2: used wrongly.

let input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "read" where arguments.count == 3:
    do {
        let sheet = try Workbook.firstSheet(input, path: arguments[2])
        FileHandle.standardOutput.write(Data(SheetCoding.encode(sheet)))
    } catch {
        FileHandle.standardOutput.write(Data(SheetCoding.encode(error)))
        exit(1)
    }
case "write" where arguments.count == 2:
    guard let sheet = SheetCoding.decode(input) else {
        FileHandle.standardError.write(Data("exq-xlsx: the sheet to write cannot be read\n".utf8))
        exit(2)
    }
    do {
        FileHandle.standardOutput.write(Data(try Workbook.write(sheet)))
    } catch {
        FileHandle.standardOutput.write(Data(SheetCoding.encode(Diagnostic(file: "", line: 1, column: 1, message: "\(error)", cell: ""))))
        exit(1)
    }
default:
    FileHandle.standardError.write(Data("usage: exq-xlsx read NAME < workbook, or exq-xlsx write < sheet (run by exq)\n".utf8))
    exit(2)
}

import ExamStore
import ExamQuery

/// `help` and `help TOPIC`: the stages of a query and the rules, in the exams office's words.
/// Commands bring their own help (`CommandRegistry`); this holds what is not a command.
enum Help {
    static let topics: [(name: String, summary: String, body: String)] = [
        ("where", "keep the rows that meet a condition", """
            where CONDITION
              entries | where at_risk
              reviews | where consent is blank and service != "3"
              reviews | where due and deadline in this week
              results | where grade in ("X", "Q")
            Conditions: = != < <= > >=, and, or, not, in (a, b), contains, starts with,
            is blank, is not blank, and date ranges: in this week, next week, last 7 days.
            """),
        ("sort", "order the rows", "sort FIELD [desc], ...\n  entries | where at_risk | sort surname, forenames\n  reviews | sort deadline, days_left desc"),
        ("show", "choose and compute columns", "show FIELD [as NAME], ...\n  reviews | show id, candidate.surname, qualification.title, deadline - today as days\n  entries | show candidate, surname, glh_achieved, glh_required"),
        ("first", "keep the first N rows", "first N\n  results | sort mark desc | first 10"),
        ("count", "count rows, or count by groups with each group's share", "count | count by FIELD, ...\n  entries | where at_risk | count\n  results | count by qualification, grade"),
        ("distinct", "the distinct values of fields", "distinct FIELD, ...\n  entries | distinct completion"),
        ("summarise", "measures over groups: count, sum, avg, min, max, share", """
            summarise MEASURE [as NAME], ... [by FIELD, ...]
            Measures: count, count distinct FIELD, sum(FIELD), avg(FIELD), min(FIELD), max(FIELD),
            share(CONDITION) (the percentage of rows for which it holds). Blanks are not counted:
            avg of no values is blank. Groups come in the order count by gives them; numbers show
            two decimals in tables and are exact in csv and json.
              results | where graded | summarise count, share(grade >= 4) as "4+", avg(points) by qualification
              reviews | summarise sum(fee), count by service
              results | where qualification = "J560" and graded | summarise share(grade >= 4) by candidate.group
            """),
        ("save", "write the answer to a file (.csv, .json, .md or .xlsx)", "save FILE\n  entries | where at_risk | save at_risk.csv"),
        ("grades", "grade distribution with cumulative percentages and national figures", "grades\n  results | where qualification = \"J560\" | grades"),
        ("chart", "a bar chart of a distribution", "chart [FIELD]\n  results | where qualification = \"J560\" | grades | chart\n  entries | where at_risk | chart qualification"),
        ("scripts", "scripts, narration and walkthroughs", """
            One statement a line; a line ending in | continues; # comments; ## narration.
            A practice task: ?? the question, = the statement that answers it, ?hint a hint.
              exq --demo Examples/course/03-a-level-results-day.exq          run it
              exq --demo --step Examples/course/03-a-level-results-day.exq   walk through it (Enter runs,
                                                              s skips, q quits, or type a statement to run it first)
              exq --demo --practice Examples/course/01-june-at-risk.exq
                                                              answer its tasks (hint, show, skip)
              exq --demo --check Examples/*.exq               check the expectations in each
            """),
        ("rules", "eligibility, deadlines and missing results, as exq applies them", """
            Eligibility (the Progress Tracker's Not Eligible reasons), for entries whose estimated
            completion is the current series, judged on the rows of that series: a row of a later
            series never counts; a claimed or entered row counts only in its own series (an older
            one is stale). For each unit the candidate's best counting row counts:
            achieved (not U) > in progress (claimed or entered) > absent > achieved with U > no row.
              No activity                              no counting row for any unit (then the only reason)
              Mandatory unit not yet achieved          a mandatory unit's best row is no row, a U or absent
              Absent from a mandatory examined unit    a mandatory exam unit's best row is absent this series
              Not enough guided learning hours (GLH)   hours achieved or in progress below the qualification's
            at_risk: any reason, and the centre has not acknowledged the entry.
            not_eligible: any reason, acknowledged or not (no result by design, so never missing_result).
            lacks_mandatory: No activity or Mandatory unit not yet achieved, acknowledged or not.
            Deadlines: the service's calendar event whose applies_to fits the qualification (its entry
            code, then its type, then its level, then all); a preliminary appeal 30 days after the
            review's outcome, an appeal hearing 14 days after the preliminary appeal's outcome.
            due: not submitted and the deadline not passed; overdue: not submitted after it.
            Missing result: completing this series, not Not Eligible, results for its level have arrived (restricted
            release, or results day) and there is no result. X (no result) and Q (pending) are
            results to chase, not missing.
            Grades are compared, sorted and counted on their qualification's scale, best first:
              GCSE 9 .. 1, U; Combined Science 9-9, 9-8 .. 1-1, U; A level A*, A .. E, U; AS A .. E, U;
              Cambridge Nationals L2D* .. L1P, U; Cambridge Technicals D*, D, M, P, U (Diploma DD,
              Extended Diploma DDD, ...); units D, M, P, R, U.
              grade >= 4 is 4 or better; X and Q never satisfy <, <=, >, >= and sort after U.
              results | where qualification = "H240" and grade >= "B" | count
            """),
        ("embargo", "who may see results when, and the audit log", """
            From restricted release (00:01 the day before results day) until 08:00 on results day,
            a series' results are confidential to the head of centre, the exams office and senior
            leaders. exq follows the calendar's results_day for each qualification (level 3 and
            GCSE differ); Cambridge Technicals results are never under embargo.
              --role exams-officer | senior-leader | teacher   (or role = teacher in DIR/settings)
              --time 07:30, or set time 07:30                 the time of day (default: the real time)
            For a teacher the embargo fails closed: a result is left out while the real clock or
            the session's clock says it is embargoed, or while no calendar gives its results day
            (add a results_day row to calendar.csv). Every answer, warning, completion, why,
            statement and file leaves it out; answers say how many. --role may lower the
            workspace's role, never raise it; set role teacher sees as a teacher, and set role
            goes back no higher than the session's own role. Every read of embargoed results by the others is
            written to DIR/audit.log in the workspace: when, the account, the role, both clocks,
            the statement. The role is a setting, not a password: keep the workspace and packs
            readable only by those entitled to them.
              results | where qualification = "J560" | count
            """),
        ("demo-centre", "what the built-in demo centre holds", ""),
        ("formats", "how answers are written", "--format table|csv|json|markdown, or set format csv.\nTables show 50 rows and say how many more; csv, json and markdown show all."),
    ]

    static func text(for topic: String) -> String {
        let typed = topic.lowercased().split(separator: " ").joined(separator: " ")
        let t = ["count by": "count", "step": "scripts", "check": "scripts", "walkthrough": "scripts"][typed] ?? typed
        if t.isEmpty {
            var out = "exq answers exam-cycle questions. A question is a pipeline:\n"
            out += "  COLLECTION | STAGE | STAGE ...     e.g. entries | where at_risk | sort surname\n\n"
            out += TextLayout.wrapped("Collections: " + Collection.allCases.map(\.rawValue).joined(separator: ", "), hanging: 13) + "\n"
            let stages = topics.filter { Parser.stageNames.contains($0.name) }, others = topics.filter { !Parser.stageNames.contains($0.name) }
            let commands = CommandRegistry.all.filter { $0.words[0] != "exit" }
            let width = max(commands.map(\.name.count).max() ?? 0, topics.map(\.name.count).max() ?? 0, "set NAME = VALUE".count)
            // The list fits 80 columns: a long summary wraps under where summaries start.
            func line(_ name: String, _ summary: String) -> String {
                TextLayout.wrapped("  " + name + String(repeating: " ", count: width - name.count) + "  " + summary, hanging: width + 4)
            }
            out += "Stages:\n" + stages.map { line($0.name, $0.summary) }.joined()
            out += "\nCommands:\n" + commands.map { line($0.name == "set" ? "set NAME = VALUE" : $0.name, $0.summary) }.joined()
            out += "\nTopics:\n" + others.map { line($0.name, $0.summary) }.joined()
            out += "\nhelp TOPIC shows one with examples; describe COLLECTION lists its fields.\n"
            return out
        }
        if t == "demo-centre" || t == "demo centre" { return DemoDescription.text + "\n" }
        if let found = topics.first(where: { $0.name == t }) { return page(found.name, found.summary, found.body) }
        // A family (help set, help add) shows each of its commands.
        let family = CommandRegistry.all.filter { $0.words[0] == t && $0.words.count > 1 }
        if !family.isEmpty { return CommandRegistry.all.filter { $0.words[0] == t }.map(page).joined(separator: "\n") }
        if let info = CommandRegistry.lookup(t) { return page(info) }
        if let c = Collection(rawValue: t) { return "\(c.rawValue): \(c.meaning). See: describe \(c.rawValue)\n" }
        let names = topics.map(\.name) + CommandRegistry.all.map(\.name) + CommandRegistry.settings
        let note = Suggestions.note(for: t, in: names) ?? "help lists the topics"
        return "No help on '\(topic)': \(note)\n"
    }

    static func page(_ info: CommandInfo) -> String {
        page(info.name, info.summary, info.synopsis + "\n" + info.help)
    }

    static func page(_ name: String, _ summary: String, _ body: String) -> String {
        "\(name): \(summary)\n" + body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}

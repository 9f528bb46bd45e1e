import ExamStore
import ExamQuery

/// `help` and `help TOPIC`: every command and stage with a runnable example, and the rules in
/// the exams office's words.
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
        ("save", "write the answer to a file (.csv, .json or .md)", "save FILE\n  entries | where at_risk | save at_risk.csv"),
        ("grades", "grade distribution with cumulative percentages and national figures", "grades\n  results | where qualification = \"J560\" | grades"),
        ("chart", "a bar chart of a distribution", "chart [FIELD]\n  results | where qualification = \"J560\" | grades | chart\n  entries | where at_risk | chart qualification"),
        ("let", "name a query to use as a source", "let NAME = QUERY\n  let atrisk = entries | where at_risk\n  atrisk | count by qualification"),
        ("set", "the clock, the series, the format, rows shown, parameters, completion", """
            set today 2024-08-22        the clock for today, this week, due, overdue (set today real: the real date)
            set series "Summer 2024"    the current series (set series auto: from the calendar)
            set format csv              table, csv, json or markdown
            set rows all                rows a table shows (default 50)
            set grade = "U"             a parameter, used as $grade: results | where grade = $grade
            set completion 0042 05839 "Summer 2025"   move an entry's estimated completion
            """),
        ("describe", "the fields of a collection, with their meaning", "describe COLLECTION\n  describe entries"),
        ("load", "load a data pack folder (replaces what is loaded; all or nothing)", "load DIR\n  load packs/riverside"),
        ("why", "explain a candidate's eligibility unit by unit, and their deadlines", "why CANDIDATE\n  why 0042\n  why Hassan"),
        ("statement", "a provisional statement of results", "statement CANDIDATE | statements to DIR\n  statement 0042\n  statements to statements-2024"),
        ("acknowledge", "acknowledge an at-risk entry, as the Progress Tracker allows", "acknowledge CANDIDATE QUALIFICATION | unacknowledge ...\n  acknowledge 0042 05839"),
        ("reviews", "log and track post-results requests", """
            add review CANDIDATE QUALIFICATION SERVICE [requested DATE] [consent DATE] [submitted DATE] [component C] [fee F] [id ID]
            update review ID set FIELD = VALUE, ...     (consent, submitted, outcome, outcome_date, new_grade, fee, component)
              add review 0042 H240 2 consent today
              update review R001 set submitted = today
              update review R001 set outcome = raised, outcome_date = 2024-09-02, new_grade = B
            Services: 1 clerical re-check, 2 review of marking, 2P priority review of marking (level 3),
            3 review of moderation, ATS, ATSP, MIR, APPEAL1, APPEAL2.
            """),
        ("export", "write the loaded data as a data pack", "export pack DIR\n  export pack riverside-pack"),
        ("demo", "replace what is loaded with the built-in demo centre", "demo\n  demo\n(help demo-centre says what it holds)"),
        ("certificates", "record certificates received, issued or destroyed", "update certificate CANDIDATE QUALIFICATION [SERIES] set received|issued|destroyed = DATE, ...\n  update certificate 0005 05838 set issued = today"),
        ("expect", "check the last answer in a script (training checkpoints, guarded analyses)", """
            expect rows = 3            expect rows > 0            expect value = "M"
            expect result              then the answer as CSV, indented, on the lines below
              id
              R004
            A failed expectation is an error at the script's line; exq --check FILE... runs scripts and says which pass.
            """),
        ("save session", "write this session's statements that succeeded as a replayable script", "save session FILE.exq\n  save session results-day.exq\nThen exq results-day.exq prints what the session printed."),
        ("record", "add each statement that succeeds to a script from now on", "record FILE.exq\n  record training.exq"),
        ("open", "open (or create) a workspace: every change is journaled there and replayed on opening", "open DIR | compact\n  open results-2024\n  compact\ncompact rewrites the journal as the shortest script giving the same state.\nStart with one: exq --workspace results-2024 --demo"),
        ("scripts", "scripts, narration and walkthroughs", """
            One statement a line; a line ending in | continues; # comments; ## narration.
              exq --demo Examples/results-season.exq          run it
              exq --demo --step Examples/results-season.exq   walk through it (Enter runs, s skips, q quits)
              exq --demo --check Examples/*.exq               check the expectations in each
            """),
        ("run", "run a script of statements", "run FILE\n  run Examples/restricted-release.exq"),
        ("rules", "eligibility, deadlines and missing results, as exq applies them", """
            Eligibility (the Progress Tracker's Not Eligible reasons), for entries whose estimated
            completion is the current series. For each unit the candidate's best row counts:
            achieved (not U) > in progress (claimed or entered) > absent > achieved with U > no row.
              no activity                   no row at all for any unit (then the only reason)
              mandatory unit not achieved   a mandatory unit's best row is no row or a U
              absent from mandatory exam    a mandatory exam unit's best row is absent
              not enough GLH                hours of units achieved or in progress below the qualification's
            at_risk: any reason, and the centre has not acknowledged the entry.
            lacks_mandatory: no activity or a mandatory unit not achieved, acknowledged or not.
            Deadlines: the service's calendar event whose applies_to fits the qualification (its entry
            code, then its type, then its level, then all); a preliminary appeal 30 days after the
            review's outcome, an appeal hearing 14 days after the preliminary appeal's outcome.
            due: not submitted and the deadline not passed; overdue: not submitted after it.
            Missing result: completing this series, results for its level have arrived (restricted
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
            A teacher's queries leave embargoed results out and say how many; why leaves them out;
            statement refuses until release. Every read of embargoed results by the others is
            written to DIR/audit.log in the workspace: when, who, the role, the clock, the statement.
            The role is a setting, not a password: keep the workspace and packs readable only by
            those entitled to them.
              results | where qualification = "J560" | count
            """),
        ("demo-centre", "what the built-in demo centre holds", ""),
        ("formats", "how answers are written", "--format table|csv|json|markdown, or set format csv.\nTables show 50 rows and say how many more; csv, json and markdown show all."),
    ]

    static func text(for topic: String, session: Session) -> String {
        let t = topic.lowercased().trimmingSpaces()
        if t.isEmpty {
            var out = "exq answers exam-cycle questions. A question is a pipeline:\n"
            out += "  COLLECTION | STAGE | STAGE ...      e.g. entries | where at_risk | sort surname\n\n"
            out += "Collections: " + Collection.allCases.map(\.rawValue).joined(separator: ", ") + "\n\n"
            let width = topics.map(\.name.count).max() ?? 0
            for (name, summary, _) in topics {
                out += "  " + name + String(repeating: " ", count: width - name.count) + "  " + summary + "\n"
            }
            out += "\nhelp TOPIC shows one with examples; describe COLLECTION lists its fields.\n"
            return out
        }
        if t == "demo-centre" || t == "demo centre" { return DemoDescription.text + "\n" }
        let key = ["add": "reviews", "update": "reviews", "review": "reviews", "unacknowledge": "acknowledge",
                   "statements": "statement", "count by": "count", "compact": "open", "workspace": "open",
                   "certificate": "certificates", "step": "scripts", "check": "scripts", "walkthrough": "scripts"][t] ?? t
        if let found = topics.first(where: { $0.name == key }) {
            return "\(found.name): \(found.summary)\n" + found.body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        if let c = Collection(rawValue: t) { return "\(c.rawValue): \(c.meaning). See: describe \(c.rawValue)\n" }
        let note = Suggestions.note(for: t, in: topics.map(\.name)) ?? "help lists the topics"
        return "No help on '\(topic)': \(note)\n"
    }
}

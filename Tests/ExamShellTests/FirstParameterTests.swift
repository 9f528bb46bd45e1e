import Testing

/// `first $n`: how many rows a parameter says, checked as a whole number.
struct FirstParameterTests {
    @Test func firstTakesAParameter() throws {
        let o = try ExqProcess.run(["--demo", "--set", "n=3", "-c", "candidates | first $n | count"])
        #expect(o.status == 0)
        #expect(o.stdout == "3\n")
    }

    @Test func aParameterThatIsNoWholeNumberIsAnErrorAtIt() throws {
        let o = try ExqProcess.run(["--demo", "-c", "set n = \"ten\"", "-c", "candidates | first $n"])
        #expect(o.status == 1)
        #expect(o.stderr.contains("exq:1:20: error: first needs a whole number of rows (0 or more), and $n is not one"))
        let unset = try ExqProcess.run(["--demo", "-c", "candidates | first $m"])
        #expect(unset.stderr.contains("exq:1:20: error: parameter '$m' is not set"))
    }
}

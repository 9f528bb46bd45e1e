import ExamStore

/// "Did you mean ...?" for misspelt fields, collections and keywords, in a diagnostic's words.
/// The distance itself is the importer's `Suggestion`, so one rule decides what is a slip.
package enum Suggestions {
    /// The closest of `candidates` to `word`, when it is close enough to be a likely slip.
    /// One- and two-letter words are too short for a slip to be told from another word.
    package static func closest(to word: String, in candidates: [String]) -> String? {
        guard word.count >= 3 else { return nil }
        return Suggestion.closest(to: word, among: candidates)
    }

    /// The note line for a diagnostic, or nil.
    package static func note(for word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }
}

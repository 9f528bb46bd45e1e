/// "Did you mean ...?": the closest of some known names to a name that was not found.
package enum Suggestion {
    /// The candidate nearest to `word` by edit distance (ignoring case), when it is close enough to
    /// be a likely slip: at most 1 edit for short words, 2 for words of 5 characters or more.
    /// Ties go to the first in `candidates`.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased())
        guard !w.isEmpty else { return nil }
        let limit = w.count >= 5 ? 2 : 1
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            if abs(c.count - w.count) > limit || c == w && candidate == word { continue }
            let d = distance(w, c)
            if d <= limit && (best == nil || d < best!.1) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit.
    package static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, previous2[j - 2] + 1) }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

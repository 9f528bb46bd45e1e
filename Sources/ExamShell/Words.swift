/// Splits a command's arguments into words: spaces separate, quotes keep spaces inside
/// (`set completion 0042 05839 "Summer 2025"`).
enum Words {
    static func split(_ text: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" || c == "\n" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

/// "Did you mean" for mistyped keys, ids and choices.
public enum Suggestions {
    /// Up to `limit` candidates close to `word`, closest first.
    public static func closeMatches(_ word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        let budget = max(1, min(3, target.count / 3))
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            // A dotted key given without its prefix ("mfu" for "gpu.mfu").
            if let dot = candidate.lastIndex(of: "."), candidate[candidate.index(after: dot)...].lowercased() == word.lowercased() {
                scored.append((0, candidate))
                continue
            }
            // A word cut short ("discount" for "discount_rate") is a close match too.
            if target.count >= 4, other.starts(with: target) || target.starts(with: other) {
                scored.append((1, candidate))
                continue
            }
            guard abs(other.count - target.count) <= budget else { continue }
            let distance = editDistance(target, other, cap: budget)
            if distance <= budget { scored.append((distance, candidate)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
        return scored.prefix(limit).map(\.candidate)
    }

    /// `; did you mean x?` or, with a short fallback list, `; expected one of a, b, c`.
    static func didYouMean(_ word: String, among candidates: [String], fallback: [String] = []) -> String {
        let matches = closeMatches(word, among: candidates)
        if !matches.isEmpty {
            return "; did you mean " + matches.joined(separator: " or ") + "?"
        }
        if !fallback.isEmpty && fallback.count <= 14 {
            return "; expected one of " + fallback.joined(separator: ", ")
        }
        return ""
    }

    /// Edit distance (with transpositions), giving up (returning cap + 1) once it must exceed `cap`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Optimal string alignment: a swapped pair of letters ("drak") costs one edit.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > cap { return cap + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

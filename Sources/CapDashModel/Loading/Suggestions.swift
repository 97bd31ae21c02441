/// "Did you mean" for mistyped keys, ids and choices.
public enum Suggestions {
    /// Up to `limit` candidates close to `word`, closest first.
    public static func closeMatches(_ word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        let budget = max(1, min(3, target.count / 3))
        var scored: [(distance: Int, candidate: String)] = []
        // One buffer for every candidate: a million ids must not mean a million allocations.
        var other: [Unicode.Scalar] = []
        var scratch = EditDistanceRows()
        for candidate in candidates {
            folded(candidate, into: &other)
            // A dotted key given without its prefix ("mfu" for "gpu.mfu").
            if let dot = other.lastIndex(of: "."), other[(dot + 1)...].elementsEqual(target) {
                scored.append((0, candidate))
                continue
            }
            // A word cut short ("discount" for "discount_rate") is a close match too,
            // after one a letter away ("site-19x" is site-19 or site-190 before site-1).
            if target.count >= 4, other.starts(with: target) || target.starts(with: other) {
                scored.append((abs(other.count - target.count) <= 1 ? 1 : 2, candidate))
                continue
            }
            guard abs(other.count - target.count) <= budget else { continue }
            let distance = editDistance(target, other, cap: budget, rows: &scratch)
            if distance <= budget { scored.append((distance, candidate)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
        return scored.prefix(limit).map(\.candidate)
    }

    /// `text` lowercased, scalar by scalar, into a reused buffer (ASCII without building strings).
    private static func folded(_ text: String, into buffer: inout [Unicode.Scalar]) {
        buffer.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                buffer.append((65...90).contains(value) ? Unicode.Scalar(value + 32)! : scalar)
            } else {
                buffer.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
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

    /// The three rows of the edit-distance table, kept between calls.
    struct EditDistanceRows {
        var beforePrevious: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []
    }

    /// Edit distance (with transpositions), giving up (returning cap + 1) once it must exceed `cap`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        var rows = EditDistanceRows()
        return editDistance(a, b, cap: cap, rows: &rows)
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int, rows: inout EditDistanceRows) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Optimal string alignment: a swapped pair of letters ("drak") costs one edit.
        rows.beforePrevious.removeAll(keepingCapacity: true)
        rows.beforePrevious.append(contentsOf: repeatElement(0, count: b.count + 1))
        rows.previous.removeAll(keepingCapacity: true)
        rows.previous.append(contentsOf: 0...b.count)
        rows.current.removeAll(keepingCapacity: true)
        rows.current.append(contentsOf: repeatElement(0, count: b.count + 1))
        for i in 1...a.count {
            rows.current[0] = i
            var rowMinimum = rows.current[0]
            for j in 1...b.count {
                let substitution = rows.previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                rows.current[j] = min(substitution, rows.previous[j] + 1, rows.current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows.current[j] = min(rows.current[j], rows.beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, rows.current[j])
            }
            if rowMinimum > cap { return cap + 1 }
            swap(&rows.beforePrevious, &rows.previous)
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[b.count]
    }
}

/// Interprets raw fields as the scenario format's types, collecting every
/// problem as a positioned diagnostic instead of stopping at the first.
struct FieldReader {
    let file: String
    /// The scenario's currency: money may carry its symbol (`€300M` in a EUR scenario).
    var currency = "USD"
    private(set) var errors: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []

    /// More errors than anyone reads; past this the list ends with a count.
    static let errorLimit = 200

    init(file: String) {
        self.file = file
    }

    mutating func error(_ position: SourcePosition?, _ keyPath: String, _ message: String) {
        errors.append(.error(file: file, at: position, keyPath, message))
    }

    mutating func warning(_ position: SourcePosition?, _ keyPath: String, _ message: String) {
        warnings.append(.warning(file: file, at: position, keyPath, message))
    }

    mutating func absorb(_ other: FieldReader) {
        errors += other.errors
        warnings += other.warnings
    }

    var hasTooManyErrors: Bool { errors.count > Self.errorLimit }

    // MARK: Types

    /// Longer text is refused: no name or note needs it, and it would only slow every screen.
    static let textLimit = 65_536

    mutating func text(_ field: RawField, _ path: @autoclosure () -> String, what: String = "text") -> String? {
        switch field.content {
        case .text(let text, _):
            guard text.utf8.count <= Self.textLimit else {
                error(field.position, path(), "text of \(text.utf8.count) bytes; the limit is \(Self.textLimit)")
                return nil
            }
            return text
        default:
            error(field.position, path(), "expected \(what), found \(field.found)")
            return nil
        }
    }

    mutating func nonEmptyText(_ field: RawField, _ path: @autoclosure () -> String, what: String) -> String? {
        guard let value = text(field, path(), what: what) else { return nil }
        if value.trimmingSpaces().isEmpty {
            error(field.position, path(), "expected \(what), found an empty string")
            return nil
        }
        return value
    }

    /// Why `1e-400` is refused rather than read as 0, as `1e400` is rather than read as infinity.
    static let tooSmall = "(too small: not 0, yet it would read as 0; write 0 if you mean it)"

    /// A number; with `percent`, `30%` reads as 0.3, as analysts write rates.
    mutating func number(
        _ field: RawField, _ path: @autoclosure () -> String, expected: @autoclosure () -> String, percent: Bool = false
    ) -> Double? {
        guard case .text(var text, _) = field.content else {
            error(field.position, path(), "expected \(expected()), found \(field.found)")
            return nil
        }
        // A finite number is never one of the refused spellings below: read it once.
        if let value = Numbers.parse(text), value.isFinite { return value }
        if Numbers.isNonFiniteLiteral(text) {
            error(field.position, path(), "expected a finite number, found \(field.found)")
            return nil
        }
        if Numbers.underflows(text) {
            error(field.position, path(), "expected \(expected()), found \(field.found) \(Self.tooSmall)")
            return nil
        }
        var scale = 1.0
        if percent, let body = Self.percentBody(text) {
            text = body
            scale = 100
        }
        guard let value = Numbers.parse(text) else {
            error(field.position, path(), "expected \(expected()), found \(field.found)")
            return nil
        }
        guard value.isFinite else {
            error(field.position, path(), "expected a finite number, found \(field.found) (too large)")
            return nil
        }
        return value / scale
    }

    /// `30%` -> `30`: the number before a trailing percent sign, if there is one.
    static func percentBody(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasSuffix("%") else { return nil }
        return String(trimmed.dropLast()).trimmingSpaces()
    }

    /// A number that must satisfy `isValid`; `expected` says the rule in the message.
    mutating func number(
        _ field: RawField, _ path: @autoclosure () -> String, expected: @autoclosure () -> String, percent: Bool = false,
        hint: ((Double) -> String)? = nil, where isValid: (Double) -> Bool
    ) -> Double? {
        guard let value = number(field, path(), expected: expected(), percent: percent) else { return nil }
        guard isValid(value) else {
            error(field.position, path(), "expected \(expected()), found \(field.found)" + (hint?(value) ?? ""))
            return nil
        }
        return value
    }

    mutating func money(_ field: RawField, _ path: @autoclosure () -> String) -> Double? {
        guard case .text(let text, _) = field.content else {
            error(field.position, path(), "expected money like 450M, found \(field.found)")
            return nil
        }
        if let value = Money.parse(text), value.isFinite, value >= 0 { return value }
        if Numbers.isNonFiniteLiteral(text) {
            error(field.position, path(), "expected a finite amount, found \(field.found)")
            return nil
        }
        if Money.underflows(text) {
            error(field.position, path(), "expected money like 450M, found \(field.found) \(Self.tooSmall)")
            return nil
        }
        guard let value = Money.parse(text, currency: currency) else {
            error(field.position, path(), "expected money like \(Money.example(currency)), found \(field.found)" + Money.hint(text, currency: currency))
            return nil
        }
        guard value.isFinite else {
            error(field.position, path(), "expected a finite amount, found \(field.found) (too large)")
            return nil
        }
        guard value >= 0 else {
            error(field.position, path(), "expected money >= 0, found \(field.found)")
            return nil
        }
        return value
    }

    mutating func rate(_ field: RawField, _ path: @autoclosure () -> String) -> Double? {
        number(field, path(), expected: "a rate from 0 to 1 (like 0.21)", percent: true, hint: { value in
            value > 1 && value <= 100 ? " (\(Numbers.plain(value))% is \(Numbers.plain(value / 100)))" : ""
        }) { (0...1).contains($0) }
    }

    /// A retained stake: 0 <= s < 1 (a whole stake would be no contribution at all).
    mutating func stake(_ field: RawField, _ path: @autoclosure () -> String) -> Double? {
        number(field, path(), expected: "a stake from 0 up to (not including) 1, like 0.2", percent: true) { $0 >= 0 && $0 < 1 }
    }

    /// The spellings of true and false, case folded.
    static let booleanWords: [String: Bool] = [
        "true": true, "yes": true, "1": true, "on": true, "false": false, "no": false, "0": false, "off": false,
    ]

    mutating func bool(_ field: RawField, _ path: @autoclosure () -> String) -> Bool? {
        if case .text(let text, _) = field.content, let value = Self.booleanWords[text.trimmingSpaces().keywordFolded()] {
            return value
        }
        error(field.position, path(), "expected true or false, found \(field.found)")
        return nil
    }

    mutating func wholeNumber(_ field: RawField, _ path: @autoclosure () -> String, in range: ClosedRange<Int>, what: String) -> Int? {
        guard let value = number(field, path(), expected: "\(what) from \(range.lowerBound) to \(range.upperBound)", where: {
            $0.rounded() == $0 && Double(range.lowerBound) <= $0 && $0 <= Double(range.upperBound)
        }) else { return nil }
        return Int(value)
    }

    /// An ISO date, `2025-08-01`.
    mutating func date(_ field: RawField, _ path: @autoclosure () -> String) -> String? {
        guard case .text(let text, _) = field.content else {
            error(field.position, path(), "expected a date like 2025-08-01, found \(field.found)")
            return nil
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        {
            return text
        }
        error(field.position, path(), "expected a date like 2025-08-01, found \(field.found)")
        return nil
    }

    private func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Reports a key that is not part of the format, suggesting the close ones.
    mutating func unknownKey(_ key: String, at position: SourcePosition, parentPath: String, known: [String]) {
        let path = parentPath.isEmpty ? key : "\(parentPath).\(key)"
        error(position, path, "unknown key" + Suggestions.didYouMean(key, among: known, fallback: known))
    }
}

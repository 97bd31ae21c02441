/// The keys a facility may have, in the format doc's order; the CSV header uses the same names.
public enum FacilityKey: String, CaseIterable, Sendable {
    case id, name, region, country
    case capacityMW = "capacity_mw"
    case aiReady = "ai_ready"
    case commissioned
    case bookValue = "book_value"
    case salePrice = "sale_price"
    case annualOpex = "annual_opex"
    case annualCapex = "annual_capex"
    case disposition
    case leasebackRent = "leaseback_rent"
    /// The stake kept when contributed (docs/scenario-format.md section 6).
    case retainedStake = "retained_stake"
    /// Deal timeline (optional, see docs/scenario-format.md): when the sale should close, and how likely it is.
    case expectedClose = "expected_close"
    case closeProbability = "close_probability"

    public var isRequired: Bool {
        switch self {
        case .country, .aiReady, .commissioned, .salePrice, .leasebackRent, .retainedStake, .expectedClose, .closeProbability: false
        default: true
        }
    }

    static let names = allCases.map(\.rawValue)

    /// The key a column titled like the dashboard or a report (`Sale`, `Book`, `MW`) means.
    static func named(label: String) -> FacilityKey? {
        switch label.trimmingSpaces().lowercased() {
        case "sale", "sale price", "price": .salePrice
        case "book", "book value": .bookValue
        case "mw", "capacity", "capacity mw": .capacityMW
        case "ai", "ai-ready", "ai ready": .aiReady
        case "decision", "disp", "dispositions": .disposition
        case "opex", "annual opex": .annualOpex
        case "capex", "annual capex": .annualCapex
        case "rent", "leaseback rent": .leasebackRent
        case "stake", "retained stake": .retainedStake
        case "close", "expected close": .expectedClose
        case "probability", "close probability": .closeProbability
        default: nil
        }
    }
    /// Position in `allCases`, without building the array per lookup.
    var ordinal: Int {
        switch self {
        case .id: 0
        case .name: 1
        case .region: 2
        case .country: 3
        case .capacityMW: 4
        case .aiReady: 5
        case .commissioned: 6
        case .bookValue: 7
        case .salePrice: 8
        case .annualOpex: 9
        case .annualCapex: 10
        case .disposition: 11
        case .leasebackRent: 12
        case .retainedStake: 13
        case .expectedClose: 14
        case .closeProbability: 15
        }
    }
}

/// A facility's raw fields as the file gives them, one slot per key.
struct FacilityFields {
    private var slots = [RawField?](repeating: nil, count: FacilityKey.allCases.count)
    /// Keys copied in by a merge key, one bit per key: shared, so never edited in place.
    private var mergedKeys: UInt32 = 0

    subscript(key: FacilityKey) -> RawField? {
        get { slots[key.ordinal] }
        set { slots[key.ordinal] = newValue }
    }

    mutating func markMerged(_ key: FacilityKey) {
        mergedKeys |= 1 << UInt32(key.ordinal)
    }

    /// Where the facility's own value for `key` stands; nil when absent or merged in.
    func ownPosition(_ key: FacilityKey) -> SourcePosition? {
        mergedKeys & (1 << UInt32(key.ordinal)) != 0 ? nil : slots[key.ordinal]?.position
    }
}

/// Turns raw facility fields into facilities, checking every rule of
/// docs/scenario-format.md section 2 that concerns one facility, and ids across them.
struct FacilityCollector {
    /// The most facilities one scenario may hold: past this, memory (not
    /// patience) runs out, so the loader stops with a clear error instead.
    static let limit = 1_000_000
    private let limit: Int

    init(limit: Int = FacilityCollector.limit) {
        self.limit = limit
    }

    private(set) var facilities: [Facility] = []
    /// Where each id was first seen, for duplicates here and among developments.
    private(set) var firstPositionOfID: [String: SourcePosition] = [:]
    /// Facilities rejected so far; keeps key paths counting file order.
    private var skipped = 0

    /// Room for `count` facilities at once, rather than growing the array as they come.
    mutating func reserveCapacity(_ count: Int) {
        facilities.reserveCapacity(min(count, limit))
    }

    /// Counts an item that is not a facility at all, so later key paths keep file order.
    mutating func skip() {
        skipped += 1
    }

    /// False once the limit is passed (reported once); callers stop reading.
    @discardableResult
    mutating func add(_ fields: FacilityFields, at item: SourcePosition, reader: inout FieldReader) -> Bool {
        let index = facilities.count + skipped
        guard index < limit else {
            reader.error(item, "facilities[\(index)]", "more than \(limit) facilities; capdash handles at most \(limit) per scenario, so split the portfolio")
            return false
        }
        // Key paths are words for messages: built only when there is one.
        func path(_ key: FacilityKey) -> String { "facilities[\(index)].\(key.rawValue)" }

        for key in FacilityKey.allCases where key.isRequired && fields[key] == nil {
            reader.error(item, path(key), "missing required key '\(key.rawValue)'")
        }
        func present(_ key: FacilityKey) -> RawField? {
            guard let field = fields[key] else { return nil }
            return key.isRequired || !field.isNull ? field : nil
        }
        let errorsBefore = reader.errors.count

        let id = present(.id).flatMap { Self.readID($0, path(.id), &reader) }
        let name = present(.name).flatMap { reader.nonEmptyText($0, path(.name), what: "a facility name") }
        let region = present(.region).flatMap { reader.nonEmptyText($0, path(.region), what: "a region like US or EU") }
        let country = present(.country).flatMap { reader.text($0, path(.country), what: "a country code like US") }
        let capacity = present(.capacityMW).flatMap {
            reader.number($0, path(.capacityMW), expected: "a capacity in MW >= 0") { $0 >= 0 }
        }
        let aiReady = present(.aiReady).flatMap { reader.bool($0, path(.aiReady)) } ?? false
        let commissioned = present(.commissioned).flatMap {
            reader.wholeNumber($0, path(.commissioned), in: 1800...2200, what: "a year")
        }
        let bookValue = present(.bookValue).flatMap { reader.money($0, path(.bookValue)) }
        let salePrice = present(.salePrice).flatMap { reader.money($0, path(.salePrice)) }
        let opex = present(.annualOpex).flatMap { reader.money($0, path(.annualOpex)) }
        let capex = present(.annualCapex).flatMap { reader.money($0, path(.annualCapex)) }
        let disposition = present(.disposition).flatMap { readDisposition($0, path(.disposition), &reader) }
        let rent = present(.leasebackRent).flatMap { reader.money($0, path(.leasebackRent)) }
        let stake = present(.retainedStake).flatMap { reader.stake($0, path(.retainedStake)) }
        let expectedClose = present(.expectedClose).flatMap { reader.date($0, path(.expectedClose)) }
        let probability = present(.closeProbability).flatMap {
            reader.number($0, path(.closeProbability), expected: "a probability from 0 to 1 (like 0.8)", percent: true) { (0...1).contains($0) }
        }

        if let disposition, disposition.isSold, present(.salePrice) == nil {
            reader.error(
                fields[.disposition]?.position ?? item, path(.salePrice),
                "a \(disposition.rawValue) facility needs a sale_price")
        }
        if let id, let idField = fields[.id] {
            if let first = firstPositionOfID[id] {
                reader.error(idField.position, path(.id), "duplicate id \(Quoting.quoted(id)) (first used at line \(first.line))")
            } else {
                firstPositionOfID[id] = idField.position
            }
        }
        guard reader.errors.count == errorsBefore, let id, let name, let region, let capacity, let bookValue,
            let opex, let capex, let disposition
        else {
            skipped += 1
            return true
        }
        facilities.append(
            Facility(
                id: id, name: name, region: region, country: country, capacityMW: capacity, aiReady: aiReady,
                commissioned: commissioned, bookValue: bookValue, salePrice: salePrice, annualOpex: opex,
                annualCapex: capex, disposition: disposition, leasebackRent: rent, retainedStake: stake,
                expectedClose: expectedClose, closeProbability: probability,
                source: FacilitySource(
                    file: reader.file, item: item, salePrice: fields[.salePrice]?.position,
                    leasebackRent: fields[.leasebackRent]?.position, disposition: fields.ownPosition(.disposition),
                    retainedStake: fields.ownPosition(.retainedStake))))
        return true
    }

    static func readID(_ field: RawField, _ path: @autoclosure () -> String, _ reader: inout FieldReader) -> String? {
        guard let id = reader.text(field, path(), what: "an id") else { return nil }
        guard FacilityID.isValid(id) else {
            reader.error(field.position, path(), "expected an id of 1-64 letters, digits, '.', '_' or '-', found \(field.found)")
            return nil
        }
        return id
    }

    private func readDisposition(_ field: RawField, _ path: @autoclosure () -> String, _ reader: inout FieldReader) -> Disposition? {
        if case .text(let text, _) = field.content, let disposition = Disposition(rawValue: text.trimmingSpaces().keywordFolded()) {
            return disposition
        }
        let choices = Disposition.allCases.map(\.rawValue)
        if case .text(let text, _) = field.content {
            reader.error(
                field.position, path(),
                "expected one of \(choices.joined(separator: ", ")), found \(field.found)"
                    + Suggestions.didYouMean(text, among: choices))
            return nil
        }
        reader.error(field.position, path(), "expected one of \(choices.joined(separator: ", ")), found \(field.found)")
        return nil
    }
}

public enum FacilityID {
    /// `[A-Za-z0-9._-]{1,64}`: safe in file names, URLs and shells.
    public static func isValid(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}


import CapDashModel

/// How the facilities table is ordered; `o` cycles through these.
public enum SortOrder: String, CaseIterable, Sendable {
    case file = "file order"
    case capacity = "MW"
    case salePrice = "sale price"
    case gain = "gain"
    case name = "name"

    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Facility indices in this order. Sort keys never change with dispositions,
    /// so the order is computed once per sort, not per toggle.
    func order(_ facilities: [Facility]) -> [Int] {
        func gain(_ f: Facility) -> Double { (f.salePrice ?? f.bookValue) - f.bookValue }
        var indices = Array(facilities.indices)
        switch self {
        case .file: break
        case .capacity: indices.sort { (-facilities[$0].capacityMW, $0) < (-facilities[$1].capacityMW, $1) }
        case .salePrice: indices.sort { (-(facilities[$0].salePrice ?? -1), $0) < (-(facilities[$1].salePrice ?? -1), $1) }
        case .gain: indices.sort { (-gain(facilities[$0]), $0) < (-gain(facilities[$1]), $1) }
        case .name:
            let names = facilities.map { $0.name.lowercased() }
            indices.sort { (names[$0], $0) < (names[$1], $1) }
        }
        return indices
    }
}

/// Lowercased id, name and region of every facility (or development) in one
/// byte buffer, so a filter scans bytes instead of building strings per key press.
struct SearchIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    init(_ facilities: [Facility]) {
        self.init(facilities, count: facilities.count) { [$0.id, $0.name, $0.region] }
    }

    init(_ developments: [Development]) {
        self.init(developments, count: developments.count) { [$0.id, $0.name, $0.region] }
    }

    private init<Items: Sequence>(_ items: Items, count: Int, _ texts: (Items.Element) -> [String]) {
        bytes.reserveCapacity(count * 32)
        starts.reserveCapacity(count + 1)
        for item in items {
            for text in texts(item) {
                bytes += Self.folded(text)
                bytes.append(0)
            }
            starts.append(bytes.count)
        }
    }

    static func folded(_ text: String) -> [UInt8] {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        if ascii { return text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 } }
        return Array(text.lowercased().utf8)
    }

    /// Whether facility `index`'s id, name or region contains `needle` (already folded).
    func matches(_ index: Int, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let end = starts[index + 1] - needle.count
        var position = starts[index]
        while position <= end {
            if bytes[position] == first {
                var offset = 1
                while offset < needle.count && bytes[position + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            position += 1
        }
        return false
    }
}

/// The rows shown, in display order: the kept group (retain, leaseback,
/// contribute) first, then the divested group, each filtered and sorted, then
/// the developments (file order) when the scenario has any.
public struct FacilityRows: Sendable, Equatable {
    /// Facility indices in display order.
    public private(set) var order: [Int]
    /// How many of `order` belong to the kept group.
    public private(set) var keptCount: Int
    /// Development indices shown, after every facility.
    public private(set) var developments: [Int]
    /// The developments group is drawn (the scenario has developments, even if the filter hides them).
    public private(set) var showsDevelopments: Bool

    /// What a cursor position holds.
    public enum Item: Equatable {
        case facility(Int)
        case development(Int)
    }

    /// Splits facilities already filtered and sorted (`matches`) into the two groups: O(matches).
    init(matches: [Int], _ facilities: [Facility], developments: [Int] = [], showsDevelopments: Bool = false) {
        var kept: [Int] = []
        var divested: [Int] = []
        kept.reserveCapacity(matches.count)
        for index in matches {
            if facilities[index].disposition.keepsCapacity { kept.append(index) } else { divested.append(index) }
        }
        keptCount = kept.count
        kept.append(contentsOf: divested)
        order = kept
        self.developments = developments
        self.showsDevelopments = showsDevelopments
    }

    /// Cursor positions: every facility, then every development.
    public var count: Int { order.count + developments.count }

    /// Display rows: a header and a totals row around each group, and a gap after it.
    public var displayRowCount: Int { order.count + 6 + (showsDevelopments ? developments.count + 3 : 0) }

    /// The display row of the item at `position`.
    public func displayRow(ofPosition position: Int) -> Int {
        if position < keptCount { return position + 1 }
        if position < order.count { return position + 4 }
        return position + 7
    }

    public func item(at position: Int) -> Item? {
        guard position >= 0 else { return nil }
        if position < order.count { return .facility(order[position]) }
        if position < count { return .development(developments[position - order.count]) }
        return nil
    }

    public func position(ofFacility index: Int) -> Int? {
        order.firstIndex(of: index)
    }

    public func position(ofDevelopment index: Int) -> Int? {
        developments.firstIndex(of: index).map { $0 + order.count }
    }
}

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

/// Lowercased id, name and region of every facility in one byte buffer, so a
/// filter scans bytes instead of building strings per key press.
struct SearchIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    init(_ facilities: [Facility]) {
        bytes.reserveCapacity(facilities.count * 32)
        starts.reserveCapacity(facilities.count + 1)
        for facility in facilities {
            for text in [facility.id, facility.name, facility.region] {
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

/// The facilities shown, in display order: the kept group (retain and
/// leaseback) first, then the divested group, each filtered and sorted.
public struct FacilityRows: Sendable, Equatable {
    /// Facility indices in display order.
    public private(set) var order: [Int]
    /// How many of `order` belong to the kept group.
    public private(set) var keptCount: Int

    /// Splits facilities already filtered and sorted (`matches`) into the two groups: O(matches).
    init(matches: [Int], _ facilities: [Facility]) {
        var kept: [Int] = []
        var divested: [Int] = []
        kept.reserveCapacity(matches.count)
        for index in matches {
            if facilities[index].disposition.keepsCapacity { kept.append(index) } else { divested.append(index) }
        }
        keptCount = kept.count
        kept.append(contentsOf: divested)
        order = kept
    }

    public var count: Int { order.count }

    /// Display rows: a header and a totals row around each group.
    public var displayRowCount: Int { order.count + 6 }

    /// The display row of the facility at `position` in `order`.
    public func displayRow(ofPosition position: Int) -> Int {
        position < keptCount ? position + 1 : position + 4
    }

    public func position(ofFacility index: Int) -> Int? {
        order.firstIndex(of: index)
    }
}

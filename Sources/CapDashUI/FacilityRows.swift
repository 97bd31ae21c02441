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
}

/// The facilities shown, in display order: the kept group (retain and
/// leaseback) first, then the divested group, each filtered and sorted.
public struct FacilityRows: Sendable, Equatable {
    /// Facility indices in display order.
    public private(set) var order: [Int]
    /// How many of `order` belong to the kept group.
    public private(set) var keptCount: Int

    public init(_ scenario: Scenario, filter: String, sort: SortOrder) {
        let needle = filter.lowercased()
        var kept: [Int] = []
        var divested: [Int] = []
        for (index, facility) in scenario.facilities.enumerated() {
            if !needle.isEmpty && !Self.matches(facility, needle) { continue }
            if facility.disposition.keepsCapacity { kept.append(index) } else { divested.append(index) }
        }
        let facilities = scenario.facilities
        let sorter = Self.comparator(sort, facilities)
        kept.sort(by: sorter)
        divested.sort(by: sorter)
        order = kept + divested
        keptCount = kept.count
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

    static func matches(_ facility: Facility, _ needle: String) -> Bool {
        facility.id.lowercased().contains(needle) || facility.name.lowercased().contains(needle)
            || facility.region.lowercased().contains(needle)
    }

    private static func comparator(_ sort: SortOrder, _ facilities: [Facility]) -> (Int, Int) -> Bool {
        func gain(_ f: Facility) -> Double { (f.salePrice ?? f.bookValue) - f.bookValue }
        switch sort {
        case .file: return { $0 < $1 }
        case .capacity: return { facilities[$0].capacityMW != facilities[$1].capacityMW ? facilities[$0].capacityMW > facilities[$1].capacityMW : $0 < $1 }
        case .salePrice: return { (facilities[$0].salePrice ?? -1) != (facilities[$1].salePrice ?? -1) ? (facilities[$0].salePrice ?? -1) > (facilities[$1].salePrice ?? -1) : $0 < $1 }
        case .gain: return { gain(facilities[$0]) != gain(facilities[$1]) ? gain(facilities[$0]) > gain(facilities[$1]) : $0 < $1 }
        case .name: return { facilities[$0].name.lowercased() != facilities[$1].name.lowercased() ? facilities[$0].name.lowercased() < facilities[$1].name.lowercased() : $0 < $1 }
        }
    }
}

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
        self.init(facilities, count: facilities.count) { facility, add in
            add(facility.id)
            add(facility.name)
            add(facility.region)
        }
    }

    init(_ developments: [Development]) {
        self.init(developments, count: developments.count) { development, add in
            add(development.id)
            add(development.name)
            add(development.region)
        }
    }

    /// `texts` hands each item's searchable texts to `add` (no array per item).
    private init<Items: Sequence>(_ items: Items, count: Int, _ texts: (Items.Element, (String) -> Void) -> Void) {
        var bytes: [UInt8] = []
        var starts = [0]
        bytes.reserveCapacity(count * 32)
        starts.reserveCapacity(count + 1)
        for item in items {
            texts(item) { text in
                Self.appendFolded(text, to: &bytes)
                bytes.append(0)
            }
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    static func folded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendFolded(text, to: &bytes)
        return bytes
    }

    /// Lowercased: ASCII by its bytes, in place (a million facilities fold three million texts); the rest as Swift lowercases it.
    private static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let ascii = text.withUTF8 { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            for byte in utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
            return true
        }
        if !ascii { bytes += text.lowercased().utf8 }
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
///
/// Built for a million facilities: the filtered, sorted facilities (`matches`)
/// stay put, a Fenwick tree marks which of them are kept, and each group's
/// totals are running sums. A toggle that moves a facility between groups costs
/// O(log n); finding a row's facility or a facility's row, O(log n).
public struct FacilityRows: Sendable, Equatable {
    /// Facility indices that pass the filter, in sort order.
    private var matches: [Int]
    /// For each facility, its place in `matches` (-1: filtered out).
    private var rank: [Int32]
    /// 1 at each place of `matches` whose facility is kept.
    private var kept: Fenwick
    /// How many matching facilities are kept.
    public private(set) var keptCount: Int
    /// Development indices shown, after every facility.
    public private(set) var developments: [Int]
    /// The developments group is drawn (the scenario has developments, even if the filter hides them).
    public private(set) var showsDevelopments: Bool
    /// MW, book value and sale price summed per group, kept up to date by toggles.
    public private(set) var keptTotals = GroupTotals()
    public private(set) var divestedTotals = GroupTotals()

    /// What a cursor position holds.
    public enum Item: Equatable {
        case facility(Int)
        case development(Int)
    }

    /// Sums drawn in a group's totals row.
    public struct GroupTotals: Sendable, Equatable {
        public var mw = CompensatedSum()
        public var book = CompensatedSum()
        public var sale = CompensatedSum()

        mutating func add(_ facility: Facility, sign: Double) {
            mw += sign * facility.capacityMW
            book += sign * facility.bookValue
            sale += sign * (facility.salePrice ?? 0)
        }
    }

    /// Splits facilities already filtered and sorted (`matches`) into the two groups: O(matches).
    init(matches: [Int], _ facilities: [Facility], developments: [Int] = [], showsDevelopments: Bool = false) {
        self.matches = matches
        rank = [Int32](repeating: -1, count: facilities.count)
        var marks = [Int32](repeating: 0, count: matches.count)
        var keptCount = 0
        for (place, index) in matches.enumerated() {
            rank[index] = Int32(place)
            if facilities[index].disposition.keepsCapacity {
                marks[place] = 1
                keptCount += 1
                keptTotals.add(facilities[index], sign: 1)
            } else {
                divestedTotals.add(facilities[index], sign: 1)
            }
        }
        kept = Fenwick(marks)
        self.keptCount = keptCount
        self.developments = developments
        self.showsDevelopments = showsDevelopments
    }

    /// A facility changed from `old` to `new` (its sort keys unchanged): O(log n).
    mutating func update(_ index: Int, from old: Facility, to new: Facility) {
        guard rank.indices.contains(index), rank[index] >= 0 else { return }
        if old.disposition.keepsCapacity { keptTotals.add(old, sign: -1) } else { divestedTotals.add(old, sign: -1) }
        if new.disposition.keepsCapacity { keptTotals.add(new, sign: 1) } else { divestedTotals.add(new, sign: 1) }
        guard old.disposition.keepsCapacity != new.disposition.keepsCapacity else { return }
        let delta = new.disposition.keepsCapacity ? 1 : -1
        kept.add(Int(rank[index]), Int32(delta))
        keptCount += delta
    }

    /// Matching facilities.
    public var facilityCount: Int { matches.count }
    /// Cursor positions: every facility, then every development.
    public var count: Int { matches.count + developments.count }

    /// Display rows: a header and a totals row around each group, and a gap after it.
    public var displayRowCount: Int { matches.count + 6 + (showsDevelopments ? developments.count + 3 : 0) }

    /// The display row of the item at `position`.
    public func displayRow(ofPosition position: Int) -> Int {
        if position < keptCount { return position + 1 }
        if position < matches.count { return position + 4 }
        return position + 7
    }

    public func item(at position: Int) -> Item? {
        guard position >= 0 else { return nil }
        if position < keptCount {
            return .facility(matches[kept.place(ofOne: position)])
        }
        if position < matches.count {
            return .facility(matches[kept.place(ofZero: position - keptCount)])
        }
        if position < count { return .development(developments[position - matches.count]) }
        return nil
    }

    public func position(ofFacility index: Int) -> Int? {
        guard rank.indices.contains(index), rank[index] >= 0 else { return nil }
        let place = Int(rank[index])
        let keptBefore = kept.prefixSum(place)
        let isKept = kept.prefixSum(place + 1) > keptBefore
        return isKept ? keptBefore : keptCount + (place - keptBefore)
    }

    public func position(ofDevelopment index: Int) -> Int? {
        developments.firstIndex(of: index).map { $0 + matches.count }
    }
}

/// A Fenwick (binary indexed) tree of 0/1 marks: prefix counts and "the k-th
/// marked (or unmarked) place" in O(log n).
struct Fenwick: Sendable, Equatable {
    private var tree: [Int32]
    private let size: Int

    init(_ marks: [Int32]) {
        size = marks.count
        tree = [0] + marks
        var index = 1
        while index <= size {
            let parent = index + (index & -index)
            if parent <= size { tree[parent] += tree[index] }
            index += 1
        }
    }

    mutating func add(_ place: Int, _ delta: Int32) {
        var index = place + 1
        while index <= size {
            tree[index] += delta
            index += index & -index
        }
    }

    /// Marks among places 0..<count.
    func prefixSum(_ count: Int) -> Int {
        var index = min(count, size)
        var sum = 0
        while index > 0 {
            sum += Int(tree[index])
            index -= index & -index
        }
        return sum
    }

    /// The place of the k-th mark (0-based).
    func place(ofOne k: Int) -> Int {
        descend(k) { node, _ in Int(node) }
    }

    /// The place of the k-th place without a mark (0-based).
    func place(ofZero k: Int) -> Int {
        descend(k) { node, span in span - Int(node) }
    }

    /// Walks down the tree to the place where `count` (marks, or places without) first exceeds k.
    private func descend(_ k: Int, _ count: (Int32, Int) -> Int) -> Int {
        var position = 0
        var remaining = k
        var step = 1
        while step * 2 <= size { step *= 2 }
        while step > 0 {
            let next = position + step
            if next <= size, count(tree[next], step) <= remaining {
                position = next
                remaining -= count(tree[next], step)
            }
            step /= 2
        }
        return position
    }
}

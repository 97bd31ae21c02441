/// One data-center facility, as the scenario file gives it. Money in currency units.
///
/// Stored compactly (208 bytes, not 344): a million of them are a portfolio, and
/// every pass copies them. Optional numbers keep their value and one presence bit
/// each instead of an `Optional`'s padded tag, positions are 32-bit; every
/// property reads and writes as before (`facility.salePrice`, `facility.source.item`).
public struct Facility: Sendable, Equatable {
    public var id: String
    public var name: String
    public var region: String
    public var country: String?
    /// When the sale should close (`2026-03-31`); the deal timeline groups cash by its quarter.
    public var expectedClose: String?
    /// Critical IT load.
    public var capacityMW: Double
    public var bookValue: Double
    public var annualOpex: Double
    /// Sustaining capex per year.
    public var annualCapex: Double
    // The optional numbers: a value (0 when absent, so equal facilities compare equal) and a bit in `present`.
    private var storedSalePrice: Double
    private var storedLeasebackRent: Double
    private var storedRetainedStake: Double
    private var storedCloseProbability: Double
    private var storedCommissioned: Int32
    public var aiReady: Bool
    public var disposition: Disposition
    private var present: Present
    /// Where the facility and some of its keys stand in the file, for warnings.
    public var source: FacilitySource

    private struct Present: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        static let salePrice = Present(rawValue: 1)
        static let leasebackRent = Present(rawValue: 2)
        static let retainedStake = Present(rawValue: 4)
        static let closeProbability = Present(rawValue: 8)
        static let commissioned = Present(rawValue: 16)
    }

    public init(
        id: String, name: String, region: String, country: String? = nil, capacityMW: Double,
        aiReady: Bool = false, commissioned: Int? = nil, bookValue: Double, salePrice: Double?,
        annualOpex: Double, annualCapex: Double, disposition: Disposition, leasebackRent: Double? = nil,
        retainedStake: Double? = nil, expectedClose: String? = nil, closeProbability: Double? = nil,
        source: FacilitySource = FacilitySource()
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.country = country
        self.expectedClose = expectedClose
        self.capacityMW = capacityMW
        self.bookValue = bookValue
        self.annualOpex = annualOpex
        self.annualCapex = annualCapex
        storedSalePrice = salePrice ?? 0
        storedLeasebackRent = leasebackRent ?? 0
        storedRetainedStake = retainedStake ?? 0
        storedCloseProbability = closeProbability ?? 0
        storedCommissioned = commissioned.map { Int32(clamping: $0) } ?? 0
        self.aiReady = aiReady
        self.disposition = disposition
        var present: Present = []
        if salePrice != nil { present.insert(.salePrice) }
        if leasebackRent != nil { present.insert(.leasebackRent) }
        if retainedStake != nil { present.insert(.retainedStake) }
        if closeProbability != nil { present.insert(.closeProbability) }
        if commissioned != nil { present.insert(.commissioned) }
        self.present = present
        self.source = source
    }

    public var salePrice: Double? {
        get { present.contains(.salePrice) ? storedSalePrice : nil }
        set { Self.store(newValue, in: &storedSalePrice, .salePrice, &present) }
    }

    /// Rent per year when leased back; nil means cap rate x sale price.
    public var leasebackRent: Double? {
        get { present.contains(.leasebackRent) ? storedLeasebackRent : nil }
        set { Self.store(newValue, in: &storedLeasebackRent, .leasebackRent, &present) }
    }

    /// The stake kept when contributed (0 <= s < 1); nil means the assumption's default.
    public var retainedStake: Double? {
        get { present.contains(.retainedStake) ? storedRetainedStake : nil }
        set { Self.store(newValue, in: &storedRetainedStake, .retainedStake, &present) }
    }

    /// How likely the sale is to close, 0-1; absent means committed (1).
    public var closeProbability: Double? {
        get { present.contains(.closeProbability) ? storedCloseProbability : nil }
        set { Self.store(newValue, in: &storedCloseProbability, .closeProbability, &present) }
    }

    /// The year it was commissioned. Files give 1800-2200 (the loader checks); a year
    /// beyond 32 bits, which no file can give, would be clamped.
    public var commissioned: Int? {
        get { present.contains(.commissioned) ? Int(storedCommissioned) : nil }
        set {
            storedCommissioned = newValue.map { Int32(clamping: $0) } ?? 0
            if newValue == nil { present.remove(.commissioned) } else { present.insert(.commissioned) }
        }
    }

    private static func store(_ value: Double?, in slot: inout Double, _ bit: Present, _ present: inout Present) {
        slot = value ?? 0
        if value == nil { present.remove(bit) } else { present.insert(bit) }
    }
}

/// Positions of a facility in its file (nil when built in code), 32 bits a number.
public struct FacilitySource: Sendable, Equatable {
    public var file: String?
    private var storedItem: PackedPosition
    private var storedSalePrice: PackedPosition
    private var storedLeasebackRent: PackedPosition
    private var storedDisposition: PackedPosition
    private var storedRetainedStake: PackedPosition

    public init(
        file: String? = nil, item: SourcePosition? = nil, salePrice: SourcePosition? = nil,
        leasebackRent: SourcePosition? = nil, disposition: SourcePosition? = nil, retainedStake: SourcePosition? = nil
    ) {
        self.file = file
        storedItem = PackedPosition(item)
        storedSalePrice = PackedPosition(salePrice)
        storedLeasebackRent = PackedPosition(leasebackRent)
        storedDisposition = PackedPosition(disposition)
        storedRetainedStake = PackedPosition(retainedStake)
    }

    /// Positions a loader has packed already.
    init(
        file: String?, item: PackedPosition, salePrice: PackedPosition, leasebackRent: PackedPosition,
        disposition: PackedPosition, retainedStake: PackedPosition
    ) {
        self.file = file
        storedItem = item
        storedSalePrice = salePrice
        storedLeasebackRent = leasebackRent
        storedDisposition = disposition
        storedRetainedStake = retainedStake
    }

    public var item: SourcePosition? {
        get { storedItem.position }
        set { storedItem = PackedPosition(newValue) }
    }

    public var salePrice: SourcePosition? {
        get { storedSalePrice.position }
        set { storedSalePrice = PackedPosition(newValue) }
    }

    public var leasebackRent: SourcePosition? {
        get { storedLeasebackRent.position }
        set { storedLeasebackRent = PackedPosition(newValue) }
    }

    public var disposition: SourcePosition? {
        get { storedDisposition.position }
        set { storedDisposition = PackedPosition(newValue) }
    }

    public var retainedStake: SourcePosition? {
        get { storedRetainedStake.position }
        set { storedRetainedStake = PackedPosition(newValue) }
    }

    /// The same positions `lines` further down: a loader reading a file in pieces
    /// numbers each piece's lines from 1, then moves them into place.
    mutating func moveDown(lines: Int) {
        storedItem.moveDown(lines: lines)
        storedSalePrice.moveDown(lines: lines)
        storedLeasebackRent.moveDown(lines: lines)
        storedDisposition.moveDown(lines: lines)
        storedRetainedStake.moveDown(lines: lines)
    }
}

/// A position in 8 bytes; a line of `UInt32.max` means none. Files are at most
/// 256 MiB, so no real line or column comes near it.
struct PackedPosition: Sendable, Equatable {
    private var line: UInt32
    private var column: UInt32

    init(_ position: SourcePosition?) {
        if let position {
            line = UInt32(clamping: max(0, min(position.line, Int(UInt32.max - 1))))
            column = UInt32(clamping: max(0, position.column))
        } else {
            line = .max
            column = 0
        }
    }

    static let none = PackedPosition(nil)

    /// A position made by a loader, which knows both fit.
    init(line: Int, column: Int) {
        self.line = UInt32(truncatingIfNeeded: line)
        self.column = UInt32(truncatingIfNeeded: column)
    }

    var position: SourcePosition? {
        line == .max ? nil : SourcePosition(line: Int(line), column: Int(column))
    }

    mutating func moveDown(lines: Int) {
        if line != .max { line += UInt32(truncatingIfNeeded: lines) }
    }
}

extension Facility {
    /// The stake this facility keeps if contributed.
    public func stake(_ assumptions: Assumptions) -> Double {
        retainedStake ?? assumptions.contributeRetainedStake
    }
}

/// One data-center facility, as the scenario file gives it. Money in currency units.
public struct Facility: Sendable, Equatable {
    public var id: String
    public var name: String
    public var region: String
    public var country: String?
    /// Critical IT load.
    public var capacityMW: Double
    public var aiReady: Bool
    public var commissioned: Int?
    public var bookValue: Double
    public var salePrice: Double?
    public var annualOpex: Double
    /// Sustaining capex per year.
    public var annualCapex: Double
    public var disposition: Disposition
    /// Rent per year when leased back; nil means cap rate x sale price.
    public var leasebackRent: Double?
    /// The stake kept when contributed (0 <= s < 1); nil means the assumption's default.
    public var retainedStake: Double?
    /// When the sale should close (`2026-03-31`); the deal timeline groups cash by its quarter.
    public var expectedClose: String?
    /// How likely the sale is to close, 0-1; absent means committed (1).
    public var closeProbability: Double?
    /// Where the facility and some of its keys stand in the file, for warnings.
    public var source: FacilitySource

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
        self.capacityMW = capacityMW
        self.aiReady = aiReady
        self.commissioned = commissioned
        self.bookValue = bookValue
        self.salePrice = salePrice
        self.annualOpex = annualOpex
        self.annualCapex = annualCapex
        self.disposition = disposition
        self.leasebackRent = leasebackRent
        self.retainedStake = retainedStake
        self.expectedClose = expectedClose
        self.closeProbability = closeProbability
        self.source = source
    }
}

/// Positions of a facility in its file (nil when built in code).
public struct FacilitySource: Sendable, Equatable {
    public var file: String?
    public var item: SourcePosition?
    public var salePrice: SourcePosition?
    public var leasebackRent: SourcePosition?
    public var disposition: SourcePosition?
    public var retainedStake: SourcePosition?

    public init(
        file: String? = nil, item: SourcePosition? = nil, salePrice: SourcePosition? = nil,
        leasebackRent: SourcePosition? = nil, disposition: SourcePosition? = nil, retainedStake: SourcePosition? = nil
    ) {
        self.file = file
        self.item = item
        self.salePrice = salePrice
        self.leasebackRent = leasebackRent
        self.disposition = disposition
        self.retainedStake = retainedStake
    }
}

extension Facility {
    /// The stake this facility keeps if contributed.
    public func stake(_ assumptions: Assumptions) -> Double {
        retainedStake ?? assumptions.contributeRetainedStake
    }
}

/// What happens to a facility in a scenario.
public enum Disposition: String, Sendable, Hashable, CaseIterable {
    /// Keep it: the company keeps paying opex and sustaining capex.
    case retain
    /// Sell it outright: the buyer takes opex, capex and the capacity.
    case divest
    /// Sell it and rent it back: the buyer takes sustaining capex, the company keeps the capacity and pays rent.
    case leaseback
    /// Contribute it to a partner vehicle at its sale price, keep a minority stake,
    /// and lease the capacity back (MODEL.md section 6).
    case contribute

    /// Sold facilities bring in their sale price.
    public var isSold: Bool { self != .retain }
    /// Capacity the company still uses after the deal.
    public var keepsCapacity: Bool { self != .divest }

    /// The order the dashboard's space key cycles through.
    public var next: Disposition {
        switch self {
        case .retain: .divest
        case .divest: .leaseback
        case .leaseback: .contribute
        case .contribute: .retain
        }
    }
}

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

/// The GPU that freed capital buys.
public struct GPUAssumptions: Sendable, Equatable {
    public var name = "H100 SXM"
    /// All-in capex per GPU (node and network share).
    public var unitCapex: Double = 50_000
    /// Power per GPU including its server share.
    public var powerKW: Double = 1.3
    /// Dense BF16 peak, FLOP/s.
    public var peakFlops: Double = 989e12
    /// Model FLOPs utilisation.
    public var mfu: Double = 0.40

    public init() {}
}

/// A model whose training runs the freed compute is counted in.
public struct ReferenceModel: Sendable, Equatable {
    public var name: String
    public var parameters: Double
    public var tokens: Double
    /// Published GPU-hours for one run; wins over the 6·N·D estimate when given.
    public var gpuHours: Double?

    public init(name: String, parameters: Double, tokens: Double, gpuHours: Double? = nil) {
        self.name = name
        self.parameters = parameters
        self.tokens = tokens
        self.gpuHours = gpuHours
    }

    /// Llama 3.1 model card, H100-80GB GPU-hours.
    public static let llama31Defaults: [ReferenceModel] = [
        ReferenceModel(name: "Llama 3.1 8B", parameters: 8e9, tokens: 15e12, gpuHours: 1.46e6),
        ReferenceModel(name: "Llama 3.1 70B", parameters: 70e9, tokens: 15e12, gpuHours: 7.0e6),
        ReferenceModel(name: "Llama 3.1 405B", parameters: 405e9, tokens: 15.6e12, gpuHours: 30.84e6),
    ]
}

/// Financial and compute assumptions; defaults are MODEL.md's.
public struct Assumptions: Sendable, Equatable {
    public var taxRate = 0.21
    public var transactionCostRate = 0.02
    public var discountRate = 0.08
    public var horizonYears = 5
    public var leasebackCapRate = 0.07
    /// Power usage effectiveness; hyperscaler fleets report 1.08-1.1.
    public var pue = 1.1
    /// The stake a contributed facility keeps unless it says otherwise (MODEL.md section 6).
    public var contributeRetainedStake = 0.2
    public var gpu = GPUAssumptions()
    public var referenceModels = ReferenceModel.llama31Defaults

    public init() {}
}

extension Facility {
    /// The stake this facility keeps if contributed.
    public func stake(_ assumptions: Assumptions) -> Double {
        retainedStake ?? assumptions.contributeRetainedStake
    }

    /// MODEL.md section 6's phi: the share of the facility that is sold.
    public func soldFraction(_ assumptions: Assumptions) -> Double {
        switch disposition {
        case .retain: 0
        case .divest, .leaseback: 1
        case .contribute: 1 - stake(assumptions)
        }
    }

    /// Rent per year for the whole facility if it is leased back: as given, else cap rate x price.
    public func rent(_ assumptions: Assumptions) -> Double {
        leasebackRent ?? assumptions.leasebackCapRate * (salePrice ?? 0)
    }
}

/// A whole scenario: what the company owns and what it plans to do with each facility.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var currency = "USD"
    public var asOf: String?
    public var notes: String?
    public var assumptions = Assumptions()
    public var facilities: [Facility]
    /// The file it came from, as the user named it; nil for the built-in example.
    public var file: String?
    /// Warnings found while loading that do not depend on dispositions.
    public var loadWarnings: [Diagnostic] = []
    /// Where each assumption's value stands in the file, so a save can edit it in place.
    public var assumptionPositions: [AssumptionKey: SourcePosition] = [:]
    /// Ranges for the sensitivity analysis (`sensitivity:`); empty means ±20%.
    public var sensitivity = SensitivitySettings()
    /// The CSV the facilities came from (`facilities_csv`, or the file itself for a bare CSV).
    public var facilitiesFile: String?

    public init(name: String, facilities: [Facility], file: String? = nil) {
        self.name = name
        self.facilities = facilities
        self.file = file
    }

    /// Index of the facility with this id, if any.
    public func index(ofFacility id: String) -> Int? {
        facilities.firstIndex { $0.id == id }
    }
}

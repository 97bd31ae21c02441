/// A new campus a partner vehicle may build and lease to the company
/// (docs/scenario-format.md section 7), as the scenario file gives it. Money in currency units.
public struct Development: Sendable, Equatable {
    public var id: String
    public var name: String
    public var region: String
    /// Critical IT load when built.
    public var capacityMW: Double
    public var aiReady: Bool
    /// C: the whole cost to build.
    public var developmentCost: Double
    /// B: C / B is spent at the end of each of years 1...B.
    public var buildYears: Int
    public var financing: Financing
    /// The stake the company keeps in the vehicle; nil means the assumption's default.
    public var retainedStake: Double?
    public var lease: Lease
    public var guarantee: ResidualValueGuarantee?
    /// Where the development and its editable values stand in the file.
    public var source: DevelopmentSource

    /// The lease of the finished campus.
    public struct Lease: Sendable, Equatable {
        /// y: first-year rent / C.
        public var yieldOnCost: Double
        /// g: yearly rent growth.
        public var escalation: Double
        /// S: the first rent is paid at the end of year S; nil means B + 1.
        public var startYear: Int?
        /// n_f: the firm term.
        public var firmYears: Int
        /// n_e: the term expected with renewals; nil means the firm term.
        public var expectedYears: Int?
        /// p: the chance of leaving at the end of the firm term.
        public var exitProbability: Double

        public init(
            yieldOnCost: Double, escalation: Double = 0, startYear: Int? = nil, firmYears: Int,
            expectedYears: Int? = nil, exitProbability: Double = 0
        ) {
            self.yieldOnCost = yieldOnCost
            self.escalation = escalation
            self.startYear = startYear
            self.firmYears = firmYears
            self.expectedYears = expectedYears
            self.exitProbability = exitProbability
        }
    }

    /// A promise to make up the campus's value at the first exit.
    public struct ResidualValueGuarantee: Sendable, Equatable {
        /// G0: guaranteed at lease start.
        public var amount: Double
        /// Y: the guarantee declines linearly to 0 over Y years.
        public var declineYears: Int
        /// v: expected fair value at the first exit, as a share of C.
        public var fairValueRatio: Double

        public init(amount: Double, declineYears: Int, fairValueRatio: Double) {
            self.amount = amount
            self.declineYears = declineYears
            self.fairValueRatio = fairValueRatio
        }
    }

    public init(
        id: String, name: String, region: String, capacityMW: Double, aiReady: Bool = true, developmentCost: Double,
        buildYears: Int, financing: Financing, retainedStake: Double? = nil, lease: Lease,
        guarantee: ResidualValueGuarantee? = nil, source: DevelopmentSource = DevelopmentSource()
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.capacityMW = capacityMW
        self.aiReady = aiReady
        self.developmentCost = developmentCost
        self.buildYears = buildYears
        self.financing = financing
        self.retainedStake = retainedStake
        self.lease = lease
        self.guarantee = guarantee
        self.source = source
    }

    /// The stake this development keeps: its own, or the assumption's default.
    public func stake(_ assumptions: Assumptions) -> Double {
        retainedStake ?? assumptions.contributeRetainedStake
    }

    /// The values the dashboard and the command line change: financing, stake, lease terms.
    public func sameDecisions(as other: Development) -> Bool {
        financing == other.financing && retainedStake == other.retainedStake && lease == other.lease
            && guarantee?.fairValueRatio == other.guarantee?.fairValueRatio
    }

    /// This development with another's decisions (its own identity and positions kept).
    public func withDecisions(of other: Development) -> Development {
        var result = self
        result.financing = other.financing
        result.retainedStake = other.retainedStake
        result.lease = other.lease
        if let ratio = other.guarantee?.fairValueRatio { result.guarantee?.fairValueRatio = ratio }
        return result
    }

    /// S: the year of the first rent.
    public var firstRentYear: Int { lease.startYear ?? buildYears + 1 }
    /// n_e: the years of rent expected, renewals included.
    public var expectedYears: Int { lease.expectedYears ?? lease.firmYears }
}

/// Positions of a development and of the values the dashboard can change, for
/// warnings and in-place saves (nil when built in code or absent from the file).
public struct DevelopmentSource: Sendable, Equatable {
    public var file: String?
    public var item: SourcePosition?
    public var financing: SourcePosition?
    public var retainedStake: SourcePosition?
    public var yieldOnCost: SourcePosition?
    public var escalation: SourcePosition?
    public var startYear: SourcePosition?
    public var exitProbability: SourcePosition?
    public var fairValueRatio: SourcePosition?
    /// Where the `lease` and `residual_value_guarantee` mappings begin, so a save can add a key.
    public var lease: SourcePosition?
    public var guarantee: SourcePosition?

    public init(file: String? = nil, item: SourcePosition? = nil) {
        self.file = file
        self.item = item
    }
}

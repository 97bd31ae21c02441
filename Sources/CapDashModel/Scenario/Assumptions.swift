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

/// The GPU that freed capital buys (docs/scenario-format.md sections 2 and 8).
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
    /// The preset it was built from (`gpu: {preset: GB200 NVL72}`), if any.
    public var preset: String?
    /// The keys given explicitly (in the file, by `--set`, or typed): a preset never overrides them.
    public var explicitKeys: Set<GPUKey> = []

    public init() {}

    /// A GPU built from a preset, every key from its table.
    public init(preset: GPUPreset) {
        self.init()
        apply(preset)
    }

    /// Takes a preset's name, capex, power and peak, except for keys given explicitly.
    public mutating func apply(_ preset: GPUPreset) {
        self.preset = preset.name
        if !explicitKeys.contains(.name) { name = preset.name }
        if !explicitKeys.contains(.unitCapex) { unitCapex = preset.unitCapex }
        if !explicitKeys.contains(.powerKW) { powerKW = preset.powerKW }
        if !explicitKeys.contains(.peakFlops) { peakFlops = preset.peakFlops }
    }

    /// Two GPUs are the same when their figures and preset are: which keys were typed
    /// explicitly only guides a later preset, so a saved and reloaded GPU equals what was saved.
    public static func == (a: GPUAssumptions, b: GPUAssumptions) -> Bool {
        a.name == b.name && a.unitCapex == b.unitCapex && a.powerKW == b.powerKW && a.peakFlops == b.peakFlops
            && a.mfu == b.mfu && a.preset == b.preset
    }

    /// The preset this GPU is, by what it was built from or by its name.
    public var matchingPreset: GPUPreset? {
        preset.flatMap(GPUPreset.named) ?? GPUPreset.named(name)
    }
}

/// A GPU's keys, as files and `--set gpu.KEY` name them.
public enum GPUKey: String, Sendable, Hashable, CaseIterable {
    case name
    case unitCapex = "unit_capex"
    case powerKW = "power_kw"
    case peakFlops = "peak_flops"
    case mfu
}

/// A GPU generation's published figures (docs/scenario-format.md section 8).
public struct GPUPreset: Sendable, Equatable {
    public var name: String
    public var unitCapex: Double
    public var powerKW: Double
    public var peakFlops: Double
    /// Where the figures come from, for the docs and `--help`.
    public var source: String

    public static let all: [GPUPreset] = [
        GPUPreset(name: "H100 SXM", unitCapex: 50_000, powerKW: 1.3, peakFlops: 989e12, source: "NVIDIA datasheet; DGX H100 10.2 kW / 8; ~$50K all-in"),
        GPUPreset(
            name: "GB200 NVL72", unitCapex: 70_000, powerKW: 1.7, peakFlops: 2.5e15,
            source: "~120 kW per 72-GPU rack; ~$3M per rack plus network and facility share"),
    ]

    public static var names: [String] { all.map(\.name) }

    /// Preset names match exactly.
    public static func named(_ name: String) -> GPUPreset? {
        all.first { $0.name == name }
    }
}

/// A model whose training runs the freed compute is counted in.
public struct ReferenceModel: Sendable, Equatable {
    public var name: String
    public var parameters: Double
    public var tokens: Double
    /// Published H100-80GB GPU-hours for one run; wins over the 6·N·D estimate when given.
    public var gpuHours: Double?

    public init(name: String, parameters: Double, tokens: Double, gpuHours: Double? = nil) {
        self.name = name
        self.parameters = parameters
        self.tokens = tokens
        self.gpuHours = gpuHours
    }

    /// FLOPs one training run takes: the card's GPU-hours on their fixed H100 basis
    /// (989e12 FLOP/s at 40% MFU, docs/scenario-format.md section 8), else 6 x N x D.
    public var trainingFlops: Double {
        if let gpuHours { return gpuHours * 3600 * 989e12 * 0.40 }
        return 6 * parameters * tokens
    }

    /// Llama 3.1 and Llama 4 model cards, H100-80GB GPU-hours (Llama 4: parameters active per token).
    public static let defaults: [ReferenceModel] = [
        ReferenceModel(name: "Llama 3.1 8B", parameters: 8e9, tokens: 15e12, gpuHours: 1.46e6),
        ReferenceModel(name: "Llama 3.1 70B", parameters: 70e9, tokens: 15e12, gpuHours: 7.0e6),
        ReferenceModel(name: "Llama 3.1 405B", parameters: 405e9, tokens: 15.6e12, gpuHours: 30.84e6),
        ReferenceModel(name: "Llama 4 Scout", parameters: 17e9, tokens: 40e12, gpuHours: 5.0e6),
        ReferenceModel(name: "Llama 4 Maverick", parameters: 17e9, tokens: 22e12, gpuHours: 2.38e6),
    ]
}

/// Financial and compute assumptions; defaults are the format doc's.
public struct Assumptions: Sendable, Equatable {
    public var taxRate = 0.21
    public var transactionCostRate = 0.02
    public var discountRate = 0.08
    public var horizonYears = 5
    public var leasebackCapRate = 0.07
    /// Power usage effectiveness; hyperscaler fleets report 1.08-1.1.
    public var pue = 1.1
    /// The stake a contributed facility or a development keeps unless it says otherwise (sections 6 and 7).
    public var contributeRetainedStake = 0.2
    public var gpu = GPUAssumptions()
    public var referenceModels = ReferenceModel.defaults
    /// Other GPUs to price the same capital in; nil means every preset but the scenario's own.
    public var gpuAlternatives: [GPUAssumptions]?

    public init() {}

    /// The alternatives as reported: the given list, else every preset the scenario's GPU is not.
    public var effectiveGPUAlternatives: [GPUAssumptions] {
        if let gpuAlternatives { return gpuAlternatives }
        return GPUPreset.all.filter { $0.name != gpu.preset && $0.name != gpu.name }.map(GPUAssumptions.init(preset:))
    }
}

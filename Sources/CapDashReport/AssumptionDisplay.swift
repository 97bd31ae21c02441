import CapDashModel

/// How assumptions read in reports, the dashboard and review packs.
extension AssumptionKey {
    public var label: String {
        switch self {
        case .taxRate: "Tax rate"
        case .transactionCostRate: "Transaction costs"
        case .discountRate: "Discount rate"
        case .horizonYears: "Horizon"
        case .leasebackCapRate: "Leaseback cap rate"
        case .pue: "PUE"
        case .contributeRetainedStake: "Default stake"
        case .gpuPreset: "GPU preset"
        case .gpuName: "GPU"
        case .gpuUnitCapex: "GPU unit capex"
        case .gpuPowerKW: "GPU power"
        case .gpuPeakFlops: "GPU peak FLOP/s"
        case .gpuMFU: "MFU"
        }
    }

    /// The value as the dashboard shows it.
    public func display(in assumptions: Assumptions, currency: String) -> String {
        switch self {
        case .taxRate, .transactionCostRate, .discountRate, .leasebackCapRate, .gpuMFU, .contributeRetainedStake:
            Format.percent(value(in: assumptions) ?? 0, decimals: 1)
        case .horizonYears: "\(assumptions.horizonYears) yr"
        case .pue: Format.fixed(assumptions.pue, decimals: 2)
        case .gpuName: assumptions.gpu.name
        case .gpuPreset: assumptions.gpu.preset ?? "—"
        case .gpuUnitCapex: Format.money(assumptions.gpu.unitCapex, currency: currency)
        case .gpuPowerKW: Format.fixed(assumptions.gpu.powerKW, decimals: 2) + " kW"
        case .gpuPeakFlops: Format.scientific(assumptions.gpu.peakFlops)
        }
    }
}

import CapDashModel
import CapDashReport

/// How the assumptions view shows and steps each assumption.
extension AssumptionKey {
    /// The `[`/`]` step; nil for the GPU's name, which is only typed.
    public var step: Double? {
        switch self {
        case .taxRate: 0.01
        case .transactionCostRate, .discountRate, .leasebackCapRate: 0.005
        case .horizonYears: 1
        case .pue: 0.01
        case .contributeRetainedStake: 0.05
        case .gpuUnitCapex: 5_000
        case .gpuPowerKW: 0.05
        case .gpuPeakFlops: 50e12
        case .gpuMFU: 0.01
        case .gpuName: nil
        }
    }

    public var label: String {
        switch self {
        case .taxRate: "Tax rate"
        case .transactionCostRate: "Transaction costs"
        case .discountRate: "Discount rate"
        case .horizonYears: "Horizon"
        case .leasebackCapRate: "Leaseback cap rate"
        case .pue: "PUE"
        case .contributeRetainedStake: "Contribution stake"
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
        case .gpuUnitCapex: Format.money(assumptions.gpu.unitCapex, currency: currency)
        case .gpuPowerKW: Format.fixed(assumptions.gpu.powerKW, decimals: 2) + " kW"
        case .gpuPeakFlops: Format.scientific(assumptions.gpu.peakFlops)
        }
    }

    /// The value as an editable string for `e`.
    public func editText(in assumptions: Assumptions) -> String {
        if self == .gpuName { return assumptions.gpu.name }
        return Numbers.plain(value(in: assumptions) ?? 0)
    }

    /// The assumptions stepped `direction` steps, or a message saying why not.
    func stepped(_ direction: Int, in assumptions: Assumptions) -> Result<Assumptions, Diagnostic> {
        guard let step, let current = value(in: assumptions) else {
            return .failure(.error(file: nil, at: nil, rawValue, "has no steps; press e to type a value"))
        }
        // Snap to the step's grid so repeated steps do not collect float dust.
        let raw = current + Double(direction) * step
        let snapped = (raw / step).rounded() * step
        let value = (snapped * 1e9).rounded() / 1e9
        return setting(Numbers.plain(value), in: assumptions)
    }
}

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
        case .gpuName, .gpuPreset: nil
        }
    }

    /// The value as an editable string for `e`.
    public func editText(in assumptions: Assumptions) -> String {
        if self == .gpuName || self == .gpuPreset { return text(in: assumptions) }
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

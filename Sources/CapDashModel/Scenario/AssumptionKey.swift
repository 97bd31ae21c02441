/// Every assumption a file, `--set` or the dashboard can change, by its dotted name.
public enum AssumptionKey: String, CaseIterable, Sendable {
    case taxRate = "tax_rate"
    case transactionCostRate = "transaction_cost_rate"
    case discountRate = "discount_rate"
    case horizonYears = "horizon_years"
    case leasebackCapRate = "leaseback_cap_rate"
    case pue
    case contributeRetainedStake = "contribute_retained_stake"
    /// A GPU generation's figures at once (docs/scenario-format.md section 8); explicit gpu keys still win.
    case gpuPreset = "gpu.preset"
    case gpuName = "gpu.name"
    case gpuUnitCapex = "gpu.unit_capex"
    case gpuPowerKW = "gpu.power_kw"
    case gpuPeakFlops = "gpu.peak_flops"
    case gpuMFU = "gpu.mfu"

    public static let names = allCases.map(\.rawValue)

    /// The numeric value in `assumptions`, nil for the GPU's name and preset.
    public func value(in assumptions: Assumptions) -> Double? {
        switch self {
        case .taxRate: assumptions.taxRate
        case .transactionCostRate: assumptions.transactionCostRate
        case .discountRate: assumptions.discountRate
        case .horizonYears: Double(assumptions.horizonYears)
        case .leasebackCapRate: assumptions.leasebackCapRate
        case .pue: assumptions.pue
        case .contributeRetainedStake: assumptions.contributeRetainedStake
        case .gpuPreset, .gpuName: nil
        case .gpuUnitCapex: assumptions.gpu.unitCapex
        case .gpuPowerKW: assumptions.gpu.powerKW
        case .gpuPeakFlops: assumptions.gpu.peakFlops
        case .gpuMFU: assumptions.gpu.mfu
        }
    }

    /// The value as comparable text: the exact number, or the GPU's name.
    public func text(in assumptions: Assumptions) -> String {
        switch self {
        case .gpuName: assumptions.gpu.name
        case .gpuPreset: assumptions.gpu.preset ?? ""
        default: value(in: assumptions).map(Numbers.plain) ?? ""
        }
    }

    /// The GPU key this assumption sets, if it is one (`gpu.unit_capex` is `.unitCapex`).
    public var gpuKey: GPUKey? {
        switch self {
        case .gpuName: .name
        case .gpuUnitCapex: .unitCapex
        case .gpuPowerKW: .powerKW
        case .gpuPeakFlops: .peakFlops
        case .gpuMFU: .mfu
        default: nil
        }
    }

    /// Interprets `field` with this key's rule and stores it; false (with a diagnostic) when invalid.
    @discardableResult
    func read(_ field: RawField, path: String, into assumptions: inout Assumptions, reader: inout FieldReader) -> Bool {
        switch self {
        case .gpuName:
            guard let name = reader.nonEmptyText(field, path, what: "a GPU name") else { return false }
            assumptions.gpu.name = name
            assumptions.gpu.explicitKeys.insert(.name)
            return true
        case .gpuPreset:
            guard let preset = Self.readPreset(field, path, &reader) else { return false }
            assumptions.gpu.apply(preset)
            return true
        case .horizonYears:
            guard let years = reader.wholeNumber(field, path, in: 1...100, what: "a whole number of years") else {
                return false
            }
            assumptions.horizonYears = years
            return true
        default:
            guard let value = readNumber(field, path: path, reader: &reader) else { return false }
            set(value, in: &assumptions)
            return true
        }
    }

    private func readNumber(_ field: RawField, path: String, reader: inout FieldReader) -> Double? {
        switch self {
        case .taxRate, .transactionCostRate, .discountRate, .leasebackCapRate:
            reader.rate(field, path)
        case .pue:
            reader.number(field, path, expected: "a PUE >= 1 (like 1.1)") { $0 >= 1 }
        case .contributeRetainedStake:
            reader.stake(field, path)
        case .gpuUnitCapex:
            reader.money(field, path).flatMap { value in
                if value > 0 { return value }
                reader.error(field.position, path, "expected a unit capex > 0 like 50000, found \(field.found)")
                return nil
            }
        case .gpuPowerKW:
            reader.number(field, path, expected: "a power per GPU in kW > 0 (like 1.3)") { $0 > 0 }
        case .gpuPeakFlops:
            reader.number(field, path, expected: "peak FLOP/s > 0 (like 989e12)") { $0 > 0 }
        case .gpuMFU:
            reader.number(field, path, expected: "an MFU in (0, 1] (like 0.40)", percent: true) { $0 > 0 && $0 <= 1 }
        case .horizonYears, .gpuName, .gpuPreset:
            nil
        }
    }

    /// Stores a value already known to be valid.
    public func set(_ value: Double, in assumptions: inout Assumptions) {
        switch self {
        case .taxRate: assumptions.taxRate = value
        case .transactionCostRate: assumptions.transactionCostRate = value
        case .discountRate: assumptions.discountRate = value
        case .horizonYears: assumptions.horizonYears = Int(value)
        case .leasebackCapRate: assumptions.leasebackCapRate = value
        case .pue: assumptions.pue = value
        case .contributeRetainedStake: assumptions.contributeRetainedStake = value
        case .gpuName, .gpuPreset: break
        case .gpuUnitCapex: assumptions.gpu.unitCapex = value
        case .gpuPowerKW: assumptions.gpu.powerKW = value
        case .gpuPeakFlops: assumptions.gpu.peakFlops = value
        case .gpuMFU: assumptions.gpu.mfu = value
        }
        // A GPU value set by hand is explicit: a preset applied later keeps it.
        if let key = gpuKey { assumptions.gpu.explicitKeys.insert(key) }
    }

    /// A preset name, exactly as the table spells it, with a did-you-mean.
    static func readPreset(_ field: RawField, _ path: String, _ reader: inout FieldReader) -> GPUPreset? {
        guard let name = reader.nonEmptyText(field, path, what: "a GPU preset like GB200 NVL72") else { return nil }
        if let preset = GPUPreset.named(name) { return preset }
        let known = GPUPreset.names
        reader.error(
            field.position, path,
            "unknown GPU preset \(field.found)" + Suggestions.didYouMean(name, among: known, fallback: known))
        return nil
    }

    /// Sets this assumption from text typed by a user (`--set`, the dashboard's `e`),
    /// with the same rules as the file; the error message names what is expected.
    public func setting(_ text: String, in assumptions: Assumptions) -> Result<Assumptions, Diagnostic> {
        var reader = FieldReader(file: "")
        var updated = assumptions
        let field = RawField(.text(text, plain: true), at: SourcePosition(line: 1, column: 1))
        if read(field, path: rawValue, into: &updated, reader: &reader) {
            return .success(updated)
        }
        var diagnostic = reader.errors[0]
        diagnostic.file = nil
        diagnostic.position = nil
        return .failure(diagnostic)
    }
}

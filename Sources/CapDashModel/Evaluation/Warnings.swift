/// What can be worth a warning about one facility, given what is done with it.
/// Checked without building messages, so a live dashboard can count warnings per toggle.
public struct FacilityWarnings: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `leaseback_rent` on a facility that is not leased back: ignored.
    public static let rentIgnored = FacilityWarnings(rawValue: 1)
    /// A sold facility priced below its book value.
    public static let belowBook = FacilityWarnings(rawValue: 2)
    /// AI-ready capacity sold outright.
    public static let aiReadyDivested = FacilityWarnings(rawValue: 4)
    /// `retained_stake` on a facility that is not contributed: ignored.
    public static let stakeIgnored = FacilityWarnings(rawValue: 8)

    public init(_ facility: Facility) {
        var kinds: FacilityWarnings = []
        if facility.leasebackRent != nil && facility.disposition != .leaseback && facility.disposition != .contribute {
            kinds.insert(.rentIgnored)
        }
        if facility.disposition.isSold, let price = facility.salePrice, price < facility.bookValue { kinds.insert(.belowBook) }
        if facility.disposition == .divest && facility.aiReady { kinds.insert(.aiReadyDivested) }
        if facility.retainedStake != nil && facility.disposition != .contribute { kinds.insert(.stakeIgnored) }
        self = kinds
    }

    public var count: Int { rawValue.nonzeroBitCount }
}

/// Warnings that depend on what is done with each facility, so they follow every toggle.
public func scenarioWarnings(_ scenario: Scenario) -> [Diagnostic] {
    let symbol = Money.symbol(forCurrency: scenario.currency)
    var warnings = scenario.loadWarnings
    for (index, facility) in scenario.facilities.enumerated() {
        let kinds = FacilityWarnings(facility)
        if kinds.isEmpty { continue }
        let source = facility.source
        let base = "facilities[\(index)]"
        if kinds.contains(.stakeIgnored) {
            warnings.append(.warning(
                file: source.file, at: source.retainedStake ?? source.item, "\(base).retained_stake",
                "ignored: \(facility.id) is \(facility.disposition.rawValue), not contribute"))
        }
        if kinds.contains(.rentIgnored) {
            warnings.append(.warning(
                file: source.file, at: source.leasebackRent ?? source.item, "\(base).leaseback_rent",
                "ignored: \(facility.id) is \(facility.disposition.rawValue), not leaseback or contribute"))
        }
        if kinds.contains(.belowBook), let price = facility.salePrice {
            warnings.append(.warning(
                file: source.file, at: source.salePrice ?? source.item, "\(base).sale_price",
                "\(facility.id) sells below book value (\(Money.format(price, symbol: symbol)) < \(Money.format(facility.bookValue, symbol: symbol)))"))
        }
        if kinds.contains(.aiReadyDivested) {
            warnings.append(.warning(
                file: source.file, at: source.disposition ?? source.item, "\(base).disposition",
                "\(facility.id) is AI-ready and divested outright: its \(Money.formatFixed(facility.capacityMW, decimals: 1)) MW leave the company (a leaseback keeps them)"))
        }
    }
    return warnings
}

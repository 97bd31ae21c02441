/// Warnings that depend on what is done with each facility, so they follow every toggle.
public func scenarioWarnings(_ scenario: Scenario) -> [Diagnostic] {
    let symbol = Money.symbol(forCurrency: scenario.currency)
    var warnings = scenario.loadWarnings
    for (index, facility) in scenario.facilities.enumerated() {
        let source = facility.source
        let base = "facilities[\(index)]"
        if facility.leasebackRent != nil && facility.disposition != .leaseback {
            warnings.append(.warning(
                file: source.file, at: source.leasebackRent ?? source.item, "\(base).leaseback_rent",
                "ignored: \(facility.id) is \(facility.disposition.rawValue), not leaseback"))
        }
        if facility.disposition.isSold, let price = facility.salePrice, price < facility.bookValue {
            warnings.append(.warning(
                file: source.file, at: source.salePrice ?? source.item, "\(base).sale_price",
                "\(facility.id) sells below book value (\(Money.format(price, symbol: symbol)) < \(Money.format(facility.bookValue, symbol: symbol)))"))
        }
        if facility.disposition == .divest && facility.aiReady {
            warnings.append(.warning(
                file: source.file, at: source.disposition ?? source.item, "\(base).disposition",
                "\(facility.id) is AI-ready and divested outright: its \(Money.formatFixed(facility.capacityMW, decimals: 1)) MW leave the company (a leaseback keeps them)"))
        }
    }
    return warnings
}

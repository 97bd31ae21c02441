import CapDashModel

/// The words of every warning (the model only counts them, per toggle):
/// load warnings as the loader wrote them, then each facility's, in file order.
public enum ScenarioWarnings {
    public static func list(_ scenario: Scenario) -> [Diagnostic] {
        var warnings = scenario.loadWarnings
        for (index, facility) in scenario.facilities.enumerated() {
            let kinds = FacilityWarnings(facility)
            if kinds.isEmpty { continue }
            let source = facility.source
            let base = "facilities[\(index)]"
            let disposition = facility.disposition.label
            if kinds.contains(.stakeIgnored) {
                let takers = Disposition.allCases.filter(\.keepsStake).map(\.label).joined(separator: " or ")
                warnings.append(.warning(
                    file: source.file, at: source.retainedStake ?? source.item, "\(base).retained_stake",
                    "ignored: \(facility.id) is \(disposition), not \(takers)"))
            }
            if kinds.contains(.rentIgnored) {
                let payers = Disposition.allCases.filter(\.paysRent).map(\.label).joined(separator: " or ")
                warnings.append(.warning(
                    file: source.file, at: source.leasebackRent ?? source.item, "\(base).leaseback_rent",
                    "ignored: \(facility.id) is \(disposition), not \(payers)"))
            }
            if kinds.contains(.belowBook), let price = facility.salePrice {
                let money = { Format.money($0, currency: scenario.currency) }
                warnings.append(.warning(
                    file: source.file, at: source.salePrice ?? source.item, "\(base).sale_price",
                    "\(facility.id) sells below book value (\(money(price)) < \(money(facility.bookValue)))"))
            }
            if kinds.contains(.aiReadyDivested) {
                warnings.append(.warning(
                    file: source.file, at: source.disposition ?? source.item, "\(base).disposition",
                    "\(facility.id) is AI-ready and divested outright: its \(Format.mw(facility.capacityMW)) MW leave the company (a leaseback keeps them)"))
            }
        }
        return warnings
    }
}

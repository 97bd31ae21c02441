import CapDashModel

/// The words of every warning (the model only counts them, per toggle):
/// load warnings as the loader wrote them, then each facility's, in file order.
public enum ScenarioWarnings {
    public static func list(_ scenario: Scenario) -> [Diagnostic] {
        list(scenario, limit: Int.max)
    }

    /// The first `limit` warnings, in the same order: only those are worded.
    public static func list(_ scenario: Scenario, limit: Int) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        forEach(in: scenario) { warning in
            guard warnings.count < limit else { return false }
            warnings.append(warning)
            return warnings.count < limit
        }
        return warnings
    }

    /// Each warning in turn, worded as it comes (a million facilities may warn a
    /// hundred thousand times: they are never all held at once).
    public static func forEach(in scenario: Scenario, _ body: (Diagnostic) -> Void) {
        forEach(in: scenario) { body($0); return true }
    }

    /// Each warning in turn until `body` returns false.
    private static func forEach(in scenario: Scenario, _ body: (Diagnostic) -> Bool) {
        for warning in scenario.loadWarnings where !body(warning) { return }
        // Said the same way for every facility: worded once.
        let takers = Disposition.allCases.filter(\.keepsStake).map(\.label).joined(separator: " or ")
        let payers = Disposition.allCases.filter(\.paysRent).map(\.label).joined(separator: " or ")
        let symbol = Format.symbol(forCurrency: scenario.currency)
        let facilities = scenario.facilities
        for index in facilities.indices {
            let kinds = FacilityWarnings(facilities[index])
            if kinds.isEmpty { continue }
            let facility = facilities[index]
            let source = facility.source
            let base = "facilities[\(index)]"
            let disposition = facility.disposition.label
            if kinds.contains(.stakeIgnored), !body(.warning(
                file: source.file, at: source.retainedStake ?? source.item, "\(base).retained_stake",
                "ignored: \(facility.id) is \(disposition), not \(takers)"))
            {
                return
            }
            if kinds.contains(.rentIgnored), !body(.warning(
                file: source.file, at: source.leasebackRent ?? source.item, "\(base).leaseback_rent",
                "ignored: \(facility.id) is \(disposition), not \(payers)"))
            {
                return
            }
            if kinds.contains(.belowBook), let price = facility.salePrice {
                let money = { Format.money($0, symbol: symbol) }
                if !body(.warning(
                    file: source.file, at: source.salePrice ?? source.item, "\(base).sale_price",
                    "\(facility.id) sells below book value (\(money(price)) < \(money(facility.bookValue)))"))
                {
                    return
                }
            }
            if kinds.contains(.aiReadyDivested), !body(.warning(
                file: source.file, at: source.disposition ?? source.item, "\(base).disposition",
                "\(facility.id) is AI-ready and divested outright: its \(Format.mw(facility.capacityMW)) MW leave the company (a leaseback keeps them)"))
            {
                return
            }
        }
    }

    /// How many warnings `list` would give, without wording any.
    public static func count(_ scenario: Scenario) -> Int {
        scenario.loadWarnings.count + FacilityWarnings.count(in: scenario.facilities)
    }
}

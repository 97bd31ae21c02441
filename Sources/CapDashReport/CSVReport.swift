import CapDashModel

/// One row per facility with its disposition, in the facility CSV format of
/// docs/scenario-format.md section 5, so the output loads back as `facilities_csv`.
public enum CSVReport {
    public static func render(_ scenario: Scenario) -> String {
        // Columns beyond docs/scenario-format.md section 2 only when the scenario uses them, so plain scenarios keep its columns.
        let staked = scenario.facilities.contains { $0.retainedStake != nil }
        let timed = scenario.facilities.contains { $0.expectedClose != nil || $0.closeProbability != nil }
        let keys = FacilityKey.allCases.filter { key in
            switch key {
            case .retainedStake: staked
            case .expectedClose, .closeProbability: timed
            default: true
            }
        }
        var lines = [keys.map(\.rawValue).joined(separator: ",")]
        lines.reserveCapacity(scenario.facilities.count + 1)
        for facility in scenario.facilities {
            let cells: [String] = keys.map { key in
                switch key {
                case .id: facility.id
                case .name: facility.name
                case .region: facility.region
                case .country: facility.country ?? ""
                case .capacityMW: number(facility.capacityMW)
                case .aiReady: facility.aiReady ? "true" : "false"
                case .commissioned: facility.commissioned.map(String.init) ?? ""
                case .bookValue: number(facility.bookValue)
                case .salePrice: facility.salePrice.map(number) ?? ""
                case .annualOpex: number(facility.annualOpex)
                case .annualCapex: number(facility.annualCapex)
                case .disposition: facility.disposition.rawValue
                case .leasebackRent: facility.leasebackRent.map(number) ?? ""
                case .retainedStake: facility.retainedStake.map(number) ?? ""
                case .expectedClose: facility.expectedClose ?? ""
                case .closeProbability: facility.closeProbability.map(number) ?? ""
                }
            }
            lines.append(cells.map(escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double) -> String {
        Format.exact(value) ?? ""
    }

    /// RFC 4180: quote fields with commas, quotes, line breaks or edge spaces.
    static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }
}

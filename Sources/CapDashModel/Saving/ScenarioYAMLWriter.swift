/// Writes a whole scenario as `capdash/v1` YAML, for saves that cannot edit in place.
public enum ScenarioYAMLWriter {
    public static func write(_ scenario: Scenario) -> String {
        let a = scenario.assumptions
        var lines = [
            "# Written by capdash. Values are exact; money is in \(scenario.currency).",
            "schema: \(ScenarioLoader.schema)",
            "name: \(quoted(scenario.name))",
            "currency: \(quoted(scenario.currency))",
        ]
        if let asOf = scenario.asOf { lines.append("as_of: \(asOf)") }
        if let notes = scenario.notes { lines.append("notes: \(quoted(notes))") }
        lines.append("assumptions:")
        for key in AssumptionKey.allCases where !key.rawValue.hasPrefix("gpu.") {
            lines.append("  \(key.rawValue): \(key.yamlText(in: a))")
        }
        lines.append("  gpu:")
        for key in AssumptionKey.allCases where key.rawValue.hasPrefix("gpu.") {
            lines.append("    \(key.rawValue.dropFirst(4)): \(key.yamlText(in: a))")
        }
        lines.append("  reference_models:")
        for model in a.referenceModels {
            lines.append("    - name: \(quoted(model.name))")
            lines.append("      parameters: \(number(model.parameters))")
            lines.append("      tokens: \(number(model.tokens))")
            if let hours = model.gpuHours { lines.append("      gpu_hours: \(number(hours))") }
        }
        lines.append("facilities:")
        for facility in scenario.facilities {
            lines.append("  - id: \(facility.id)")
            lines.append("    name: \(quoted(facility.name))")
            lines.append("    region: \(quoted(facility.region))")
            if let country = facility.country { lines.append("    country: \(quoted(country))") }
            lines.append("    capacity_mw: \(number(facility.capacityMW))")
            lines.append("    ai_ready: \(facility.aiReady)")
            if let year = facility.commissioned { lines.append("    commissioned: \(year)") }
            lines.append("    book_value: \(number(facility.bookValue))")
            if let price = facility.salePrice { lines.append("    sale_price: \(number(price))") }
            lines.append("    annual_opex: \(number(facility.annualOpex))")
            lines.append("    annual_capex: \(number(facility.annualCapex))")
            lines.append("    disposition: \(facility.disposition.rawValue)")
            if let rent = facility.leasebackRent { lines.append("    leaseback_rent: \(number(rent))") }
            if let stake = facility.retainedStake { lines.append("    retained_stake: \(number(stake))") }
            if let close = facility.expectedClose { lines.append("    expected_close: \(close)") }
            if let probability = facility.closeProbability { lines.append("    close_probability: \(number(probability))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        Numbers.plain(value)
    }

    /// A double-quoted YAML string with every special character escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

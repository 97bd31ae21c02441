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
        for key in AssumptionKey.allCases where key.gpuKey == nil && key != .gpuPreset {
            lines.append("  \(key.rawValue): \(key.yamlText(in: a))")
        }
        lines.append("  gpu:")
        lines += gpu(a.gpu, indent: "    ")
        if let alternatives = a.gpuAlternatives {
            lines.append("  gpu_alternatives:")
            for alternative in alternatives {
                var entry = gpu(alternative, indent: "      ")
                entry[0] = "    - " + entry[0].dropFirst(6)
                lines += entry
            }
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
        if !scenario.developments.isEmpty {
            lines.append("developments:")
            for development in scenario.developments { lines += self.development(development) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A GPU as its preset plus the keys that override it, or every key when it has no preset.
    static func gpu(_ gpu: GPUAssumptions, indent: String) -> [String] {
        var lines: [String] = []
        if let preset = gpu.preset { lines.append(indent + "preset: " + quoted(preset)) }
        var assumptions = Assumptions()
        assumptions.gpu = gpu
        for key in AssumptionKey.allCases {
            guard let gpuKey = key.gpuKey, gpu.preset == nil || gpu.explicitKeys.contains(gpuKey) || (gpuKey == .mfu && gpu.mfu != 0.40) else {
                continue
            }
            lines.append(indent + gpuKey.rawValue + ": " + key.yamlText(in: assumptions))
        }
        return lines
    }

    static func development(_ development: Development) -> [String] {
        var lines = [
            "  - id: \(development.id)",
            "    name: \(quoted(development.name))",
            "    region: \(quoted(development.region))",
            "    capacity_mw: \(number(development.capacityMW))",
            "    ai_ready: \(development.aiReady)",
            "    development_cost: \(number(development.developmentCost))",
            "    build_years: \(development.buildYears)",
            "    financing: \(development.financing.rawValue)",
        ]
        if let stake = development.retainedStake { lines.append("    retained_stake: \(number(stake))") }
        let lease = development.lease
        lines += [
            "    lease:",
            "      yield_on_cost: \(number(lease.yieldOnCost))",
            "      escalation: \(number(lease.escalation))",
        ]
        if let start = lease.startYear { lines.append("      start_year: \(start)") }
        lines.append("      firm_years: \(lease.firmYears)")
        if let expected = lease.expectedYears { lines.append("      expected_years: \(expected)") }
        lines.append("      exit_probability: \(number(lease.exitProbability))")
        if let guarantee = development.guarantee {
            lines += [
                "    residual_value_guarantee:",
                "      amount: \(number(guarantee.amount))",
                "      decline_years: \(guarantee.declineYears)",
                "      fair_value_ratio: \(number(guarantee.fairValueRatio))",
            ]
        }
        return lines
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

extension AssumptionKey {
    /// The value as it should appear in YAML.
    func yamlText(in assumptions: Assumptions) -> String {
        switch self {
        case .gpuName, .gpuPreset: ScenarioYAMLWriter.quoted(text(in: assumptions))
        default: text(in: assumptions)
        }
    }
}

@testable import CapDashModel

/// Loads YAML text as if from a file named `name`.
func loadYAML(_ text: String, name: String = "t.yaml") throws(ScenarioLoadError) -> Scenario {
    try ScenarioLoader.loadYAML(Array(text.utf8), file: name)
}

/// The diagnostics a YAML text produces (empty if it loads).
func errors(_ text: String, name: String = "t.yaml") -> [String] {
    do {
        _ = try loadYAML(text, name: name)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// A valid scenario's header, to which tests append facilities.
let header = """
    schema: capdash/v1
    name: Test
    facilities:

    """

/// One valid facility in YAML, with fields overridable by key.
func facilityYAML(_ overrides: [String: String] = [:], id: String = "f1") -> String {
    var fields: [(String, String)] = [
        ("id", id), ("name", "Facility"), ("region", "US"), ("capacity_mw", "10"), ("book_value", "100M"),
        ("sale_price", "150M"), ("annual_opex", "5M"), ("annual_capex", "2M"), ("disposition", "retain"),
    ]
    for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
        if let index = fields.firstIndex(where: { $0.0 == key }) {
            fields[index].1 = value
        } else {
            fields.append((key, value))
        }
    }
    fields.removeAll { $0.1 == "<absent>" }
    return fields.enumerated().map { index, field in
        (index == 0 ? "  - " : "    ") + "\(field.0): \(field.1)"
    }.joined(separator: "\n") + "\n"
}

/// Relative closeness for doubles computed along different but equivalent paths.
func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tolerance * max(abs(a), abs(b))
}

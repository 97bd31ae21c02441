import CapDashModel

/// One row per facility with its disposition, in the facility CSV format of
/// docs/scenario-format.md section 5, so the output loads back as `facilities_csv`.
public enum CSVReport {
    public static func render(_ scenario: Scenario) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64 + scenario.facilities.count * 96)
        write(scenario) { text.append(contentsOf: $0) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The same CSV, handed to `sink` a megabyte at a time rather than kept whole
    /// (a million facilities are some 85 MB of it). Throws what the sink throws.
    public static func write(_ scenario: Scenario, to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
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
        var out: [UInt8] = []
        out.reserveCapacity((1 << 20) + (1 << 16))
        out.append(contentsOf: keys.map(\.rawValue).joined(separator: ",").utf8)
        try scenario.facilities.withUnsafeBufferPointer { facilities in
            for index in facilities.indices {
                let facility = facilities[index]
                out.append(0x0A)
                for (position, key) in keys.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    switch key {
                    case .id: appendCell(facility.id, to: &out)
                    case .name: appendCell(facility.name, to: &out)
                    case .region: appendCell(facility.region, to: &out)
                    case .country: appendCell(facility.country ?? "", to: &out)
                    case .capacityMW: appendNumber(facility.capacityMW, to: &out)
                    case .aiReady: out.append(contentsOf: (facility.aiReady ? "true" : "false").utf8)
                    case .commissioned: if let year = facility.commissioned { appendCell(String(year), to: &out) }
                    case .bookValue: appendNumber(facility.bookValue, to: &out)
                    case .salePrice: if let price = facility.salePrice { appendNumber(price, to: &out) }
                    case .annualOpex: appendNumber(facility.annualOpex, to: &out)
                    case .annualCapex: appendNumber(facility.annualCapex, to: &out)
                    case .disposition: appendCell(facility.disposition.rawValue, to: &out)
                    case .leasebackRent: if let rent = facility.leasebackRent { appendNumber(rent, to: &out) }
                    case .retainedStake: if let stake = facility.retainedStake { appendNumber(stake, to: &out) }
                    case .expectedClose: appendCell(facility.expectedClose ?? "", to: &out)
                    case .closeProbability: if let probability = facility.closeProbability { appendNumber(probability, to: &out) }
                    }
                }
                if out.count >= 1 << 20 {
                    try out.withUnsafeBytes { try sink($0) }
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        out.append(0x0A)
        try out.withUnsafeBytes { try sink($0) }
    }

    private static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        appendCell(number(value), to: &out)
    }

    private static func number(_ value: Double) -> String {
        Format.exact(value) ?? ""
    }

    /// A cell as `escape` writes it; text without a comma, quote, line break or space
    /// at either end (nearly all) is copied as it is.
    private static func appendCell(_ field: String, to out: inout [UInt8]) {
        let plain = field.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            if let first = bytes.first, first == 0x20 || bytes.last == 0x20 { return false }
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
            out.append(contentsOf: bytes)
            return true
        } ?? false
        if !plain { out.append(contentsOf: escape(field).utf8) }
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

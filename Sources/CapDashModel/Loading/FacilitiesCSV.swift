/// Facilities from a CSV file (docs/scenario-format.md section 5): a header of facility keys
/// in any order, one facility per row, empty cells meaning absent.
enum FacilitiesCSV {
    /// `fastFirst`: try `FastFacilitiesCSV` first (false when it has already given up on this file).
    static func read(
        _ bytes: [UInt8], reader: inout FieldReader, limit: Int = FacilityCollector.limit, progress: LoadProgress? = nil,
        fastFirst: Bool = true
    ) -> [Facility] {
        // The usual file in one fast pass; anything unusual is read here, with every check and message.
        if fastFirst, let facilities = FastFacilitiesCSV.read(bytes, file: reader.file, limit: limit, currency: reader.currency, progress: progress) {
            return facilities
        }
        // Refuse an oversized file before parsing it: counting records is fast, parsing them is not.
        if let line = lineOfRecord(limit + 2, in: bytes) {
            reader.error(
                SourcePosition(line: line, column: 1), "facilities[\(limit)]",
                "more than \(limit) facilities; capdash handles at most \(limit) per scenario, so split the portfolio")
            return []
        }
        var parser = CSVParser(bytes: bytes)
        var collector = FacilityCollector(limit: limit)
        do {
            guard let header = try parser.nextRecord() else {
                reader.error(nil, "", "CSV file has no header row; expected columns like id,name,region,...")
                return []
            }
            guard let columns = readHeader(header, reader: &reader) else { return [] }
            var sawRows = 0
            while let record = try parser.nextRecord() {
                sawRows += 1
                let rowPosition = record[0].position
                guard record.count == columns.count else {
                    reader.error(
                        rowPosition, "",
                        "row has \(record.count) field\(record.count == 1 ? "" : "s"); the header has \(columns.count)")
                    if reader.hasTooManyErrors { break }
                    continue
                }
                var fields = FacilityFields()
                for (key, cell) in zip(columns, record) {
                    let empty = cell.text.isEmpty || (cell.quoted && cell.text.trimmingSpaces().isEmpty)
                    fields[key] = RawField(empty ? .null : .text(cell.text, plain: !cell.quoted), at: cell.position)
                }
                if !collector.add(fields, at: rowPosition, reader: &reader) || reader.hasTooManyErrors { break }
                if let progress, sawRows % 8192 == 0 { progress(sawRows, parser.offset, bytes.count) }
            }
            if sawRows == 0 {
                reader.error(nil, "facilities", "CSV file has a header but no facility rows; expected at least one facility")
            }
        } catch {
            reader.error(error.position, "", error.message)
        }
        return collector.facilities
    }

    /// The line where record `number` (1-based, the header being 1) starts, if the file has that many:
    /// a quote-aware count of line breaks, so quoted line breaks do not count.
    static func lineOfRecord(_ number: Int, in bytes: [UInt8]) -> Int? {
        var records = 1
        var line = 1
        var quoted = false
        var atRecordStart = true
        for byte in bytes {
            if atRecordStart && byte != 0x0A && byte != 0x0D {
                if records == number { return line }
                atRecordStart = false
            }
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == 0x0A {
                line += 1
                if !quoted {
                    records += atRecordStart ? 0 : 1
                    atRecordStart = true
                }
            }
        }
        return nil
    }

    /// The facility key of each column; nil (with diagnostics) when the header is unusable.
    private static func readHeader(_ header: [CSVParser.Field], reader: inout FieldReader) -> [FacilityKey]? {
        var columns: [FacilityKey] = []
        var seen: [FacilityKey: SourcePosition] = [:]
        var usable = true
        for cell in header {
            let name = cell.text.trimmingSpaces().lowercased()
            guard let key = FacilityKey(rawValue: name) else {
                let hint = FacilityKey.named(label: name).map { "; did you mean \($0.rawValue)?" }
                    ?? Suggestions.didYouMean(name, among: FacilityKey.names, fallback: FacilityKey.names)
                reader.error(cell.position, "", "unknown column \(Quoting.quoted(cell.text))" + hint)
                usable = false
                continue
            }
            if let first = seen[key] {
                reader.error(cell.position, "", "column '\(key.rawValue)' appears twice (first at column \(first.column))")
                usable = false
            }
            seen[key] = cell.position
            columns.append(key)
        }
        let missing = FacilityKey.allCases.filter { $0.isRequired && seen[$0] == nil }
        if !missing.isEmpty {
            reader.error(
                header.first?.position ?? SourcePosition(line: 1, column: 1), "",
                "header is missing required column\(missing.count == 1 ? "" : "s") "
                    + missing.map(\.rawValue).joined(separator: ", "))
            usable = false
        }
        return usable ? columns : nil
    }
}

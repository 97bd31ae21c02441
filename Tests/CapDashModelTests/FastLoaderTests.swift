import Foundation
import Testing
@testable import CapDashModel

/// The one-pass loader against the checking reader: whatever the number of parts
/// read at once and the size of the pieces read from disk, the facilities (values
/// and positions) are exactly the checking reader's, or it gives up.
@Suite("One-pass CSV loader")
struct FastLoaderTests {
    /// The checking reader's facilities, never the fast loader's.
    static func checked(_ bytes: [UInt8], currency: String = "USD") -> [Facility]? {
        var reader = FieldReader(file: "p.csv")
        reader.currency = currency
        let facilities = FacilitiesCSV.read(bytes, reader: &reader, fastFirst: false)
        return reader.errors.isEmpty ? facilities : nil
    }

    static func text(_ relative: String) -> [UInt8] {
        var bytes = Array(FileManager.default.contents(atPath: Golden.absolute(relative)) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }

    /// Every shape in one file: quoted line breaks (which a part's start may fall inside), CRLF,
    /// quotes, spaces around quotes, blank lines, non-ASCII names, money spellings.
    static let awkward: [UInt8] = {
        var lines = ["id,name,region,country,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition,retained_stake"]
        for index in 0..<400 {
            let name = switch index % 5 {
            case 0: "\"Hall \(index)\nwest wing\""
            case 1: "\"Zürich \"\"\(index)\"\"\""
            case 2: "  \"São Paulo \(index)\"  "
            case 3: "Plain \(index)"
            default: "\"a\r\nb \(index)\""
            }
            let disposition = ["retain", "Divest", " leaseback ", "CONTRIBUTE"][index % 4]
            let stake = index % 4 == 3 ? "0.25" : ""
            lines.append("f-\(index),\(name),EU,DE,\(index % 7).5,$\(index + 1)M,\"1,\(String(format: "%03d", index)),000\",2.5K,1e3,\(disposition),\(stake)")
            if index % 37 == 0 { lines.append("") }
        }
        return Array(lines.joined(separator: "\r\n").utf8) + [0x0A]
    }()

    static func inputs() -> [(String, [UInt8])] {
        [
            ("seed1", text("portfolios/seed1.csv")), ("seed2-mixed", text("portfolios/seed2-mixed.csv")),
            ("seed4", text("portfolios/seed4.csv")), ("plants", text("fuzz-seeds/plants.csv")), ("awkward", awkward),
        ]
    }

    @Test("read in 1 to 8 parts, a CSV gives the checking reader's facilities, positions included")
    func parts() throws {
        for (name, bytes) in Self.inputs() {
            let expected = try #require(Self.checked(bytes), "\(name) should load")
            for parts in 1...8 {
                let fast = FastFacilitiesCSV.read(bytes, file: "p.csv", limit: FacilityCollector.limit, parts: parts)
                #expect(fast == expected, "\(name) in \(parts) parts")
            }
        }
    }

    @Test("read from disk in pieces of any size (records cut anywhere, CRLFs split), the same facilities")
    func pieces() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capdash-fast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, bytes) in Self.inputs() {
            let expected = try #require(Self.checked(bytes))
            let path = directory.appendingPathComponent(name + ".csv").path
            // With a byte-order mark on disk: the path reader drops it, as SourceFile.readText does.
            try Data([0xEF, 0xBB, 0xBF] + bytes).write(to: URL(fileURLWithPath: path))
            for (parts, window) in [(1, 7), (1, 64), (2, 100), (3, 333), (4, 4096), (2, 1 << 20)] {
                let fast = FastFacilitiesCSV.read(path: path, file: "p.csv", limit: FacilityCollector.limit, parts: parts, windowSize: window)
                #expect(fast == expected, "\(name), \(parts) parts of \(window)-byte pieces")
            }
        }
    }

    @Test("what the checking reader complains about, the fast loader gives up on")
    func givesUp() {
        let header = "id,name,region,capacity_mw,book_value,annual_opex,annual_capex,disposition,sale_price\n"
        let rows = [
            "a,A,US,1,1M,1M,1M,retain,",  // fine, as a control
            "a,A,US,1,1M,1M,1M,divest,",  // sold without a price
            "a,A,US,-1,1M,1M,1M,retain,",  // negative capacity
            "a,A,US,1,-1M,1M,1M,retain,",  // negative money
            "a,A,US,1,1e-400,1M,1M,retain,",  // too small to tell from 0
            "a,A,US,1,1M,1M,1M,sell,",  // no such disposition
            "a,,US,1,1M,1M,1M,retain,",  // no name
            "a b,A,US,1,1M,1M,1M,retain,",  // not an id
            "a,A,US,1,1M,1M,1M,retain\n",  // a field short
            "a,A,US,1,1M,1M,1M,retain,,",  // a field over
            "a,\"A\"x,US,1,1M,1M,1M,retain,",  // text after a closing quote
            "a,\"A,US,1,1M,1M,1M,retain,",  // never closed
            "a,A\rB,US,1,1M,1M,1M,retain,",  // a lone CR
            "a,A\u{0},US,1,1M,1M,1M,retain,",  // a NUL
        ]
        for (index, row) in rows.enumerated() {
            let bytes = Array((header + row + "\n").utf8)
            let fast = FastFacilitiesCSV.read(bytes, file: "p.csv", limit: FacilityCollector.limit)
            if index == 0 {
                #expect(fast?.count == 1)
            } else {
                #expect(fast == nil, "row \(index): \(row.debugDescription)")
            }
        }
        let duplicate = Array((header + rows[0] + "\n" + rows[0] + "\n").utf8)
        #expect(FastFacilitiesCSV.read(duplicate, file: "p.csv", limit: FacilityCollector.limit) == nil)
        #expect(FastFacilitiesCSV.read(Array((header + rows[0] + "\n").utf8), file: "p.csv", limit: 0) == nil)
    }

    @Test("stakes and close probabilities written as percentages read fast, as the checking reader reads them; a bad one gives up")
    func percentages() throws {
        let header = "id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition,retained_stake,close_probability\n"
        let spellings = ["20%", " 7.5 % ", "0%", "99.99%", "0.35", "12.5%\t"]
        var rows = ""
        for (index, spelling) in spellings.enumerated() {
            rows += "f-\(index),F,EU,1,1M,2M,1M,1M,contribute,\(spelling),\(spellings[(index + 1) % spellings.count])\n"
        }
        let bytes = Array((header + rows).utf8)
        let fast = try #require(FastFacilitiesCSV.read(bytes, file: "p.csv", limit: FacilityCollector.limit))
        #expect(fast == Self.checked(bytes))
        // As the checking reader divides: 99.99% is 99.99 / 100, not the literal 0.9999.
        let expected: [Double?] = [20.0 / 100, 7.5 / 100, 0, 99.99 / 100, 0.35, 12.5 / 100]
        #expect(fast.map(\.retainedStake) == expected)
        for bad in ["100%", "%", "20%%", "-5%"] {
            let row = "f,F,EU,1,1M,2M,1M,1M,contribute,\(bad),\n"
            #expect(FastFacilitiesCSV.read(Array((header + row).utf8), file: "p.csv", limit: FacilityCollector.limit) == nil, "\(bad)")
        }
    }

    @Test("in a euro scenario, amounts led by € read fast, as the checking reader reads them; in dollars they give up")
    func currencySymbols() throws {
        let header = "id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\n"
        let rows = "a,A,EU,1,€300M,€ 1.2B,\"€1,250,000\",2.5M,divest\nb,B,EU,1,$4M,5M,€0,  €7K ,retain\n"
        let bytes = Array((header + rows).utf8)
        let fast = try #require(FastFacilitiesCSV.read(bytes, file: "p.csv", limit: FacilityCollector.limit, currency: "EUR"))
        #expect(fast == Self.checked(bytes, currency: "EUR"))
        #expect(fast.map(\.bookValue) == [300e6, 4e6])
        #expect(fast.map(\.annualCapex) == [2.5e6, 7e3])
        #expect(FastFacilitiesCSV.read(bytes, file: "p.csv", limit: FacilityCollector.limit) == nil)
        for bad in ["€-5M", "-€5M", "€", "€€5M", "€5MM"] {
            let row = "a,A,EU,1,\(bad),1M,1M,1M,retain\n"
            #expect(FastFacilitiesCSV.read(Array((header + row).utf8), file: "p.csv", limit: FacilityCollector.limit, currency: "EUR") == nil, "\(bad)")
        }
    }

    @Test("numbers and money in the fast spellings read exactly as Swift's correctly rounded parser reads them")
    func exactNumbers() {
        var random = SeededRandom(seed: 3)
        for _ in 0..<20_000 {
            let whole = String(UInt64.random(in: 0...UInt64(9_007_199_254_740_992), using: &random) >> UInt64.random(in: 0...52, using: &random))
            let fractionDigits = Int.random(in: 0...8, using: &random)
            let fraction = String((0..<fractionDigits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            let text = fraction.isEmpty ? whole : whole + "." + fraction
            let viaSwift = Double(text)!
            #expect(Numbers.parse(text) == viaSwift, "\(text)")
            #expect(Money.parse(text) == viaSwift, "\(text)")
            let suffix = ["K", "M", "B", "T"][Int.random(in: 0...3, using: &random)]
            let exponent = ["K": 3, "M": 6, "B": 9, "T": 12][suffix]!
            let scaled = Double((fraction.isEmpty ? whole + ".0" : text) + "e\(exponent)")!
            #expect(Money.parse(text + suffix) == scaled, "\(text)\(suffix)")
        }
    }

    @Test("FacilityKey.ordinal is each key's place in allCases")
    func ordinals() {
        for (index, key) in FacilityKey.allCases.enumerated() { #expect(key.ordinal == index) }
    }

    @Test("a facility keeps every value and position it is given, in less room than before")
    func compactFacility() {
        var facility = Facility(
            id: "x", name: "X", region: "US", capacityMW: 1, commissioned: 2_001, bookValue: 2, salePrice: nil, annualOpex: 3,
            annualCapex: 4, disposition: .retain, leasebackRent: 0, retainedStake: -0.0, closeProbability: .nan,
            source: FacilitySource(file: "f", item: SourcePosition(line: 3, column: 1), salePrice: nil, disposition: SourcePosition(line: 9, column: 70_000)))
        #expect(facility.salePrice == nil && facility.leasebackRent == 0 && facility.retainedStake == 0 && facility.closeProbability!.isNaN)
        #expect(facility.commissioned == 2001)
        #expect(facility.source.item == SourcePosition(line: 3, column: 1) && facility.source.salePrice == nil)
        #expect(facility.source.disposition == SourcePosition(line: 9, column: 70_000))
        facility.salePrice = 5
        facility.commissioned = nil
        #expect(facility.salePrice == 5 && facility.commissioned == nil)
        // Equal facilities are equal whatever was stored and cleared before (a NaN is never equal, as before).
        facility.salePrice = nil
        facility.closeProbability = 0.5
        var same = facility
        same.salePrice = 7
        same.salePrice = nil
        #expect(same == facility)
        #expect(MemoryLayout<Facility>.size <= 208)
    }
}

/// The sums over facilities that every figure of MODEL.md section 3 is built
/// from, each a compensated sum so neither size nor toggling makes it drift. A facility's share can be added or removed on its own, so a toggle
/// costs O(1) instead of a pass over the whole portfolio.
public struct PortfolioTotals: Sendable, Equatable {
    public var facilities = 0
    public var retained = 0
    public var divested = 0
    public var leasedBack = 0

    /// Over sold facilities S (divest and leaseback).
    public var salePrice: Double { salePriceSum.value }
    private var salePriceSum = CompensatedSum()
    public var bookValue: Double { bookValueSum.value }
    private var bookValueSum = CompensatedSum()
    public var annualCapex: Double { annualCapexSum.value }
    private var annualCapexSum = CompensatedSum()
    /// Over divested facilities D only: a leaseback keeps paying opex.
    public var divestedAnnualOpex: Double { divestedAnnualOpexSum.value }
    private var divestedAnnualOpexSum = CompensatedSum()
    /// Over leaseback facilities L: rent as given, and the sale prices of those
    /// without a rent (their rent is cap rate x price, which depends on an assumption).
    public var leasebackRentGiven: Double { leasebackRentGivenSum.value }
    private var leasebackRentGivenSum = CompensatedSum()
    public var leasebackSalePriceWithoutRent: Double { leasebackSalePriceWithoutRentSum.value }
    private var leasebackSalePriceWithoutRentSum = CompensatedSum()

    public var retainedMW: Double { retainedMWSum.value }
    private var retainedMWSum = CompensatedSum()
    public var divestedMW: Double { divestedMWSum.value }
    private var divestedMWSum = CompensatedSum()
    public var aiReadyRetainedMW: Double { aiReadyRetainedMWSum.value }
    private var aiReadyRetainedMWSum = CompensatedSum()
    public var aiReadyDivestedMW: Double { aiReadyDivestedMWSum.value }
    private var aiReadyDivestedMWSum = CompensatedSum()

    public init() {}

    public init(_ facilities: [Facility]) {
        for facility in facilities { add(facility) }
    }

    public mutating func add(_ facility: Facility) {
        apply(facility, sign: 1)
    }

    public mutating func remove(_ facility: Facility) {
        apply(facility, sign: -1)
    }

    private mutating func apply(_ facility: Facility, sign: Double) {
        let count = sign > 0 ? 1 : -1
        facilities += count
        switch facility.disposition {
        case .retain: retained += count
        case .divest: divested += count
        case .leaseback: leasedBack += count
        }
        if facility.disposition.isSold {
            salePriceSum += sign * (facility.salePrice ?? 0)
            bookValueSum += sign * facility.bookValue
            annualCapexSum += sign * facility.annualCapex
        }
        if facility.disposition == .divest {
            divestedAnnualOpexSum += sign * facility.annualOpex
        }
        if facility.disposition == .leaseback {
            if let rent = facility.leasebackRent {
                leasebackRentGivenSum += sign * rent
            } else {
                leasebackSalePriceWithoutRentSum += sign * (facility.salePrice ?? 0)
            }
        }
        let mw = sign * facility.capacityMW
        if facility.disposition.keepsCapacity {
            retainedMWSum += mw
            if facility.aiReady { aiReadyRetainedMWSum += mw }
        } else {
            divestedMWSum += mw
            if facility.aiReady { aiReadyDivestedMWSum += mw }
        }
    }
}

/// One region's share of the portfolio.
public struct RegionTotals: Sendable, Equatable {
    public var region: String
    public var facilities = 0
    public var retainedMW: Double { retainedMWSum.value }
    private var retainedMWSum = CompensatedSum()
    public var divestedMW: Double { divestedMWSum.value }
    private var divestedMWSum = CompensatedSum()
    public var grossProceeds: Double { grossProceedsSum.value }
    private var grossProceedsSum = CompensatedSum()

    public init(
        region: String, facilities: Int = 0, retainedMW: Double = 0, divestedMW: Double = 0, grossProceeds: Double = 0
    ) {
        self.region = region
        self.facilities = facilities
        retainedMWSum += retainedMW
        divestedMWSum += divestedMW
        grossProceedsSum += grossProceeds
    }

    mutating func add(_ facility: Facility) {
        apply(facility, sign: 1)
    }

    mutating func remove(_ facility: Facility) {
        apply(facility, sign: -1)
    }

    private mutating func apply(_ facility: Facility, sign: Double) {
        facilities += sign > 0 ? 1 : -1
        if facility.disposition.keepsCapacity {
            retainedMWSum += sign * facility.capacityMW
        } else {
            divestedMWSum += sign * facility.capacityMW
        }
        if facility.disposition.isSold { grossProceedsSum += sign * (facility.salePrice ?? 0) }
    }

    /// Regions sorted by name in byte order, as MODEL.md asks.
    static func summarize(_ facilities: [Facility]) -> [RegionTotals] {
        var byRegion: [String: RegionTotals] = [:]
        for facility in facilities {
            byRegion[facility.region, default: RegionTotals(region: facility.region)].add(facility)
        }
        return byRegion.values.sorted { $0.region.utf8.lexicographicallyPrecedes($1.region.utf8) }
    }
}

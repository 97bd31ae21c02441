/// The sums over facilities that every figure of MODEL.md section 3 is built
/// from. A facility's share can be added or removed on its own, so a toggle
/// costs O(1) instead of a pass over the whole portfolio.
public struct PortfolioTotals: Sendable, Equatable {
    public var facilities = 0
    public var retained = 0
    public var divested = 0
    public var leasedBack = 0

    /// Over sold facilities S (divest and leaseback).
    public var salePrice = 0.0
    public var bookValue = 0.0
    public var annualCapex = 0.0
    /// Over divested facilities D only: a leaseback keeps paying opex.
    public var divestedAnnualOpex = 0.0
    /// Over leaseback facilities L: rent as given, and the sale prices of those
    /// without a rent (their rent is cap rate x price, which depends on an assumption).
    public var leasebackRentGiven = 0.0
    public var leasebackSalePriceWithoutRent = 0.0

    public var retainedMW = 0.0
    public var divestedMW = 0.0
    public var aiReadyRetainedMW = 0.0
    public var aiReadyDivestedMW = 0.0

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
            salePrice += sign * (facility.salePrice ?? 0)
            bookValue += sign * facility.bookValue
            annualCapex += sign * facility.annualCapex
        }
        if facility.disposition == .divest {
            divestedAnnualOpex += sign * facility.annualOpex
        }
        if facility.disposition == .leaseback {
            if let rent = facility.leasebackRent {
                leasebackRentGiven += sign * rent
            } else {
                leasebackSalePriceWithoutRent += sign * (facility.salePrice ?? 0)
            }
        }
        let mw = sign * facility.capacityMW
        if facility.disposition.keepsCapacity {
            retainedMW += mw
            if facility.aiReady { aiReadyRetainedMW += mw }
        } else {
            divestedMW += mw
            if facility.aiReady { aiReadyDivestedMW += mw }
        }
    }
}

/// One region's share of the portfolio.
public struct RegionTotals: Sendable, Equatable {
    public var region: String
    public var facilities = 0
    public var retainedMW = 0.0
    public var divestedMW = 0.0
    public var grossProceeds = 0.0

    public init(
        region: String, facilities: Int = 0, retainedMW: Double = 0, divestedMW: Double = 0, grossProceeds: Double = 0
    ) {
        self.region = region
        self.facilities = facilities
        self.retainedMW = retainedMW
        self.divestedMW = divestedMW
        self.grossProceeds = grossProceeds
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
            retainedMW += sign * facility.capacityMW
        } else {
            divestedMW += sign * facility.capacityMW
        }
        if facility.disposition.isSold { grossProceeds += sign * (facility.salePrice ?? 0) }
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

/// The sums over facilities that every figure of MODEL.md sections 3 and 6 is
/// built from, each a compensated sum so neither size nor toggling makes it
/// drift. A facility's share can be added or removed on its own, so a toggle
/// costs O(1) instead of a pass over the whole portfolio.
///
/// Sales are weighted by the sold fraction phi (section 6). Contributed
/// facilities on the default stake are summed apart, unweighted, because their
/// phi depends on an assumption the dashboard can step; `evaluate` weighs them.
public struct PortfolioTotals: Sendable, Equatable {
    public var facilities = 0
    public var retained = 0
    public var divested = 0
    public var leasedBack = 0
    public var contributed = 0

    /// phi-weighted over sold facilities (divest, leaseback, contribute with its own stake).
    public var salePrice: Double { salePriceSum.value }
    private var salePriceSum = CompensatedSum()
    public var bookValue: Double { bookValueSum.value }
    private var bookValueSum = CompensatedSum()
    public var annualCapex: Double { annualCapexSum.value }
    private var annualCapexSum = CompensatedSum()
    /// Over divested facilities D only: a leaseback or contribution keeps paying opex.
    public var divestedAnnualOpex: Double { divestedAnnualOpexSum.value }
    private var divestedAnnualOpexSum = CompensatedSum()
    /// phi-weighted over L and C: rent as given, and the sale prices of those without a rent
    /// (their rent is cap rate x price, which depends on an assumption).
    public var leasebackRentGiven: Double { leasebackRentGivenSum.value }
    private var leasebackRentGivenSum = CompensatedSum()
    public var leasebackSalePriceWithoutRent: Double { leasebackSalePriceWithoutRentSum.value }
    private var leasebackSalePriceWithoutRentSum = CompensatedSum()
    /// Stake x price over contributed facilities with their own stake.
    public var retainedEquity: Double { retainedEquitySum.value }
    private var retainedEquitySum = CompensatedSum()

    /// Contributed facilities on the default stake, unweighted.
    public var defaultStake = ContributedSums()

    public var retainedMW: Double { retainedMWSum.value }
    private var retainedMWSum = CompensatedSum()
    public var divestedMW: Double { divestedMWSum.value }
    private var divestedMWSum = CompensatedSum()
    public var aiReadyRetainedMW: Double { aiReadyRetainedMWSum.value }
    private var aiReadyRetainedMWSum = CompensatedSum()
    public var aiReadyDivestedMW: Double { aiReadyDivestedMWSum.value }
    private var aiReadyDivestedMWSum = CompensatedSum()

    /// Sums of contributed facilities whose stake is the assumption's default.
    public struct ContributedSums: Sendable, Equatable {
        public var salePrice = CompensatedSum()
        public var bookValue = CompensatedSum()
        public var annualCapex = CompensatedSum()
        public var rentGiven = CompensatedSum()
        public var salePriceWithoutRent = CompensatedSum()
        public init() {}
    }

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
        case .contribute: contributed += count
        }
        let price = facility.salePrice ?? 0
        if facility.disposition == .contribute && facility.retainedStake == nil {
            defaultStake.salePrice += sign * price
            defaultStake.bookValue += sign * facility.bookValue
            defaultStake.annualCapex += sign * facility.annualCapex
            if let rent = facility.leasebackRent {
                defaultStake.rentGiven += sign * rent
            } else {
                defaultStake.salePriceWithoutRent += sign * price
            }
        } else if facility.disposition.isSold {
            // phi is known here: 1, or 1 - the facility's own stake.
            let phi = facility.disposition == .contribute ? 1 - facility.retainedStake! : 1
            salePriceSum += sign * phi * price
            bookValueSum += sign * phi * facility.bookValue
            annualCapexSum += sign * phi * facility.annualCapex
            if facility.disposition != .divest {
                if let rent = facility.leasebackRent {
                    leasebackRentGivenSum += sign * phi * rent
                } else {
                    leasebackSalePriceWithoutRentSum += sign * phi * price
                }
            }
            if facility.disposition == .contribute { retainedEquitySum += sign * facility.retainedStake! * price }
        }
        if facility.disposition == .divest {
            divestedAnnualOpexSum += sign * facility.annualOpex
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
    /// phi-weighted sale prices; contributions on the default stake are folded in by `evaluate`.
    public var grossProceeds: Double { grossProceedsSum.value }
    private var grossProceedsSum = CompensatedSum()
    private var defaultStakePriceSum = CompensatedSum()

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
        let price = facility.salePrice ?? 0
        switch facility.disposition {
        case .retain: break
        case .divest, .leaseback: grossProceedsSum += sign * price
        case .contribute:
            if let stake = facility.retainedStake {
                grossProceedsSum += sign * (1 - stake) * price
            } else {
                defaultStakePriceSum += sign * price
            }
        }
    }

    /// The totals as reported, with default-stake contributions weighted by 1 - `defaultStake`.
    func resolved(defaultStake: Double) -> RegionTotals {
        var result = RegionTotals(region: region, facilities: facilities, retainedMW: retainedMW, divestedMW: divestedMW)
        result.grossProceedsSum = grossProceedsSum
        result.grossProceedsSum += (1 - defaultStake) * defaultStakePriceSum.value
        return result
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

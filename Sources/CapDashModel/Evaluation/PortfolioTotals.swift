/// The sums over facilities that every figure of docs/scenario-format.md sections 3 and 6 is
/// built from, each a compensated sum so neither size nor toggling makes it
/// drift. A facility's share can be added or removed on its own, so a toggle
/// costs O(1) instead of a pass over the whole portfolio.
///
/// Each facility adds its `SaleShare` (the one definition of what a
/// disposition contributes). Contributions on the default stake are summed
/// apart as whole shares, because their phi depends on an assumption the
/// dashboard can step; `sale(defaultStake:)` weighs them by the same rule.
public struct PortfolioTotals: Sendable, Equatable {
    public var facilities = 0
    /// How many facilities have each disposition.
    public private(set) var counts = DispositionCounts()

    private var fixedStake = CompensatedShare()
    private var defaultStakeWhole = CompensatedShare()

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
        // In place: a loop over the array's elements would copy each facility.
        facilities.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { add(buffer[index]) }
        }
    }

    /// The portfolio's sale sums, with contributions on the default stake weighed at `defaultStake`.
    public func sale(defaultStake: Double) -> SaleShare {
        fixedStake.value + Disposition.contribute.weigh(defaultStakeWhole.value, stake: defaultStake)
    }

    public mutating func add(_ facility: Facility) {
        apply(facility, sign: 1)
    }

    public mutating func remove(_ facility: Facility) {
        apply(facility, sign: -1)
    }

    /// Whether a facility's share waits for the default stake to be weighed.
    static func onDefaultStake(_ facility: Facility) -> Bool {
        facility.disposition.keepsStake && facility.retainedStake == nil
    }

    private mutating func apply(_ facility: Facility, sign: Double) {
        let count = sign > 0 ? 1 : -1
        facilities += count
        counts[facility.disposition] += count
        if Self.onDefaultStake(facility) {
            defaultStakeWhole.add(facility.disposition.wholeShare(of: facility), sign: sign)
        } else {
            // phi is known here: the facility's own stake (or none).
            fixedStake.add(facility.disposition.share(of: facility, stake: facility.retainedStake ?? 0), sign: sign)
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

/// Facilities per disposition, indexed by the disposition itself.
public struct DispositionCounts: Sendable, Equatable {
    private var counts = [Int](repeating: 0, count: Disposition.allCases.count)

    public init() {}

    public subscript(disposition: Disposition) -> Int {
        get { counts[disposition.ordinal] }
        set { counts[disposition.ordinal] = newValue }
    }
}

/// A `SaleShare` summed without drift, field by field.
struct CompensatedShare: Sendable, Equatable {
    private var grossProceeds = CompensatedSum()
    private var bookValueReleased = CompensatedSum()
    private var soldAnnualCapex = CompensatedSum()
    private var avoidedAnnualOpex = CompensatedSum()
    private var rentGiven = CompensatedSum()
    private var priceWithoutRent = CompensatedSum()
    private var retainedEquity = CompensatedSum()

    mutating func add(_ share: SaleShare, sign: Double) {
        grossProceeds += sign * share.grossProceeds
        bookValueReleased += sign * share.bookValueReleased
        soldAnnualCapex += sign * share.soldAnnualCapex
        avoidedAnnualOpex += sign * share.avoidedAnnualOpex
        rentGiven += sign * share.rentGiven
        priceWithoutRent += sign * share.priceWithoutRent
        retainedEquity += sign * share.retainedEquity
    }

    var value: SaleShare {
        var share = SaleShare()
        share.grossProceeds = grossProceeds.value
        share.bookValueReleased = bookValueReleased.value
        share.soldAnnualCapex = soldAnnualCapex.value
        share.avoidedAnnualOpex = avoidedAnnualOpex.value
        share.rentGiven = rentGiven.value
        share.priceWithoutRent = priceWithoutRent.value
        share.retainedEquity = retainedEquity.value
        return share
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
    /// phi-weighted sale prices; contributions on the default stake are weighed by `resolved`.
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
        if PortfolioTotals.onDefaultStake(facility) {
            defaultStakePriceSum += sign * facility.disposition.wholeShare(of: facility).grossProceeds
        } else {
            grossProceedsSum += sign * facility.disposition.share(of: facility, stake: facility.retainedStake ?? 0).grossProceeds
        }
    }

    /// The totals as reported, with default-stake contributions weighed at `defaultStake`.
    func resolved(defaultStake: Double) -> RegionTotals {
        var result = RegionTotals(region: region, facilities: facilities, retainedMW: retainedMW, divestedMW: divestedMW)
        result.grossProceedsSum = grossProceedsSum
        result.grossProceedsSum += Disposition.contribute.soldFraction(stake: defaultStake) * defaultStakePriceSum.value
        return result
    }

    /// Regions sorted by name in byte order, as docs/scenario-format.md asks.
    static func summarize(_ facilities: [Facility]) -> [RegionTotals] {
        // Portfolios have a few regions: found by comparing names (cheaper than hashing
        // them per facility), and by a dictionary only past a few dozen.
        var totals: [RegionTotals] = []
        var indexOfRegion: [String: Int] = [:]
        facilities.withUnsafeBufferPointer { buffer in
            var last = -1
            for index in buffer.indices {
                let region = buffer[index].region
                var found = last >= 0 && totals[last].region == region ? last : nil
                if found == nil {
                    if totals.count <= 32 {
                        found = totals.firstIndex { $0.region == region }
                    } else {
                        found = indexOfRegion[region]
                    }
                }
                let slot: Int
                if let found {
                    slot = found
                } else {
                    slot = totals.count
                    totals.append(RegionTotals(region: region))
                    if totals.count > 32 {
                        if indexOfRegion.isEmpty { for (position, known) in totals.enumerated() { indexOfRegion[known.region] = position } }
                        indexOfRegion[region] = slot
                    }
                }
                totals[slot].add(buffer[index])
                last = slot
            }
        }
        return totals.sorted { $0.region.utf8.lexicographicallyPrecedes($1.region.utf8) }
    }
}

import Foundation

/// One development's figures (docs/scenario-format.md section 7), under the names of the JSON
/// report: `build_pv` is `buildPV`. Years t = 1, 2, ... are year ends after
/// `as_of`, discounted by d(t) = (1 + r)^-t.
public struct DevelopmentEvaluation: Sendable, Equatable {
    public var id: String
    public var name: String
    public var region: String
    public var capacityMW: Double
    public var aiReady: Bool
    public var financing: Financing
    /// s, the effective stake (its own or the default).
    public var retainedStake: Double
    public var developmentCost: Double
    /// S, the year of the first rent.
    public var firstRentYear: Int
    /// (C / B) x sum over t = 1..B of d(t).
    public var buildPV: Double
    /// partner: (1 - s) x build PV; own: 0.
    public var capexAvoidedPV: Double
    /// Rent over the firm term, t = S .. S + n_f - 1.
    public var firmRentPV: Double
    /// Rent over the expected renewals, t = S + n_f .. S + n_e - 1.
    public var renewalRentPV: Double
    /// firm + (1 - p) x renewal.
    public var expectedRentPV: Double
    /// partner: (1 - s) x expected rent PV (the stake's share comes back as distributions); own: 0.
    public var netRentPV: Double
    /// partner: the firm term's rent PV, which ASC 842 puts on the balance sheet; own: 0.
    public var leaseLiabilityPV: Double
    /// partner: expected - firm rent PV, the renewals that stay off the balance sheet; own: 0.
    public var offBalanceSheetPV: Double
    /// G0 x max(0, 1 - n_f / Y): what the guarantee covers at the first exit; 0 without one.
    public var rvgGuaranteedValue: Double
    /// max(0, guaranteed value - v x C): what the company would pay at that exit.
    public var rvgShortfall: Double
    /// partner: p x shortfall x d(S + n_f - 1); own: 0.
    public var rvgExpectedPV: Double
    /// partner: s x C; own: 0.
    public var developmentEquity: Double
}

extension Development {
    /// Section 7's figures for this development under these assumptions.
    public func evaluate(_ assumptions: Assumptions) -> DevelopmentEvaluation {
        let r = assumptions.discountRate
        func discount(_ year: Int) -> Double { r == 0 ? 1 : pow(1 + r, -Double(year)) }
        let cost = developmentCost
        let stake = stake(assumptions)
        let start = firstRentYear
        let firm = lease.firmYears
        let expected = expectedYears

        var buildPV = 0.0
        for year in 1...max(1, buildYears) { buildPV += discount(year) }
        buildPV *= cost / Double(buildYears)

        func rent(_ year: Int) -> Double { lease.yieldOnCost * cost * pow(1 + lease.escalation, Double(year - start)) }
        var firmRentPV = 0.0
        for year in start..<(start + firm) { firmRentPV += rent(year) * discount(year) }
        var renewalRentPV = 0.0
        for year in (start + firm)..<max(start + firm, start + expected) { renewalRentPV += rent(year) * discount(year) }
        let expectedRentPV = firmRentPV + (1 - lease.exitProbability) * renewalRentPV

        var guaranteed = 0.0
        var shortfall = 0.0
        if let guarantee {
            guaranteed = guarantee.amount * max(0, 1 - Double(firm) / Double(guarantee.declineYears))
            shortfall = max(0, guaranteed - guarantee.fairValueRatio * cost)
        }

        // What partner financing changes against building it oneself (own is the baseline: all 0).
        let partnerShare = financing.partnerShare(stake: stake)
        let leased = financing.leases
        return DevelopmentEvaluation(
            id: id, name: name, region: region, capacityMW: capacityMW, aiReady: aiReady, financing: financing,
            retainedStake: stake, developmentCost: cost, firstRentYear: start, buildPV: buildPV,
            capexAvoidedPV: partnerShare * buildPV, firmRentPV: firmRentPV, renewalRentPV: renewalRentPV,
            expectedRentPV: expectedRentPV, netRentPV: partnerShare * expectedRentPV,
            leaseLiabilityPV: leased ? firmRentPV : 0, offBalanceSheetPV: leased ? expectedRentPV - firmRentPV : 0,
            rvgGuaranteedValue: guaranteed, rvgShortfall: shortfall,
            rvgExpectedPV: leased ? lease.exitProbability * shortfall * discount(start + firm - 1) : 0,
            developmentEquity: leased ? stake * cost : 0)
    }

    /// The yearly cash of partner financing against building alone, undiscounted:
    /// capex avoided in the build years, net rent in the lease years (renewals
    /// weighted by 1 - p). Own financing has none.
    public func yearlyFlows(_ assumptions: Assumptions) -> [YearlyFlow] {
        let share = financing.partnerShare(stake: stake(assumptions))
        guard share > 0 else { return [] }
        let start = firstRentYear
        let last = max(buildYears, start + expectedYears - 1)
        return (1...last).map { year in
            let capex = year <= buildYears ? share * developmentCost / Double(buildYears) : 0
            var rent = 0.0
            if year >= start && year < start + expectedYears {
                let weight = year < start + lease.firmYears ? 1 : 1 - lease.exitProbability
                rent = share * weight * lease.yieldOnCost * developmentCost * pow(1 + lease.escalation, Double(year - start))
            }
            return YearlyFlow(year: year, capexAvoided: capex, netRent: rent)
        }
    }
}

/// One year of a development's financing cash: capital kept now against rent paid later.
public struct YearlyFlow: Sendable, Equatable {
    /// Year end after `as_of`: 1, 2, ...
    public var year: Int
    public var capexAvoided: Double
    public var netRent: Double
}

/// Section 7's totals over every development.
public struct DevelopmentTotals: Sendable, Equatable {
    public var count = 0
    public var partnerFinanced = 0
    public var capexAvoidedPV = 0.0
    public var netRentPV = 0.0
    public var rvgExpectedPV = 0.0
    /// Sum over partner developments of the guaranteed value at the first exit, undiscounted.
    public var rvgMaxPayment = 0.0
    public var leaseLiabilityPV = 0.0
    public var offBalanceSheetPV = 0.0
    public var developmentEquity = 0.0
    public var developingMW = 0.0
    public var aiReadyDevelopingMW = 0.0

    public init() {}

    public init(_ developments: [DevelopmentEvaluation]) {
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: 9)
        for development in developments {
            count += 1
            if development.financing.leases { partnerFinanced += 1 }
            sums[0] += development.capexAvoidedPV
            sums[1] += development.netRentPV
            sums[2] += development.rvgExpectedPV
            if development.financing.leases { sums[3] += development.rvgGuaranteedValue }
            sums[4] += development.leaseLiabilityPV
            sums[5] += development.offBalanceSheetPV
            sums[6] += development.developmentEquity
            sums[7] += development.capacityMW
            if development.aiReady { sums[8] += development.capacityMW }
        }
        capexAvoidedPV = sums[0].value
        netRentPV = sums[1].value
        rvgExpectedPV = sums[2].value
        rvgMaxPayment = sums[3].value
        leaseLiabilityPV = sums[4].value
        offBalanceSheetPV = sums[5].value
        developmentEquity = sums[6].value
        developingMW = sums[7].value
        aiReadyDevelopingMW = sums[8].value
    }
}

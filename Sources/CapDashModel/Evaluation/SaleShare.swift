/// What one facility adds to the portfolio's sale sums under its disposition
/// (docs/scenario-format.md sections 3 and 6): every figure of the capital-freed block is
/// built from these sums, so `evaluate`, the dashboard's running totals and
/// the optimizer all use this one definition.
public struct SaleShare: Sendable, Equatable {
    /// phi x sale_price.
    public var grossProceeds = 0.0
    /// phi x book_value.
    public var bookValueReleased = 0.0
    /// phi x annual_capex: sustaining capex the buyer takes on.
    public var soldAnnualCapex = 0.0
    /// annual_opex of a facility sold outright (a leaseback or contribution keeps paying it).
    public var avoidedAnnualOpex = 0.0
    /// phi x leaseback_rent, where the rent is given.
    public var rentGiven = 0.0
    /// phi x sale_price where no rent is given: that rent is cap rate x price.
    public var priceWithoutRent = 0.0
    /// stake x sale_price of a contribution.
    public var retainedEquity = 0.0

    public init() {}

    /// Rent per year: as given, else the cap rate times the price.
    public func rent(capRate: Double) -> Double {
        rentGiven + capRate * priceWithoutRent
    }

    public static func + (a: SaleShare, b: SaleShare) -> SaleShare {
        var sum = a
        sum.grossProceeds += b.grossProceeds
        sum.bookValueReleased += b.bookValueReleased
        sum.soldAnnualCapex += b.soldAnnualCapex
        sum.avoidedAnnualOpex += b.avoidedAnnualOpex
        sum.rentGiven += b.rentGiven
        sum.priceWithoutRent += b.priceWithoutRent
        sum.retainedEquity += b.retainedEquity
        return sum
    }
}

extension Disposition {
    /// A facility's share as if this disposition sold all of it (phi = 1, no stake).
    public func wholeShare(of facility: Facility) -> SaleShare {
        var share = SaleShare()
        guard isSold else { return share }
        let price = facility.salePrice ?? 0
        share.grossProceeds = price
        share.bookValueReleased = facility.bookValue
        share.soldAnnualCapex = facility.annualCapex
        if avoidsOpex { share.avoidedAnnualOpex = facility.annualOpex }
        if paysRent {
            if let rent = facility.leasebackRent { share.rentGiven = rent } else { share.priceWithoutRent = price }
        }
        return share
    }

    /// A whole share weighted by the sold fraction phi, with the stake's equity:
    /// the one place the stake enters the sums.
    public func weigh(_ whole: SaleShare, stake: Double) -> SaleShare {
        let phi = soldFraction(stake: stake)
        var share = SaleShare()
        share.grossProceeds = phi * whole.grossProceeds
        share.bookValueReleased = phi * whole.bookValueReleased
        share.soldAnnualCapex = phi * whole.soldAnnualCapex
        share.avoidedAnnualOpex = whole.avoidedAnnualOpex
        share.rentGiven = phi * whole.rentGiven
        share.priceWithoutRent = phi * whole.priceWithoutRent
        if keepsStake { share.retainedEquity = stake * whole.grossProceeds }
        return share
    }

    /// What the facility adds to the sums under this disposition, with this stake.
    public func share(of facility: Facility, stake: Double) -> SaleShare {
        weigh(wholeShare(of: facility), stake: stake)
    }
}

extension Facility {
    /// What this facility adds to the sums as the scenario stands.
    public func share(_ assumptions: Assumptions) -> SaleShare {
        disposition.share(of: self, stake: stake(assumptions))
    }
}

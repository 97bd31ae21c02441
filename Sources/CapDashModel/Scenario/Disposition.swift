/// What happens to a facility in a scenario.
public enum Disposition: String, Sendable, Hashable, CaseIterable {
    /// Keep it: the company keeps paying opex and sustaining capex.
    case retain
    /// Sell it outright: the buyer takes opex, capex and the capacity.
    case divest
    /// Sell it and rent it back: the buyer takes sustaining capex, the company keeps the capacity and pays rent.
    case leaseback
    /// Contribute it to a partner vehicle at its sale price, keep a minority stake,
    /// and lease the capacity back (MODEL.md section 6).
    case contribute

    /// Sold facilities bring in their sale price.
    public var isSold: Bool { self != .retain }
    /// Capacity the company still uses after the deal.
    public var keepsCapacity: Bool { self != .divest }

    /// The order the dashboard's space key cycles through.
    public var next: Disposition {
        switch self {
        case .retain: .divest
        case .divest: .leaseback
        case .leaseback: .contribute
        case .contribute: .retain
        }
    }
}

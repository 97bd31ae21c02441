/// What happens to a facility in a scenario. Every rule that depends on the
/// kind of deal is answered here, once: sums, the optimizer, the timeline,
/// the reports, the command line and the dashboard's keys all ask the type.
public enum Disposition: String, Sendable, Hashable, CaseIterable {
    /// Keep it: the company keeps paying opex and sustaining capex.
    case retain
    /// Sell it outright: the buyer takes opex, capex and the capacity.
    case divest
    /// Sell it and rent it back: the buyer takes sustaining capex, the company keeps the capacity and pays rent.
    case leaseback
    /// Contribute it to a partner vehicle at its sale price, keep a minority stake,
    /// and lease the capacity back (docs/scenario-format.md section 6).
    case contribute

    /// docs/scenario-format.md section 6's phi: the share of the facility that is sold, given the stake a contribution keeps.
    public func soldFraction(stake: Double) -> Double {
        switch self {
        case .retain: 0
        case .divest, .leaseback: 1
        case .contribute: 1 - stake
        }
    }

    /// Sold facilities bring in (their sold share of) their sale price, so they need one.
    public var isSold: Bool { self != .retain }
    /// Capacity the company still uses after the deal (it counts in retained MW).
    public var keepsCapacity: Bool { self != .divest }
    /// The company rents the sold share back: rent is phi x (leaseback_rent, or cap rate x sale price).
    public var paysRent: Bool { self == .leaseback || self == .contribute }
    /// The buyer takes the opex too: only an outright sale avoids it.
    public var avoidsOpex: Bool { self == .divest }
    /// A stake stays with the company (`retained_stake`, or the assumption's default).
    public var keepsStake: Bool { self == .contribute }

    /// The word reports and messages use; the file's own keyword.
    public var label: String { rawValue }
    /// The word in the dashboard's narrow decision column (a contribution adds its stake).
    public var shortLabel: String { self == .contribute ? "contr." : rawValue }
    /// The dashboard key that chooses it.
    public var key: Character {
        switch self {
        case .retain: "r"
        case .divest: "d"
        case .leaseback: "l"
        case .contribute: "c"
        }
    }

    /// The command-line option that chooses it: `--divest ID,..`.
    public var flag: String { "--" + rawValue }
    /// What the option does, for `--help`.
    public var flagHelp: String {
        switch self {
        case .retain: "Keep these facilities."
        case .divest: "Sell these facilities outright."
        case .leaseback: "Sell and lease back these facilities."
        case .contribute: "Contribute these facilities to a partner vehicle, keeping a stake and leasing back."
        }
    }
    /// One line on what the choice means, for help and glossary.
    public var meaning: String {
        switch self {
        case .retain: "keep it: opex and sustaining capex stay"
        case .divest: "sell outright: price in, opex, capex and MW out"
        case .leaseback: "sell and rent back: price in, capex out, rent paid, MW kept"
        case .contribute: "sell 1 - stake to a partner vehicle, keep the stake, rent back, MW kept"
        }
    }

    /// Position in `allCases` (the cycle order), without building the array per lookup.
    public var ordinal: Int {
        switch self {
        case .retain: 0
        case .divest: 1
        case .leaseback: 2
        case .contribute: 3
        }
    }

    /// The order the dashboard's space key cycles through.
    public var next: Disposition {
        let all = Self.allCases
        return all[(ordinal + 1) % all.count]
    }

    /// The dashboard's two groups: kept capacity first, then what leaves.
    public static let keptGroupLabel = "KEPT (" + allCases.filter(\.keepsCapacity).map(\.label).joined(separator: ", ") + ")"
    public static let leavingGroupLabel = "DIVESTED (sold outright)"
}

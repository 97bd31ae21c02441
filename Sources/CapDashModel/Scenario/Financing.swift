/// How a new campus gets built (docs/scenario-format.md section 7). Like `Disposition`, every
/// rule that depends on the kind of financing is answered here, once.
public enum Financing: String, Sendable, Hashable, CaseIterable {
    /// A partner vehicle builds it; the company funds its stake's share, leases the
    /// whole campus, and may guarantee part of its value.
    case partner
    /// The company builds it itself: the baseline, nothing avoided and nothing owed.
    case own

    /// The partner's share of the cost and rent; 0 when the company builds alone.
    public func partnerShare(stake: Double) -> Double {
        switch self {
        case .partner: 1 - stake
        case .own: 0
        }
    }

    /// The vehicle's lease and guarantee apply.
    public var leases: Bool { self == .partner }

    /// The word reports and messages use; the file's own keyword.
    public var label: String { rawValue }
    /// The command-line option that chooses it: `--partner ID,..`.
    public var flag: String { "--" + rawValue }
    public var flagHelp: String {
        switch self {
        case .partner: "Have a partner vehicle build these developments (they are leased back)."
        case .own: "Build these developments on the company's own balance sheet."
        }
    }
    /// One line on what the choice means, for help and glossary.
    public var meaning: String {
        switch self {
        case .partner: "a partner builds for 1 - stake of the cost; the company leases the campus and may guarantee its value"
        case .own: "the company builds and owns it: all of the cost, no rent, no guarantee"
        }
    }

    /// The dashboard's toggle.
    public var next: Financing {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

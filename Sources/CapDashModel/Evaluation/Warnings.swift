/// What can be worth a warning about one facility, given what is done with it.
/// Checked without building messages, so a live dashboard can count warnings
/// per toggle; CapDashReport's `ScenarioWarnings` words them when shown.
public struct FacilityWarnings: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `leaseback_rent` on a facility that pays no rent: ignored.
    public static let rentIgnored = FacilityWarnings(rawValue: 1)
    /// A sold facility priced below its book value.
    public static let belowBook = FacilityWarnings(rawValue: 2)
    /// AI-ready capacity that leaves the company.
    public static let aiReadyDivested = FacilityWarnings(rawValue: 4)
    /// `retained_stake` on a facility that keeps no stake: ignored.
    public static let stakeIgnored = FacilityWarnings(rawValue: 8)

    public init(_ facility: Facility) {
        var kinds: FacilityWarnings = []
        let disposition = facility.disposition
        if facility.leasebackRent != nil && !disposition.paysRent { kinds.insert(.rentIgnored) }
        if disposition.isSold, let price = facility.salePrice, price < facility.bookValue { kinds.insert(.belowBook) }
        if !disposition.keepsCapacity && facility.aiReady { kinds.insert(.aiReadyDivested) }
        if facility.retainedStake != nil && !disposition.keepsStake { kinds.insert(.stakeIgnored) }
        self = kinds
    }

    /// The warnings of every facility, counted; reads each facility in place, without copying it.
    public static func count(in facilities: [Facility]) -> Int {
        facilities.withUnsafeBufferPointer { buffer in
            var count = 0
            for index in buffer.indices { count += FacilityWarnings(buffer[index]).count }
            return count
        }
    }

    public var count: Int { rawValue.nonzeroBitCount }
}

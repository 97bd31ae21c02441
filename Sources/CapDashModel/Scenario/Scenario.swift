/// A whole scenario: what the company owns and what it plans to do with each facility.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var currency = "USD"
    public var asOf: String?
    public var notes: String?
    public var assumptions = Assumptions()
    public var facilities: [Facility]
    /// New campuses a partner may build and lease back (docs/scenario-format.md section 7), in file order.
    public var developments: [Development] = []
    /// The file it came from, as the user named it; nil for the built-in example.
    public var file: String?
    /// Warnings found while loading that do not depend on dispositions.
    public var loadWarnings: [Diagnostic] = []
    /// Where each assumption's value stands in the file, so a save can edit it in place
    /// (values copied by a merge key are left out: they are shared).
    public var assumptionPositions: [AssumptionKey: SourcePosition] = [:]
    /// Where the `assumptions` and `assumptions.gpu` mappings begin, so a save can add a key.
    public var mappingPositions: [String: SourcePosition] = [:]
    /// Ranges for the sensitivity analysis (`sensitivity:`); empty means ±20%.
    public var sensitivity = SensitivitySettings()
    /// The CSV the facilities came from (`facilities_csv`, or the file itself for a bare CSV).
    public var facilitiesFile: String?

    public init(name: String, facilities: [Facility], file: String? = nil) {
        self.name = name
        self.facilities = facilities
        self.file = file
    }

    /// Index of the facility with this id, if any.
    public func index(ofFacility id: String) -> Int? {
        facilities.firstIndex { $0.id == id }
    }

    /// Index of the development with this id, if any.
    public func index(ofDevelopment id: String) -> Int? {
        developments.firstIndex { $0.id == id }
    }
}

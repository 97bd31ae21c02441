/// The keys of a development (docs/scenario-format.md section 7), in the contract's order.
enum DevelopmentKey: String, CaseIterable {
    case id, name, region
    case capacityMW = "capacity_mw"
    case aiReady = "ai_ready"
    case developmentCost = "development_cost"
    case buildYears = "build_years"
    case financing
    case retainedStake = "retained_stake"
    case lease
    case guarantee = "residual_value_guarantee"

    var isRequired: Bool {
        switch self {
        case .aiReady, .retainedStake, .guarantee: false
        default: true
        }
    }
}

enum LeaseKey: String, CaseIterable {
    case yieldOnCost = "yield_on_cost"
    case escalation
    case startYear = "start_year"
    case firmYears = "firm_years"
    case expectedYears = "expected_years"
    case exitProbability = "exit_probability"

    var isRequired: Bool { self == .yieldOnCost || self == .firmYears }
}

enum GuaranteeKey: String, CaseIterable {
    case amount
    case declineYears = "decline_years"
    case fairValueRatio = "fair_value_ratio"
}

/// Turns each `developments:` item into a `Development`, checking every field
/// and range of section 7 with positioned errors; an item with any error is left out
/// (and the whole scenario then fails to load).
struct DevelopmentReader {
    /// Ids already used by facilities (and developments read so far), with where.
    var idPositions: [String: (file: String?, position: SourcePosition)]

    mutating func developments(from node: YAMLNode, walker: inout ScenarioWalker) -> [Development] {
        guard case .sequence(let items) = node.content else {
            walker.reader.error(node.position, "developments", "expected a list of developments, found \(RawField(node).found)")
            return []
        }
        var developments: [Development] = []
        for (index, item) in items.enumerated() {
            if let development = development(item, path: "developments[\(index)]", walker: &walker) {
                developments.append(development)
            }
            if walker.reader.hasTooManyErrors { break }
        }
        return developments
    }

    /// The fields of a mapping by key, unknown keys reported with a did-you-mean.
    private func fields<Key: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, path: String, _ type: Key.Type, walker: inout ScenarioWalker
    ) -> (fields: [String: RawField], nodes: [String: YAMLNode], own: [String: SourcePosition])? where Key.RawValue == String {
        guard let entries = walker.entries(of: node, path: path) else { return nil }
        let known = Key.allCases.map(\.rawValue)
        var fields: [String: RawField] = [:]
        var nodes: [String: YAMLNode] = [:]
        // Positions of the mapping's own values: merged ones are shared, never edited in place.
        var own: [String: SourcePosition] = [:]
        for entry in entries {
            guard known.contains(entry.key) else {
                walker.reader.unknownKey(entry.key, at: entry.keyPosition, parentPath: path, known: known)
                continue
            }
            fields[entry.key] = RawField(entry.value)
            nodes[entry.key] = entry.value
            if !entry.merged { own[entry.key] = entry.value.position }
        }
        return (fields, nodes, own)
    }

    private mutating func development(_ item: YAMLNode, path base: String, walker: inout ScenarioWalker) -> Development? {
        guard let (fields, nodes, own) = fields(item, path: base, DevelopmentKey.self, walker: &walker) else { return nil }
        let errorsBefore = walker.reader.errors.count
        func path(_ key: DevelopmentKey) -> String { "\(base).\(key.rawValue)" }
        for key in DevelopmentKey.allCases where key.isRequired && (fields[key.rawValue]?.isNull ?? true) {
            walker.reader.error(item.position, path(key), "missing required key '\(key.rawValue)'")
        }
        func present(_ key: DevelopmentKey) -> RawField? {
            guard let field = fields[key.rawValue], !field.isNull else { return nil }
            return field
        }
        var reader = walker.reader
        defer { walker.reader = reader }

        let id = present(.id).flatMap { FacilityCollector.readID($0, path(.id), &reader) }
        let name = present(.name).flatMap { reader.nonEmptyText($0, path(.name), what: "a development name") }
        let region = present(.region).flatMap { reader.nonEmptyText($0, path(.region), what: "a region like US or EU") }
        let capacity = present(.capacityMW).flatMap { reader.number($0, path(.capacityMW), expected: "a capacity in MW >= 0") { $0 >= 0 } }
        let aiReady = present(.aiReady).flatMap { reader.bool($0, path(.aiReady)) } ?? true
        let cost = present(.developmentCost).flatMap { field -> Double? in
            // Zero and negative amounts get the same words: the rule here is > 0, not money's >= 0.
            if case .text(let text, _) = field.content, !Money.underflows(text), let value = Money.parse(text), value <= 0 {
                reader.error(field.position, path(.developmentCost), "expected a development cost > 0 like 27B, found \(field.found)")
                return nil
            }
            return reader.money(field, path(.developmentCost))
        }
        let buildYears = present(.buildYears).flatMap { reader.wholeNumber($0, path(.buildYears), in: 1...20, what: "a whole number of build years") }
        let financing = present(.financing).flatMap { field -> Financing? in
            let choices = Financing.allCases.map(\.rawValue)
            if case .text(let text, _) = field.content, let financing = Financing(rawValue: text.trimmingSpaces().keywordFolded()) {
                return financing
            }
            let typed: String = if case .text(let text, _) = field.content { text } else { "" }
            reader.error(
                field.position, path(.financing),
                "expected one of \(choices.joined(separator: ", ")), found \(field.found)" + Suggestions.didYouMean(typed, among: choices))
            return nil
        }
        let stake = present(.retainedStake).flatMap { reader.stake($0, path(.retainedStake)) }

        var source = DevelopmentSource(file: reader.file, item: item.position)
        source.financing = own[DevelopmentKey.financing.rawValue]
        source.retainedStake = own[DevelopmentKey.retainedStake.rawValue]
        source.lease = own[DevelopmentKey.lease.rawValue]
        source.guarantee = own[DevelopmentKey.guarantee.rawValue]

        walker.reader = reader
        let lease = nodes[DevelopmentKey.lease.rawValue].flatMap { node -> Development.Lease? in
            guard !RawField(node).isNull else { return nil }
            return self.lease(node, path: path(.lease), buildYears: buildYears, source: &source, walker: &walker)
        }
        var guarantee: Development.ResidualValueGuarantee?
        if let node = nodes[DevelopmentKey.guarantee.rawValue], !RawField(node).isNull {
            guarantee = self.guarantee(node, path: path(.guarantee), source: &source, walker: &walker)
        }
        reader = walker.reader

        if let id, let idField = fields[DevelopmentKey.id.rawValue] {
            if let first = idPositions[id] {
                let whereFirst = first.file.map { $0 == reader.file ? "line \(first.position.line)" : "\($0) line \(first.position.line)" } ?? "line \(first.position.line)"
                reader.error(idField.position, path(.id), "duplicate id \(Quoting.quoted(id)) (first used at \(whereFirst)); ids are unique across facilities and developments")
            } else {
                idPositions[id] = (reader.file, idField.position)
            }
        }
        guard reader.errors.count == errorsBefore, let id, let name, let region, let capacity, let cost, let buildYears,
            let financing, let lease
        else { return nil }
        if let start = lease.startYear, start <= buildYears {
            reader.warning(
                source.startYear ?? fields[DevelopmentKey.lease.rawValue]?.position ?? item.position, "\(path(.lease)).start_year",
                "\(id)'s first rent is in year \(start), not after the build's last year (\(buildYears)): rent is paid on an unfinished campus; the default start_year is \(buildYears + 1)")
        }
        return Development(
            id: id, name: name, region: region, capacityMW: capacity, aiReady: aiReady, developmentCost: cost,
            buildYears: buildYears, financing: financing, retainedStake: stake, lease: lease, guarantee: guarantee, source: source)
    }

    private func lease(
        _ node: YAMLNode, path base: String, buildYears: Int?, source: inout DevelopmentSource, walker: inout ScenarioWalker
    ) -> Development.Lease? {
        guard let (fields, _, own) = fields(node, path: base, LeaseKey.self, walker: &walker) else { return nil }
        var reader = walker.reader
        defer { walker.reader = reader }
        let errorsBefore = reader.errors.count
        func path(_ key: LeaseKey) -> String { "\(base).\(key.rawValue)" }
        func present(_ key: LeaseKey) -> RawField? {
            guard let field = fields[key.rawValue], !field.isNull else { return nil }
            return field
        }
        for key in LeaseKey.allCases where key.isRequired && present(key) == nil {
            reader.error(node.position, path(key), "missing required key '\(key.rawValue)'")
        }
        func term(_ key: LeaseKey, _ term: DevelopmentTerm) -> Double? {
            present(key).flatMap { reader.number($0, path(key), expected: term.expected, percent: true, where: term.isValid) }
        }
        let yield = term(.yieldOnCost, .yieldOnCost)
        let escalation = term(.escalation, .escalation) ?? (present(.escalation) == nil ? 0 : nil)
        let start = present(.startYear).flatMap { reader.wholeNumber($0, path(.startYear), in: 1...100, what: "a first rent year") }
        let firm = present(.firmYears).flatMap { reader.wholeNumber($0, path(.firmYears), in: 1...50, what: "a whole number of firm years") }
        var expected: Int?
        if let field = present(.expectedYears) {
            let low = firm ?? 1
            expected = reader.wholeNumber(field, path(.expectedYears), in: low...50, what: "a whole number of years (firm_years or more)")
        }
        let exit = term(.exitProbability, .exitProbability) ?? (present(.exitProbability) == nil ? 0 : nil)
        source.yieldOnCost = own[LeaseKey.yieldOnCost.rawValue]
        source.escalation = own[LeaseKey.escalation.rawValue]
        source.startYear = fields[LeaseKey.startYear.rawValue]?.position
        source.exitProbability = own[LeaseKey.exitProbability.rawValue]
        guard reader.errors.count == errorsBefore, let yield, let escalation, let firm, let exit else { return nil }
        return Development.Lease(
            yieldOnCost: yield, escalation: escalation, startYear: start, firmYears: firm, expectedYears: expected, exitProbability: exit)
    }

    private func guarantee(
        _ node: YAMLNode, path base: String, source: inout DevelopmentSource, walker: inout ScenarioWalker
    ) -> Development.ResidualValueGuarantee? {
        guard let (fields, _, own) = fields(node, path: base, GuaranteeKey.self, walker: &walker) else { return nil }
        var reader = walker.reader
        defer { walker.reader = reader }
        let errorsBefore = reader.errors.count
        func path(_ key: GuaranteeKey) -> String { "\(base).\(key.rawValue)" }
        func present(_ key: GuaranteeKey) -> RawField? {
            guard let field = fields[key.rawValue], !field.isNull else { return nil }
            return field
        }
        for key in GuaranteeKey.allCases where present(key) == nil {
            reader.error(node.position, path(key), "missing required key '\(key.rawValue)'")
        }
        let amount = present(.amount).flatMap { reader.money($0, path(.amount)) }
        let years = present(.declineYears).flatMap { reader.wholeNumber($0, path(.declineYears), in: 1...100, what: "a whole number of years") }
        let ratio = present(.fairValueRatio).flatMap {
            reader.number($0, path(.fairValueRatio), expected: DevelopmentTerm.fairValueRatio.expected, percent: true, where: DevelopmentTerm.fairValueRatio.isValid)
        }
        source.fairValueRatio = own[GuaranteeKey.fairValueRatio.rawValue]
        guard reader.errors.count == errorsBefore, let amount, let years, let ratio else { return nil }
        return Development.ResidualValueGuarantee(amount: amount, declineYears: years, fairValueRatio: ratio)
    }
}

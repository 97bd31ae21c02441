import CapDashModel

/// The JSON report of docs/scenario-format.md section 4, key for key, with sections 6 to 8's
/// additions always present (`counts.contribute`, `finance.retained_equity`,
/// the development totals and list, `training_flops`, `training.alternatives`).
/// The figures come from `Figure`'s lists, in the format doc's order.
public enum JSONReport {
    public static func render(_ scenario: Scenario, _ evaluation: Evaluation) -> String {
        var json = JSONWriter()
        write(scenario, evaluation, into: &json)
        return json.output
    }

    /// The same report, handed to `sink` a megabyte at a time rather than kept whole
    /// (a million facilities are some 300 MB of it). Throws what the sink throws.
    public static func write(
        _ scenario: Scenario, _ evaluation: Evaluation, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var json = JSONWriter(sink: sink)
        write(scenario, evaluation, into: &json)
        try json.finish()
    }

    private static func write(_ scenario: Scenario, _ evaluation: Evaluation, into json: inout JSONWriter) {
        json.beginObject()
        json.field("schema", .string("capdash/report/v1"))
        json.field("scenario", .string(scenario.name))
        json.field("currency", .string(scenario.currency))

        json.beginObject("counts")
        json.field("facilities", .integer(evaluation.counts.facilities))
        for disposition in Disposition.allCases {
            json.field(disposition.rawValue, .integer(evaluation.counts[disposition]))
        }
        json.field("developments", .integer(evaluation.counts.developments))
        json.field("partner_financed", .integer(evaluation.counts.partnerFinanced))
        json.endObject()

        for (section, figures) in [("finance", Figure.finance), ("capacity", Figure.capacity)] {
            json.beginObject(section)
            for figure in figures { json.field(figure.key, .number(figure.value(evaluation))) }
            json.endObject()
        }

        let training = evaluation.training
        json.beginObject("training")
        json.field("gpu", .string(training.gpu))
        for figure in Figure.training { json.field(figure.key, .number(figure.value(evaluation))) }
        json.beginArray("models")
        for model in training.models {
            json.beginObject()
            json.field("name", .string(model.name))
            json.field("training_flops", .number(model.trainingFlops))
            json.field("gpu_hours", .number(model.gpuHours))
            json.field("runs_per_year", .number(model.runsPerYear))
            json.field("days_on_fleet", model.daysOnFleet.map { .number($0) } ?? .null)
            json.endObject()
        }
        json.endArray()
        json.beginArray("alternatives")
        for alternative in training.alternatives {
            json.beginObject()
            json.field("gpu", .string(alternative.gpu))
            json.field("unit_capex", .number(alternative.unitCapex))
            json.field("gpus_fundable", .number(alternative.gpusFundable))
            json.field("power_needed_mw", .number(alternative.powerNeededMW))
            json.field("flops_per_year", .number(alternative.flopsPerYear))
            json.beginArray("models")
            for model in alternative.models {
                json.beginObject()
                json.field("name", .string(model.name))
                json.field("runs_per_year", .number(model.runsPerYear))
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()

        json.beginArray("regions")
        for region in evaluation.regions {
            json.beginObject()
            json.field("region", .string(region.region))
            json.field("facilities", .integer(region.facilities))
            json.field("retained_mw", .number(region.retainedMW))
            json.field("divested_mw", .number(region.divestedMW))
            json.field("gross_proceeds", .number(region.grossProceeds))
            json.endObject()
        }
        json.endArray()

        json.beginArray("facilities")
        let facilities = scenario.facilities
        for index in facilities.indices {
            let facility = facilities[index]
            json.beginObject()
            json.field("id", .string(facility.id))
            json.field("name", .string(facility.name))
            json.field("region", .string(facility.region))
            json.field("disposition", .string(facility.disposition.rawValue))
            json.field("capacity_mw", .number(facility.capacityMW))
            json.field("ai_ready", .bool(facility.aiReady))
            json.field("book_value", .number(facility.bookValue))
            json.field("sale_price", facility.salePrice.map { .number($0) } ?? .null)
            json.field("annual_opex", .number(facility.annualOpex))
            json.field("annual_capex", .number(facility.annualCapex))
            json.endObject()
        }
        json.endArray()

        json.beginArray("developments")
        for development in evaluation.developments {
            json.beginObject()
            json.field("id", .string(development.id))
            json.field("name", .string(development.name))
            json.field("region", .string(development.region))
            json.field("capacity_mw", .number(development.capacityMW))
            json.field("ai_ready", .bool(development.aiReady))
            json.field("financing", .string(development.financing.rawValue))
            json.field("retained_stake", .number(development.retainedStake))
            json.field("development_cost", .number(development.developmentCost))
            json.field("first_rent_year", .integer(development.firstRentYear))
            for (key, value) in [
                ("build_pv", development.buildPV), ("capex_avoided_pv", development.capexAvoidedPV),
                ("firm_rent_pv", development.firmRentPV), ("expected_rent_pv", development.expectedRentPV),
                ("net_rent_pv", development.netRentPV), ("lease_liability_pv", development.leaseLiabilityPV),
                ("off_balance_sheet_pv", development.offBalanceSheetPV), ("rvg_guaranteed_value", development.rvgGuaranteedValue),
                ("rvg_expected_pv", development.rvgExpectedPV), ("development_equity", development.developmentEquity),
            ] {
                json.field(key, .number(value))
            }
            json.endObject()
        }
        json.endArray()

        json.beginArray("warnings")
        ScenarioWarnings.forEach(in: scenario) { warning in
            json.element(.string(warning.description))
        }
        json.endArray()
        json.endObject()
    }
}

import CapDashModel

/// The JSON report of MODEL.md section 4, key for key, with section 6's
/// `counts.contribute` and `finance.retained_equity` always present.
public enum JSONReport {
    public static func render(_ scenario: Scenario, _ evaluation: Evaluation) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", .string("capdash/report/v1"))
        json.field("scenario", .string(scenario.name))
        json.field("currency", .string(scenario.currency))

        let counts = evaluation.counts
        json.beginObject("counts")
        json.field("facilities", .integer(counts.facilities))
        json.field("retain", .integer(counts.retain))
        json.field("divest", .integer(counts.divest))
        json.field("leaseback", .integer(counts.leaseback))
        json.field("contribute", .integer(counts.contribute))
        json.endObject()

        let finance = evaluation.finance
        json.beginObject("finance")
        for (key, value) in [
            ("gross_proceeds", finance.grossProceeds), ("transaction_costs", finance.transactionCosts),
            ("gain_on_sale", finance.gainOnSale), ("tax", finance.tax), ("net_proceeds", finance.netProceeds),
            ("book_value_released", finance.bookValueReleased), ("annuity_factor", finance.annuityFactor),
            ("avoided_capex_pv", finance.avoidedCapexPV), ("capex_freed", finance.capexFreed),
            ("avoided_opex_pv", finance.avoidedOpexPV), ("leaseback_rent_pv", finance.leasebackRentPV),
            ("net_cash_pv", finance.netCashPV), ("retained_equity", finance.retainedEquity),
        ] {
            json.field(key, .number(value))
        }
        json.endObject()

        let capacity = evaluation.capacity
        json.beginObject("capacity")
        json.field("retained_mw", .number(capacity.retainedMW))
        json.field("divested_mw", .number(capacity.divestedMW))
        json.field("ai_ready_retained_mw", .number(capacity.aiReadyRetainedMW))
        json.field("ai_ready_divested_mw", .number(capacity.aiReadyDivestedMW))
        json.endObject()

        let training = evaluation.training
        json.beginObject("training")
        json.field("gpu", .string(training.gpu))
        json.field("gpus_fundable", .number(training.gpusFundable))
        json.field("power_needed_mw", .number(training.powerNeededMW))
        json.field("gpu_hours_per_year", .number(training.gpuHoursPerYear))
        json.field("flops_per_year", .number(training.flopsPerYear))
        json.field("gpus_displaced", .number(training.gpusDisplaced))
        json.field("gpu_hours_forgone_per_year", .number(training.gpuHoursForgonePerYear))
        json.beginArray("models")
        for model in training.models {
            json.beginObject()
            json.field("name", .string(model.name))
            json.field("gpu_hours", .number(model.gpuHours))
            json.field("runs_per_year", .number(model.runsPerYear))
            json.field("days_on_fleet", model.daysOnFleet.map { .number($0) } ?? .null)
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
        for facility in scenario.facilities {
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

        json.beginArray("warnings")
        for warning in evaluation.warnings {
            json.element(.string(warning.description))
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}

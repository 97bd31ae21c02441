import Testing
@testable import CapDashModel

@Suite("Edits apply as changes")
struct ScenarioEditTests {
    @Test("an assumptions edit sets only what it changed; the rest stays as it is now")
    func assumptionsAsChange() {
        var from = Assumptions()
        var to = from
        to.discountRate = 0.1
        to.gpu.apply(GPUPreset.named("GB200 NVL72")!)
        var now = from
        now.taxRate = 0.25  // someone else's
        now.take(changes: from, to)
        #expect(now.taxRate == 0.25)
        #expect(now.discountRate == 0.1)
        #expect(now.gpu == to.gpu)
        // With nothing else changed it is plain assignment.
        from.take(changes: from, to)
        #expect(from == to)
    }

    @Test("take(changes:) covers every stored field (a new field must be added to it)")
    func everyFieldCovered() {
        #expect(Mirror(reflecting: Assumptions()).children.map { $0.label ?? "" } == [
            "taxRate", "transactionCostRate", "discountRate", "horizonYears", "leasebackCapRate", "pue",
            "contributeRetainedStake", "gpu", "referenceModels", "gpuAlternatives",
        ])
        #expect(Mirror(reflecting: GPUAssumptions()).children.map { $0.label ?? "" } == [
            "name", "unitCapex", "powerKW", "peakFlops", "mfu", "preset", "explicitKeys",
        ])
    }
}

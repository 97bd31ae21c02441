import CapDashReport

/// Display width, named for the tests that measure screens with it.
enum CapDashReportWidth {
    static func of(_ text: String) -> Int { DisplayWidth.of(text) }
}

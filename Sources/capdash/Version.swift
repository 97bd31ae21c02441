/// capdash's version, in this one place: `capdash --version` and the man page read it.
enum CapDashVersion {
    static let current = "0.3.0"
}

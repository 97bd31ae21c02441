import CapDashModel

/// The themes compiled into the binary. Finding user themes on disk is the
/// shell's job (the executable's `ThemeFiles`), so the UI core reads no files.
public struct ThemeCatalog: Sendable {
    public static let builtInNames = ["dark", "light", "high-contrast", "mono"]

    /// A built-in theme, parsed.
    public static func builtIn(_ name: String) -> Theme? {
        builtInBytes(name).flatMap { try? Theme.parse($0, file: "\(name).yaml (built in)") }
    }

    public static func builtInBytes(_ name: String) -> [UInt8]? {
        switch name {
        case "dark": PackageResources.dark_yaml
        case "light": PackageResources.light_yaml
        case "high-contrast": PackageResources.high_contrast_yaml
        case "mono": PackageResources.mono_yaml
        default: nil
        }
    }
}

/// The currencies capdash writes with a symbol; others show their code.
public enum Currency {
    /// Code to symbol, for reading money (`€300M`) and showing it.
    public static let symbols: [(code: String, symbol: String)] = [("USD", "$"), ("EUR", "€"), ("GBP", "£"), ("JPY", "¥")]

    /// The symbol shown before amounts: `$` for USD, `€`, `£`, `¥`, else the code and a space.
    public static func symbol(_ code: String) -> String {
        // Asked for every amount drawn: the usual exact code first, without uppercasing.
        if let exact = symbols.first(where: { $0.code == code }) { return exact.symbol }
        let upper = code.uppercased()
        return symbols.first { $0.code == upper }?.symbol ?? code + " "
    }
}

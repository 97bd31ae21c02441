/// A small public view of a YAML document with positions, for other small
/// formats (themes) that want capdash's precise diagnostics.
public indirect enum YAMLValue: Sendable {
    case scalar(String, SourcePosition)
    case mapping([(key: String, keyPosition: SourcePosition, value: YAMLValue)], SourcePosition)
    case sequence([YAMLValue], SourcePosition)
    case null(SourcePosition)

    public var position: SourcePosition {
        switch self {
        case .scalar(_, let p), .mapping(_, let p), .sequence(_, let p), .null(let p): p
        }
    }

    /// Parses a small YAML file; at most `nodeLimit` nodes after alias expansion.
    public static func parse(_ bytes: [UInt8], file: String, nodeLimit: Int = 10_000) throws(ScenarioLoadError) -> YAMLValue {
        let root: YAMLNode?
        do {
            root = try YAMLTreeBuilder.build(bytes)
        } catch {
            throw ScenarioLoadError([.error(file: file, at: error.position, "", error.message)])
        }
        guard let root else {
            throw ScenarioLoadError([.error(file: file, at: nil, "", "file has no YAML content")])
        }
        guard root.expandedSize <= nodeLimit else {
            throw ScenarioLoadError([.error(file: file, at: root.position, "", "file is too large (over \(nodeLimit) YAML nodes)")])
        }
        return convert(root)
    }

    private static func convert(_ node: YAMLNode) -> YAMLValue {
        if node.isNull { return .null(node.position) }
        switch node.content {
        case .scalar(let text, _):
            return .scalar(text, node.position)
        case .sequence(let items):
            return .sequence(items.map(convert), node.position)
        case .mapping(let pairs):
            return .mapping(pairs.map { pair in
                let key: String = if case .scalar(let text, _) = pair.key.content { text } else { "" }
                return (key, pair.key.position, convert(pair.value))
            }, node.position)
        }
    }
}

// libyaml's event API, reached through Yams' C target: it gives every node's
// position, lets us report duplicate keys at the second occurrence and keep
// going, and bounds alias expansion, none of which Yams.compose allows.
import CYaml

/// A YAML node with its position, as the scenario loader walks it.
struct YAMLNode {
    enum Content {
        /// A scalar's text; `plain` is false for quoted or block scalars and `!!str` tags.
        case scalar(String, plain: Bool)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    var content: Content
    var position: SourcePosition
    /// Nodes this one stands for when aliases are expanded (itself included).
    var expandedSize: Int
    /// Bytes of scalar text (keys included) this one stands for when aliases are expanded.
    var expandedBytes: Int

    /// A plain `~`, `null` or empty scalar: YAML's way of writing "nothing".
    var isNull: Bool {
        if case .scalar(let text, plain: true) = content {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }
}

struct YAMLPair {
    var key: YAMLNode
    var value: YAMLNode
}

/// Builds a `YAMLNode` tree from UTF-8 bytes.
enum YAMLTreeBuilder {
    /// Expanded nodes that aliases may add before we call it a "billion laughs" file.
    static let aliasExpansionLimit = 10_000_000
    /// Bytes of text aliases may add: few nodes can still be huge when each is
    /// a 64 KiB string, and every copy is paid again in reports and on screen.
    static let aliasByteLimit = 64 << 20
    /// Deeper than any scenario needs; libyaml's own limit is 1,000.
    static let nestingLimit = 64
    /// Values one YAML file may hold (about 75,000 inline facilities): past it, the
    /// tree would cost gigabytes. Big portfolios belong in a facilities CSV.
    static let nodeLimit = 2_000_000

    struct Failure: Error {
        var position: SourcePosition
        var message: String
    }

    private final class Frame {
        var isMapping: Bool
        var position: SourcePosition
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var size = 1
        var bytes = 0

        init(isMapping: Bool, position: SourcePosition, anchor: String?) {
            self.isMapping = isMapping
            self.position = position
            self.anchor = anchor
        }
    }

    /// The document's root node, or nil for an empty document.
    static func build(_ bytes: [UInt8], nodeLimit: Int = YAMLTreeBuilder.nodeLimit) throws(Failure) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Failure(position: SourcePosition(line: 1, column: 1), message: "out of memory starting the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        let result: Result<YAMLNode?, Failure> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            do throws(Failure) {
                return .success(try buildEvents(&parser, nodeLimit: nodeLimit))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func buildEvents(_ parser: inout yaml_parser_t, nodeLimit: Int) throws(Failure) -> YAMLNode? {
        var stack: [Frame] = []
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?
        var documents = 0
        var aliasExpansion = 0
        var aliasBytes = 0
        var nodeCount = 0

        func attach(_ node: YAMLNode) {
            guard let top = stack.last else {
                root = node
                return
            }
            top.size = saturatingAdd(top.size, node.expandedSize)
            top.bytes = saturatingAdd(top.bytes, node.expandedBytes)
            if !top.isMapping {
                top.items.append(node)
            } else if let key = top.pendingKey {
                top.pairs.append(YAMLPair(key: key, value: node))
                top.pendingKey = nil
            } else {
                top.pendingKey = node
            }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw syntaxFailure(parser)
            }
            defer { yaml_event_delete(&event) }
            let position = SourcePosition(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            if event.type == YAML_SCALAR_EVENT || event.type == YAML_MAPPING_START_EVENT || event.type == YAML_SEQUENCE_START_EVENT {
                nodeCount += 1
                if nodeCount > nodeLimit {
                    throw Failure(
                        position: position,
                        message: "more than \(nodeLimit) YAML values; put a portfolio this large in a facilities CSV (facilities_csv)")
                }
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw Failure(
                        position: position,
                        message: "found a second YAML document; a scenario file holds exactly one")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                var plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                if let tag = scalar.tag.map({ String(cString: $0) }) {
                    plain = try scalarTag(tag, text: text, plain: plain, at: position)
                }
                let node = YAMLNode(content: .scalar(text, plain: plain), position: position, expandedSize: 1, expandedBytes: scalar.length)
                if let anchor = scalar.anchor { anchors[String(cString: anchor)] = node }
                attach(node)
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard var node = anchors[name] else {
                    throw Failure(position: position, message: "alias *\(name) refers to no anchor defined before it")
                }
                aliasExpansion = saturatingAdd(aliasExpansion, node.expandedSize)
                if aliasExpansion > aliasExpansionLimit {
                    throw Failure(
                        position: position,
                        message: "aliases expand past \(aliasExpansionLimit) nodes (a \"billion laughs\" file?); write the values out instead")
                }
                aliasBytes = saturatingAdd(aliasBytes, node.expandedBytes)
                if aliasBytes > aliasByteLimit {
                    throw Failure(
                        position: position,
                        message: "aliases expand past \(aliasByteLimit >> 20) MiB of text (a \"billion laughs\" file?); write the values out instead")
                }
                node.position = position
                attach(node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < nestingLimit else {
                    throw Failure(position: position, message: "nesting deeper than \(nestingLimit) levels; a scenario needs at most 4")
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = (isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    .map { String(cString: $0) }
                if let tag = (isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag).map({ String(cString: $0) }) {
                    try collectionTag(tag, isMapping: isMapping, at: position)
                }
                stack.append(Frame(isMapping: isMapping, position: position, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
                let node = YAMLNode(content: content, position: frame.position, expandedSize: frame.size, expandedBytes: frame.bytes)
                if let anchor = frame.anchor { anchors[anchor] = node }
                attach(node)
            default:
                break
            }
        }
    }

    // MARK: Tags

    /// YAML's own tags (`!!int` is `tag:yaml.org,2002:int`).
    private static let standardTagPrefix = "tag:yaml.org,2002:"

    /// A tag as the file spells it: `!!binary`, `!custom`.
    private static func shown(_ tag: String) -> String {
        tag.hasPrefix(standardTagPrefix) ? "!!" + tag.dropFirst(standardTagPrefix.count) : tag
    }

    /// Whether a tagged scalar reads as plain (a number, bool or null may be one) or
    /// as a string. Only YAML's standard scalar tags are understood, each where its
    /// value fits; any other tag (`!custom 5M`, `!!binary`) would be read as
    /// something it does not say, so it is refused.
    private static func scalarTag(_ tag: String, text: String, plain: Bool, at position: SourcePosition) throws(Failure) -> Bool {
        let name = tag.hasPrefix(standardTagPrefix) ? String(tag.dropFirst(standardTagPrefix.count)) : nil
        let word = text.trimmingSpaces().lowercased()
        let fits: Bool
        let what: String
        switch name {
        case _ where tag == "!":
            // The non-specific tag: "this is a string".
            return false
        case "str":
            return false
        case "int":
            fits = Numbers.parse(text).map { $0.rounded() == $0 } ?? false
            what = "a whole number"
        case "float":
            fits = Numbers.parse(text) != nil || Numbers.isNonFiniteLiteral(text) || Numbers.underflows(text)
            what = "a number"
        case "bool":
            fits = ["true", "false", "yes", "no", "on", "off", "1", "0"].contains(word)
            what = "true or false"
        case "null":
            fits = ["", "~", "null"].contains(word)
            what = "null"
        case "merge":
            fits = text == "<<"
            what = "the merge key <<"
        case "map", "seq":
            throw Failure(position: position, message: "YAML tag \(shown(tag)) on a single value \(Quoting.quoted(text)); remove the tag")
        default:
            throw Failure(position: position, message: "unsupported YAML tag \(shown(tag)); capdash reads plain values, so remove the tag")
        }
        guard fits else {
            throw Failure(position: position, message: "YAML tag \(shown(tag)) on \(Quoting.quoted(text)), which is not \(what); remove the tag or fix the value")
        }
        return true
    }

    /// `!!map` on a mapping and `!!seq` on a list say nothing new; anything else is refused.
    private static func collectionTag(_ tag: String, isMapping: Bool, at position: SourcePosition) throws(Failure) {
        let expected = standardTagPrefix + (isMapping ? "map" : "seq")
        if tag == expected || tag == "!" { return }
        if tag.hasPrefix(standardTagPrefix), ["str", "int", "float", "bool", "null", "merge", "map", "seq"].contains(String(tag.dropFirst(standardTagPrefix.count))) {
            throw Failure(position: position, message: "YAML tag \(shown(tag)) on \(isMapping ? "a mapping" : "a list"); remove the tag")
        }
        throw Failure(position: position, message: "unsupported YAML tag \(shown(tag)); capdash reads plain values, so remove the tag")
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private static func syntaxFailure(_ parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        if parser.error == YAML_READER_ERROR {
            return Failure(position: SourcePosition(line: 1, column: 1), message: "cannot read the file as YAML: \(problem)")
        }
        let mark = parser.problem_mark
        if problem.hasPrefix("Maximum nesting level") {
            return Failure(
                position: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                message: "nesting deeper than libyaml's limit of 1000 levels; a scenario needs at most 4")
        }
        var message = "invalid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1))"
        }
        return Failure(position: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1), message: message)
    }
}

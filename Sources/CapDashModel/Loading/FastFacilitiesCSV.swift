#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// Facilities from a CSV in one pass over its bytes, for the file that is as it
/// should be: a header of known columns, rows of well-formed values. Nothing is
/// built that a valid file does not need (no key path, no message, a string only
/// for a text field), and a big file is read in parts, one per core, in pieces
/// of a few megabytes (so its bytes are never all in memory at once).
///
/// On anything unusual (an error, a lone CR, a value the checking reader would
/// refuse or might read differently) it gives up with nil, and `FacilitiesCSV`'s
/// checking reader reads the file instead: every diagnostic stays exactly its.
enum FastFacilitiesCSV {
    /// A file this size or bigger is read in parts in parallel.
    static let parallelThreshold = 4 << 20
    /// Bytes read at once from a file, per part.
    static let windowSize = 4 << 20

    /// Facilities from a file's text in memory (already without its byte-order mark), or nil.
    /// `parts` overrides how many parts are read at once (tests split small files).
    /// `currency` is the scenario's: its symbol may lead an amount (`€300M`), as the checking reader allows.
    static func read(
        _ bytes: [UInt8], file: String, limit: Int, currency: String = "USD", progress: LoadProgress? = nil, parts: Int? = nil
    ) -> [Facility]? {
        bytes.withUnsafeBufferPointer { buffer in
            read(
                .memory(buffer), file: file, limit: limit, currency: currency, skipsByteOrderMark: false, progress: progress, parts: parts,
                windowSize: windowSize)
        }
    }

    /// Facilities straight from the file at `path`, read in pieces, or nil (then read it the checking way).
    /// `parts` and `windowSize` override the defaults (tests read small files in many small pieces).
    static func read(
        path: String, file: String, limit: Int, currency: String = "USD", progress: LoadProgress? = nil, parts: Int? = nil,
        windowSize: Int = windowSize
    ) -> [Facility]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= SourceFile.sizeLimit
        else { return nil }
        // As `SourceFile.readText` does, one byte-order mark at the start is not part of the text.
        return read(
            .file(descriptor, size: Int(info.st_size)), file: file, limit: limit, currency: currency, skipsByteOrderMark: true,
            progress: progress, parts: parts, windowSize: windowSize)
    }

    // MARK: Reading

    private static func read(
        _ source: ByteSource, file: String, limit: Int, currency: String, skipsByteOrderMark: Bool, progress: LoadProgress?, parts: Int?,
        windowSize: Int
    ) -> [Facility]? {
        // The header, as the checking reader reads it; any doubt about it and that reader says what.
        var headerReader = ChunkReader(
            source: source, file: file, columns: [], start: 0, end: source.size, firstLine: 1, windowSize: windowSize)
        guard let (names, dataStart, headerLines) = headerReader.header(skippingByteOrderMark: skipsByteOrderMark) else { return nil }
        var columns: [FacilityKey] = []
        for name in names {
            guard let key = FacilityKey(rawValue: name.trimmingSpaces().lowercased()), !columns.contains(key) else { return nil }
            columns.append(key)
        }
        guard FacilityKey.allCases.allSatisfy({ !$0.isRequired || columns.contains($0) }) else { return nil }

        let tally = progress.map { ProgressTally(totalBytes: source.size, report: $0) }
        let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let parts = parts ?? (source.size - dataStart >= parallelThreshold ? cores : 1)
        let job = Job(
            source: source, file: file, columns: columns, currency: currency, firstLine: headerLines + 1, limit: limit,
            windowSize: windowSize, tally: tally)
        switch job.read(Parts(source, from: dataStart, count: parts)) {
        case .read(let facilities): return facilities
        case .unusual: return nil
        case .straddled:
            // A quoted line break crossed from one part into the next: read it as one part.
            guard case .read(let facilities) = job.read(Parts(source, from: dataStart, count: 1)) else { return nil }
            return facilities
        }
    }

    /// The data split at line starts into parts read at once, with each part's line
    /// feeds counted first: so each knows its first line, and the most records it can
    /// hold (one per line feed, one more at the file's end), and writes its facilities
    /// straight into their place in the scenario's array.
    struct Parts {
        var starts: [Int]
        var ends: [Int]
        var lineFeeds: [Int]

        init(_ source: ByteSource, from dataStart: Int, count: Int) {
            starts = [dataStart]
            for part in 1..<max(1, count) {
                guard let start = source.lineStart(after: dataStart + (source.size - dataStart) * part / count), start > starts.last!
                else { break }
                starts.append(start)
            }
            let starts = starts
            ends = Array(starts.dropFirst()) + [source.size]
            let ends = ends
            let counted = ResultSlots<Int>(count: starts.count)
            Job.run(parts: starts.count) { part in counted[part] = source.lineFeeds(from: starts[part], to: ends[part]) }
            lineFeeds = starts.indices.map { counted[$0] ?? 0 }
        }

        var capacities: [Int] { lineFeeds.indices.map { lineFeeds[$0] + ($0 == lineFeeds.count - 1 ? 1 : 0) } }
    }

    /// What one attempt gave.
    enum Outcome {
        case read([Facility])
        /// Something only the checking reader may judge.
        case unusual
        /// A part's last record ran into the next part.
        case straddled
    }

    /// Reading one file in parts, and putting the parts together.
    struct Job: @unchecked Sendable {
        var source: ByteSource
        var file: String
        var columns: [FacilityKey]
        var currency: String
        var firstLine: Int
        var limit: Int
        var windowSize: Int
        var tally: ProgressTally?

        static func run(parts: Int, _ work: @Sendable (Int) -> Void) {
            if parts == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: parts, execute: work)
            }
        }

        func read(_ parts: Parts) -> Outcome {
            let capacities = parts.capacities
            var starts = [0]
            for capacity in capacities.dropLast() { starts.append(starts.last! + capacity) }
            let bases = starts
            let capacity = bases.last! + capacities.last!
            var outcome = Outcome.unusual
            let facilities = [Facility](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress else { return }
                let output = Unchecked(base)
                let slots = ResultSlots<ChunkReader.Result>(count: capacities.count)
                var lineBefore = firstLine
                var firstLines: [Int] = []
                for lineFeeds in parts.lineFeeds {
                    firstLines.append(lineBefore)
                    lineBefore += lineFeeds
                }
                let firstLineOfPart = firstLines
                Self.run(parts: capacities.count) { part in
                    // Each part keeps its own copy of the file name, so parts never contend for one reference count.
                    let name = part == 0 ? file : String(decoding: Array(file.utf8), as: UTF8.self)
                    Self.prefault(output.value + bases[part], count: capacities[part])
                    var reader = ChunkReader(
                        source: source, file: name, columns: columns, currency: currency, start: parts.starts[part],
                        end: parts.ends[part], firstLine: firstLineOfPart[part], windowSize: windowSize, tally: tally)
                    slots[part] = reader.read(into: output.value + bases[part], capacity: capacities[part])
                }
                let read = capacities.indices.map { slots[$0] }
                func discard() {
                    for (part, result) in read.enumerated() {
                        if let result { (base + bases[part]).deinitialize(count: result.count) }
                    }
                }
                // The first part that failed or ran over decides: before it, every part began where a record does.
                if let first = read.indices.first(where: { read[$0] == nil || read[$0]!.end != parts.ends[$0] }) {
                    outcome = read[first] == nil ? .unusual : .straddled
                    discard()
                    return
                }
                let results = read.map { $0! }
                let total = results.reduce(0) { $0 + $1.count }
                let quotedLineBreaks = results.reduce(0) { $0 + $1.quotedLineBreaks }
                // The checking reader counts records before it parses, quote-aware but naively
                // (see `FacilitiesCSV.lineOfRecord`): within its margin of the limit, let it decide.
                guard total > 0, total + quotedLineBreaks <= limit,
                    !Self.hasDuplicateIDs(base: output, bases: bases, results: results)
                else {
                    discard()
                    return
                }
                // Close the gaps blank lines and quoted line breaks left at the parts' ends.
                count = results[0].count
                for part in results.indices.dropFirst() {
                    if count != bases[part] { (base + count).moveInitialize(from: base + bases[part], count: results[part].count) }
                    count += results[part].count
                }
                outcome = .read([])
            }
            guard case .read = outcome else { return outcome }
            return .read(facilities)
        }

        /// Maps a part's share of the array in one call rather than a page fault per 4 KB
        /// (each costly, in a virtual machine above all); a system without it faults as usual.
        private static func prefault(_ start: UnsafeMutablePointer<Facility>, count: Int) {
            #if os(Linux)
            let page = 4096
            let first = (Int(bitPattern: start) + page - 1) / page * page
            let last = (Int(bitPattern: start + count)) / page * page
            guard last - first >= 1 << 20 else { return }
            _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, 23)  // MADV_POPULATE_WRITE, Linux 5.14
            #endif
        }

        /// Duplicate ids: hashes computed while reading, then one table per core over its share of them.
        private static func hasDuplicateIDs(base: Unchecked<UnsafeMutablePointer<Facility>>, bases: [Int], results: [ChunkReader.Result]) -> Bool {
            let total = results.reduce(0) { $0 + $1.count }
            let parts = total >= 200_000 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
            let found = ResultSlots<Bool>(count: parts)
            run(parts: parts) { part in
                var capacity = 16
                while capacity < 2 * total / parts + 16 { capacity <<= 1 }
                let mask = capacity - 1
                // Slots hold 32 bits of the hash over a facility's index in the array plus one; 0 is empty.
                let table = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
                table.initialize(repeating: 0, count: capacity)
                defer { table.deallocate() }
                var duplicate = false
                outer: for (chunk, result) in results.enumerated() {
                    for (index, hash) in result.hashes.enumerated() where Int(hash >> 58) % parts == part {
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        let position = bases[chunk] + index
                        let tag = hash & 0xFFFF_FFFF_0000_0000
                        while table[slot] != 0 {
                            if table[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                                let other = Int(table[slot] & 0xFFFF_FFFF) - 1
                                if base.value[other].id == base.value[position].id {
                                    duplicate = true
                                    break outer
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                        table[slot] = tag | UInt64(position + 1)
                    }
                }
                found[part] = duplicate
            }
            return (0..<parts).contains { found[$0] == true }
        }
    }
}

/// How far a load has come, for a progress line: rows read, bytes read, bytes in all.
/// Called now and then, from any thread.
public typealias LoadProgress = @Sendable (_ rows: Int, _ bytes: Int, _ totalBytes: Int) -> Void

/// Rows and bytes summed over the parts read at once.
final class ProgressTally: @unchecked Sendable {
    private let lock = NSLock()
    private var rows = 0
    private var bytes = 0
    let totalBytes: Int
    private let report: LoadProgress

    init(totalBytes: Int, report: @escaping LoadProgress) {
        self.totalBytes = totalBytes
        self.report = report
    }

    func add(rows moreRows: Int, bytes moreBytes: Int) {
        lock.lock()
        rows += moreRows
        bytes += moreBytes
        let (r, b) = (rows, bytes)
        lock.unlock()
        report(r, b, totalBytes)
    }
}

/// Read-only data the parts share (unsafe pointers to facilities not yet moved into place).
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One slot per part, each written by its own part only.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var values: [Value?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { values.withUnsafeBufferPointer { $0[index] } }
        set { values.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }
}

/// Where the bytes are: in memory, or in a file read piece by piece.
enum ByteSource: @unchecked Sendable {
    case memory(UnsafeBufferPointer<UInt8>)
    case file(Int32, size: Int)

    var size: Int {
        switch self {
        case .memory(let buffer): buffer.count
        case .file(_, let size): size
        }
    }

    /// How many line feeds [from, to) holds.
    func lineFeeds(from: Int, to: Int) -> Int {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            // Eight bytes at a time: a byte is a line feed when it XORs to zero, and
            // ((x & 0x7F..) + 0x7F..) | x has its high bit clear exactly for zero bytes.
            guard let base = bytes.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            var found = 0
            var index = 0
            while index + 8 <= bytes.count {
                let x = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x0A)
                let nonzero = ((x & (ones &* 0x7F)) &+ (ones &* 0x7F)) | x
                found &+= (~nonzero & (ones &* 0x80)).nonzeroBitCount
                index += 8
            }
            while index < bytes.count {
                if bytes[index] == 0x0A { found += 1 }
                index += 1
            }
            return found
        }
        switch self {
        case .memory(let buffer):
            return count(UnsafeBufferPointer(rebasing: buffer[from..<to]))
        case .file(let descriptor, _):
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            var position = from
            var found = 0
            while position < to {
                let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, min($0.count, to - position), off_t(position)) }
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                found += chunk.withUnsafeBufferPointer { count(UnsafeBufferPointer(rebasing: $0[0..<read])) }
                position += read
            }
            return found
        }
    }

    /// The first offset after a line feed at or after `offset`, if any.
    func lineStart(after offset: Int) -> Int? {
        switch self {
        case .memory(let buffer):
            var index = offset
            while index < buffer.count {
                if buffer[index] == 0x0A { return index + 1 }
                index += 1
            }
            return nil
        case .file(let descriptor, let size):
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var position = offset
            while position < size {
                let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, off_t(position)) }
                guard count > 0 else { return nil }
                if let newline = chunk[..<count].firstIndex(of: 0x0A) { return position + newline + 1 }
                position += count
            }
            return nil
        }
    }
}

/// Reads one part of the file, the records that start in [start, end), its
/// first line being `firstLine`.
struct ChunkReader {
    struct Result {
        /// Facilities written, from the output's start.
        var count: Int
        /// FNV-1a of each facility's id, in order.
        var hashes: [UInt64]
        /// Where reading stopped: `end` itself unless the last record ran past it.
        var end: Int
        var quotedLineBreaks: Int
    }

    private let source: ByteSource
    private let file: String
    private let columns: [FacilityKey]
    private let currency: String
    /// The scenario currency's symbol when it is not `$` (which every amount may carry anyway).
    private let currencySymbol: [UInt8]
    private let start: Int
    private let end: Int
    private let firstLine: Int
    private let windowSize: Int
    private let tally: ProgressTally?

    // The window: bytes [windowStart, windowStart + window.count) of the source.
    private var window: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    private var windowStart = 0
    private var ownedWindow: UnsafeMutableRawBufferPointer?
    private var windowAtEnd = false
    /// The file ended sooner than its size said (it is being written): give up.
    private var shortRead = false

    // The scanner's place; columns count characters (Unicode scalars), as `CSVParser`'s do.
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var continuations = 0
    private var quotedLineBreaks = 0

    /// The current record's cells: at most one per facility key (more means a bad header or row).
    private static let maximumCells = FacilityKey.allCases.count
    private let cells = UnsafeMutablePointer<Cell>.allocate(capacity: FacilityKey.allCases.count)
    private var cellCount = 0
    /// Quoted cells with `""` in them, unescaped: `unescapedCount` bytes of `unescapedCapacity`.
    private var unescaped = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    private var unescapedCount = 0
    private var unescapedCapacity = 4096
    private var shortTexts: [(Packed, String)] = []
    private var longTexts: [String] = []
    private let booleanWords = FieldReader.booleanWords.compactMap { word, value in Packed(word).map { ($0, value) } }
    private let dispositionWords = Disposition.allCases.compactMap { disposition in Packed(disposition.rawValue).map { ($0, disposition) } }

    struct Cell {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
        var quoted: Bool
        /// Its text is in `unescaped` (it had `""` in it), at start..<end there.
        var unescaped: Bool
    }

    init(
        source: ByteSource, file: String, columns: [FacilityKey], currency: String = "USD", start: Int, end: Int, firstLine: Int,
        windowSize: Int = FastFacilitiesCSV.windowSize, tally: ProgressTally? = nil
    ) {
        self.currency = currency
        let symbol = Currency.symbol(currency).trimmingSpaces()
        currencySymbol = symbol == "$" ? [] : Array(symbol.utf8)
        self.windowSize = windowSize
        self.source = source
        self.file = file
        self.columns = columns
        self.start = start
        self.end = end
        self.firstLine = firstLine
        self.tally = tally
        line = firstLine
    }

    // MARK: Window

    /// Makes the window start at `offset` (a record's start). False when nothing more can be read.
    private mutating func load(from offset: Int, atLeast: Int? = nil) -> Bool {
        let atLeast = atLeast ?? windowSize
        switch source {
        case .memory(let buffer):
            guard window.baseAddress == nil else { return false }
            window = buffer
            windowStart = 0
            windowAtEnd = true
            return true
        case .file(let descriptor, let size):
            if ownedWindow == nil || ownedWindow!.count < atLeast {
                ownedWindow?.deallocate()
                ownedWindow = .allocate(byteCount: atLeast, alignment: 16)
            }
            let buffer = ownedWindow!
            let wanted = min(buffer.count, size - offset)
            var filled = 0
            while filled < wanted {
                let count = pread(descriptor, buffer.baseAddress! + filled, wanted - filled, off_t(offset + filled))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            if filled < wanted { shortRead = true }
            window = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
            windowStart = offset
            windowAtEnd = offset + filled >= size
            return !shortRead && (filled > 0 || windowAtEnd)
        }
    }

    /// Frees the window and the cells; the reader is done.
    private mutating func freeBuffers() {
        ownedWindow?.deallocate()
        ownedWindow = nil
        cells.deallocate()
        unescaped.deallocate()
    }

    // MARK: Header

    /// The header's cell texts, where the data begins, and the lines the header took; nil if unusual.
    mutating func header(skippingByteOrderMark: Bool) -> (names: [String], dataStart: Int, lines: Int)? {
        defer { freeBuffers() }
        guard load(from: 0) else { return nil }
        if skippingByteOrderMark, window.count >= 3, window[0] == 0xEF, window[1] == 0xBB, window[2] == 0xBF { index = 3 }
        lineStart = index
        while true {
            guard skipBlankLines(until: Int.max) else { return nil }
            recordStartIndex = index
            recordLine = line
            recordQuotedLineBreaks = quotedLineBreaks
            switch scanRecord() {
            case .complete:
                let names = (0..<cellCount).map { String(decoding: bytes(cells[$0]), as: UTF8.self) }
                return (names, windowStart + index, line - 1)
            case .needMore:
                guard reloadForRecord() else { return nil }
            case .unusual:
                return nil
            }
        }
    }

    // MARK: Records

    private enum Scan { case complete, needMore, unusual }

    // Where the record being scanned began, to start it over when the window ends inside it.
    private var recordStartIndex = 0
    private var recordLine = 1
    private var recordQuotedLineBreaks = 0

    /// The window ended inside a record: read on from the record's start (a line's
    /// start), in a bigger window if the record filled this one; false if there is no more.
    private mutating func reloadForRecord() -> Bool {
        let size = recordStartIndex == 0 ? max(windowSize, (ownedWindow?.count ?? 0) * 2) : windowSize
        guard !windowAtEnd, load(from: windowStart + recordStartIndex, atLeast: size) else { return false }
        index = 0
        lineStart = 0
        continuations = 0
        line = recordLine
        quotedLineBreaks = recordQuotedLineBreaks
        return true
    }

    /// Skips line feeds (and CRLFs) before a record; false on a lone CR. Stops at `limit` (absolute).
    private mutating func skipBlankLines(until limit: Int) -> Bool {
        while index < window.count, windowStart + index < limit {
            let byte = window[index]
            if byte == 0x0A {
                index += 1
            } else if byte == 0x0D {
                guard index + 1 < window.count else { return windowAtEnd ? false : true }
                guard window[index + 1] == 0x0A else { return false }
                index += 2
            } else {
                break
            }
            line += 1
            lineStart = index
            continuations = 0
        }
        return true
    }

    /// Reads every record starting in [start, end) into `output`, which has room for
    /// `capacity` (one per line feed): a record more means the last one ran on past `end`.
    mutating func read(into output: UnsafeMutablePointer<Facility>, capacity: Int) -> Result? {
        defer { freeBuffers() }
        var count = 0
        var hashes: [UInt64] = []
        hashes.reserveCapacity(capacity)
        var rowsSinceReport = 0
        var reportedOffset = start
        func fail() -> Result? {
            output.deinitialize(count: count)
            return nil
        }
        guard load(from: start) else { return fail() }
        index = start - windowStart
        lineStart = index
        while true {
            if index >= window.count {
                if windowAtEnd { break }
                guard load(from: windowStart + index) else { return fail() }
                index = 0
                lineStart = 0
                continuations = 0
            }
            // A CR at the window's end may begin a CRLF: read on from it.
            if window[index] == 0x0D, index + 1 >= window.count, !windowAtEnd {
                guard load(from: windowStart + index) else { return fail() }
                index = 0
                lineStart = 0
                continuations = 0
            }
            guard skipBlankLines(until: end) else { return fail() }
            if windowStart + index >= end || index >= window.count {
                if windowStart + index >= end || windowAtEnd { break }
                continue
            }
            recordStartIndex = index
            recordLine = line
            recordQuotedLineBreaks = quotedLineBreaks
            switch scanRecord() {
            case .complete:
                var hash: UInt64 = 0
                guard cellCount == columns.count, count < capacity, facility(recordLine: recordLine, idHash: &hash, into: output + count)
                else { return fail() }
                count += 1
                hashes.append(hash)
                rowsSinceReport += 1
                if rowsSinceReport == 8192, let tally {
                    tally.add(rows: rowsSinceReport, bytes: windowStart + index - reportedOffset)
                    reportedOffset = windowStart + index
                    rowsSinceReport = 0
                }
            case .needMore:
                guard reloadForRecord() else { return fail() }
            case .unusual:
                return fail()
            }
        }
        guard !shortRead else { return fail() }
        tally?.add(rows: rowsSinceReport, bytes: windowStart + index - reportedOffset)
        return Result(count: count, hashes: hashes, end: windowStart + index, quotedLineBreaks: quotedLineBreaks)
    }

    private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Byte classes: 0 is an ordinary byte inside an unquoted field (spaces and tabs too).
    private static let comma: UInt8 = 1, lineFeed: UInt8 = 2, carriageReturn: UInt8 = 3, quote: UInt8 = 4, nul: UInt8 = 5, high: UInt8 = 6
    /// Written once, then only read.
    nonisolated(unsafe) private static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 {
            table[byte] = switch byte {
            case 0x2C: comma
            case 0x0A: lineFeed
            case 0x0D: carriageReturn
            case 0x22: quote
            case 0x00: nul
            case 0x80...: high
            default: 0
            }
        }
        return UnsafePointer(table)
    }()

    /// A high bit in each byte of `word` (little-endian) that is a comma, a line feed,
    /// a carriage return, a quote, a NUL or not ASCII: the bytes an unquoted field stops at.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = ones &* 0x7F
        let high = ones &* 0x80
        // ((x & 0x7F..) + 0x7F..) | x has a byte's high bit clear exactly where the byte is zero.
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x) & high }
        return zeros(word ^ (ones &* 0x2C)) | zeros(word ^ (ones &* 0x0A)) | zeros(word ^ (ones &* 0x0D))
            | zeros(word ^ (ones &* 0x22)) | zeros(word) | (word & high)
    }

    /// One record's cells (as `CSVParser` reads them), the scanner left after its line break.
    private mutating func scanRecord() -> Scan {
        cellCount = 0
        unescapedCount = 0
        guard let bytes = window.baseAddress else { return windowAtEnd ? .unusual : .needMore }
        let count = window.count
        let atEnd = windowAtEnd
        // The scanner's place in locals (registers), written back however the scan ends.
        var i = index
        var line = self.line
        var lineStart = self.lineStart
        var continuations = self.continuations
        var quotedLineBreaks = self.quotedLineBreaks
        defer {
            index = i
            self.line = line
            self.lineStart = lineStart
            self.continuations = continuations
            self.quotedLineBreaks = quotedLineBreaks
        }
        let classOf = Self.classes
        do {
            while true {
                let fieldStart = i
                let column = fieldStart - lineStart - continuations + 1
                let fieldLine = line
                // Spaces before an opening quote are tolerated, as spreadsheets write them.
                var look = i
                while look < count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                if look == count && !atEnd { return .needMore }
                var cell: Cell
                if look < count, bytes[look] == 0x22 {
                    i = look + 1
                    let contentStart = i
                    var escapes = false
                    quoted: while true {
                        while i < count, classOf[Int(bytes[i])] == 0 || bytes[i] == 0x2C { i += 1 }
                        guard i < count else { return atEnd ? .unusual : .needMore }
                        switch classOf[Int(bytes[i])] {
                        case Self.quote:
                            guard i + 1 < count else {
                                if atEnd { break quoted }
                                return .needMore
                            }
                            guard bytes[i + 1] == 0x22 else { break quoted }
                            escapes = true
                            i += 2
                        case Self.lineFeed:
                            i += 1
                            line += 1
                            lineStart = i
                            continuations = 0
                            quotedLineBreaks += 1
                        case Self.carriageReturn:
                            if i + 1 >= count { return atEnd ? .unusual : .needMore }
                            guard bytes[i + 1] == 0x0A else { return .unusual }
                            i += 1
                        case Self.high:
                            let length = SourceFile.utf8SequenceLength(bytes, i, count, atEnd: atEnd)
                            if length < 0 { return .needMore }
                            if length == 0 { return .unusual }
                            i += length
                            continuations += length - 1
                        default:
                            return .unusual
                        }
                    }
                    let contentEnd = i
                    i += 1
                    while i < count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                    if i == count && !atEnd { return .needMore }
                    cell = Cell(start: contentStart, end: contentEnd, line: fieldLine, column: column, quoted: true, unescaped: false)
                    if escapes {
                        if unescapedCount + (contentEnd - contentStart) > unescapedCapacity {
                            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * (unescapedCount + contentEnd - contentStart))
                            bigger.update(from: unescaped, count: unescapedCount)
                            unescaped.deallocate()
                            unescaped = bigger
                            unescapedCapacity = 2 * (unescapedCount + contentEnd - contentStart)
                        }
                        let from = unescapedCount
                        var position = contentStart
                        while position < contentEnd {
                            unescaped[unescapedCount] = bytes[position]
                            unescapedCount += 1
                            position += bytes[position] == 0x22 ? 2 : 1
                        }
                        cell = Cell(start: from, end: unescapedCount, line: fieldLine, column: column, quoted: true, unescaped: true)
                    }
                    // After the closing quote: only the field's end.
                    if i < count {
                        let next = bytes[i]
                        if next == 0x0D {
                            if i + 1 >= count { return atEnd ? .unusual : .needMore }
                            guard bytes[i + 1] == 0x0A else { return .unusual }
                        } else if next != 0x2C && next != 0x0A {
                            return .unusual
                        }
                    }
                } else {
                    unquoted: while true {
                        // Eight bytes at a time to the next byte that is not ordinary, then byte by byte.
                        while i + 8 <= count {
                            let special = Self.specialBytes(UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
                            if special != 0 {
                                i += special.trailingZeroBitCount >> 3
                                break
                            }
                            i += 8
                        }
                        while i < count, classOf[Int(bytes[i])] == 0 { i += 1 }
                        guard i < count else { break unquoted }
                        let byte = bytes[i]
                        if byte == 0x2C || byte == 0x0A { break unquoted }
                        switch classOf[Int(byte)] {
                        case Self.quote:
                            i += 1
                        case Self.carriageReturn:
                            if i + 1 >= count { return atEnd ? .unusual : .needMore }
                            guard bytes[i + 1] == 0x0A else { return .unusual }
                            break unquoted
                        case Self.high:
                            let length = SourceFile.utf8SequenceLength(bytes, i, count, atEnd: atEnd)
                            if length < 0 { return .needMore }
                            if length == 0 { return .unusual }
                            i += length
                            continuations += length - 1
                        default:
                            return .unusual
                        }
                    }
                    if i == count && !atEnd { return .needMore }
                    var from = fieldStart
                    var to = i
                    while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 { from += 1 }
                    while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
                    cell = Cell(start: from, end: to, line: fieldLine, column: column, quoted: false, unescaped: false)
                }
                // More cells than columns: the checking reader names the row.
                guard cellCount < Self.maximumCells else { return .unusual }
                cells[cellCount] = cell
                cellCount += 1
                // The field's end: a comma, the record's line break, or the end of the file.
                guard i < count else { return .complete }
                switch bytes[i] {
                case 0x2C:
                    i += 1
                case 0x0A:
                    i += 1
                    line += 1
                    lineStart = i
                    continuations = 0
                    return .complete
                default:
                    // CRLF (a lone CR was refused above).
                    i += 2
                    line += 1
                    lineStart = i
                    continuations = 0
                    return .complete
                }
            }
        }
    }

    // MARK: Values

    private func bytes(_ cell: Cell) -> UnsafeBufferPointer<UInt8> {
        if cell.unescaped { return UnsafeBufferPointer(start: unescaped + cell.start, count: cell.end - cell.start) }
        return UnsafeBufferPointer(rebasing: window[cell.start..<cell.end])
    }

    // The value readers are static, on the cell's bytes: a method on this (large) reader would copy it per call.

    /// Empty, or quoted and only spaces: absent, as `FacilitiesCSV` reads it.
    private static func isNull(_ value: UnsafeBufferPointer<UInt8>, quoted: Bool) -> Bool {
        if value.isEmpty { return true }
        guard quoted else { return false }
        return value.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func text(_ value: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: value, as: UTF8.self)
    }

    /// The checking reader's own answer for a value outside the fast spellings; nil if it has any complaint.
    private static func checked<T>(
        _ value: UnsafeBufferPointer<UInt8>, quoted: Bool, currency: String = "USD", _ read: (inout FieldReader, RawField) -> T?
    ) -> T? {
        var reader = FieldReader(file: "")
        reader.currency = currency
        let field = RawField(.text(text(value), plain: !quoted), at: SourcePosition(line: 1, column: 1))
        guard let result = read(&reader, field), reader.errors.isEmpty else { return nil }
        return result
    }

    private static func number(_ value: UnsafeBufferPointer<UInt8>, quoted: Bool) -> Double? {
        Numbers.plainDecimal(value) ?? checked(value, quoted: quoted) { $0.number($1, "", expected: "") }
    }

    /// A stake or probability: `0.2`, or `20%` as the checking reader reads it.
    private static func share(_ value: UnsafeBufferPointer<UInt8>, quoted: Bool) -> Double? {
        if let number = Numbers.plainDecimal(value) { return number }
        var end = value.count
        while end > 0, value[end - 1] == 0x20 || value[end - 1] == 0x09 { end -= 1 }
        if end > 0, value[end - 1] == UInt8(ascii: "%"), let percent = Numbers.plainDecimal(UnsafeBufferPointer(rebasing: value[..<(end - 1)])) {
            return percent / 100
        }
        return checked(value, quoted: quoted) { $0.number($1, "", expected: "", percent: true) }
    }

    private func money(_ value: UnsafeBufferPointer<UInt8>, quoted: Bool) -> Double? {
        if let amount = Money.plainAmount(value) { return amount >= 0 ? amount : nil }
        // `€300M` in a euro scenario: the symbol, then a plain amount (signs and the rest to the checking reader).
        var index = 0
        while index < value.count, value[index] == 0x20 || value[index] == 0x09 { index += 1 }
        if !currencySymbol.isEmpty, value.count - index > currencySymbol.count,
            UnsafeBufferPointer(rebasing: value[index..<(index + currencySymbol.count)]).elementsEqual(currencySymbol)
        {
            var rest = index + currencySymbol.count
            while rest < value.count, value[rest] == 0x20 || value[rest] == 0x09 { rest += 1 }
            if rest < value.count, value[rest] &- 0x30 < 10, let amount = Money.plainAmount(UnsafeBufferPointer(rebasing: value[rest...])) {
                return amount
            }
        }
        return Self.checked(value, quoted: quoted, currency: currency) { $0.money($1, "") }
    }

    /// Up to 16 bytes as two words and a length: keywords and short names compared at once.
    struct Packed: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0

        /// The bytes, ASCII case folded when `folding` (as `keywordFolded` reads ASCII);
        /// nil when longer, or not ASCII when folding.
        init?(_ bytes: UnsafeBufferPointer<UInt8>, folding: Bool) {
            guard bytes.count <= 16 else { return nil }
            count = bytes.count
            for (offset, original) in bytes.enumerated() {
                var byte = original
                if folding {
                    guard byte < 0x80 else { return nil }
                    if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                }
                if offset < 8 { low |= UInt64(byte) << (8 * offset) } else { high |= UInt64(byte) << (8 * (offset - 8)) }
            }
        }

        init?(_ word: String) {
            var word = word
            guard let packed = word.withUTF8({ Packed($0, folding: false) }) else { return nil }
            self = packed
        }
    }

    /// The cell trimmed and folded; nil when it is not a short ASCII word (then the checking reader decides).
    private static func keyword(_ value: UnsafeBufferPointer<UInt8>) -> Packed? {
        var from = 0
        var to = value.count
        while from < to, value[from] == 0x20 || value[from] == 0x09 { from += 1 }
        while to > from, value[to - 1] == 0x20 || value[to - 1] == 0x09 { to -= 1 }
        return Packed(UnsafeBufferPointer(rebasing: value[from..<to]), folding: true)
    }

    private static func bool(_ value: UnsafeBufferPointer<UInt8>, quoted: Bool, among words: [(Packed, Bool)]) -> Bool? {
        guard let word = keyword(value) else { return checked(value, quoted: quoted) { $0.bool($1, "") } }
        for index in words.indices where words[index].0 == word { return words[index].1 }
        return nil
    }

    private static func disposition(_ value: UnsafeBufferPointer<UInt8>, among words: [(Packed, Disposition)]) -> Disposition? {
        guard let word = keyword(value) else { return Disposition(rawValue: text(value).trimmingSpaces().keywordFolded()) }
        for index in words.indices where words[index].0 == word { return words[index].1 }
        return nil
    }

    /// `2025-08-01` exactly; other spellings as the checking reader reads them.
    private static func date(_ value: UnsafeBufferPointer<UInt8>, quoted: Bool) -> String? {
        let digit = { (offset: Int) in value[offset] &- 0x30 < 10 }
        guard value.count == 10, value[4] == 0x2D, value[7] == 0x2D, (0..<4).allSatisfy(digit), [5, 6, 8, 9].allSatisfy(digit)
        else { return checked(value, quoted: quoted) { $0.date($1, "") } }
        let number = { (from: Int, to: Int) in (from..<to).reduce(0) { $0 * 10 + Int(value[$1] &- 0x30) } }
        let year = number(0, 4), month = number(5, 7), day = number(8, 10)
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
        guard (1...12).contains(month), (1...days).contains(day) else { return nil }
        return text(value)
    }

    /// Regions and countries repeat: each spelling becomes a string once per part.
    private mutating func interned(_ value: UnsafeBufferPointer<UInt8>) -> String {
        if let packed = Packed(value, folding: false) {
            for index in shortTexts.indices where shortTexts[index].0 == packed { return shortTexts[index].1 }
            let string = Self.text(value)
            if shortTexts.count < 64 { shortTexts.append((packed, string)) }
            return string
        }
        if let known = longTexts.first(where: { $0.utf8.elementsEqual(value) }) { return known }
        let string = Self.text(value)
        if longTexts.count < 64 { longTexts.append(string) }
        return string
    }

    /// Writes the facility in the current cells to `output`, with exactly the values
    /// `FacilityCollector` would give it; false where it would complain.
    private mutating func facility(recordLine: Int, idHash: inout UInt64, into output: UnsafeMutablePointer<Facility>) -> Bool {
        var id: String?, name: String?, region: String?, country: String?, expectedClose: String?
        var capacity: Double?, book: Double?, opex: Double?, capex: Double?
        var salePrice: Double?, rent: Double?, stake: Double?, probability: Double?
        var commissioned: Int?
        var aiReady = false
        var disposition: Disposition?
        var salePosition = PackedPosition.none, rentPosition = PackedPosition.none
        var dispositionPosition = PackedPosition.none, stakePosition = PackedPosition.none
        for column in 0..<cellCount {
            let key = columns[column]
            let cell = cells[column]
            switch key {
            case .salePrice: salePosition = PackedPosition(line: cell.line, column: cell.column)
            case .leasebackRent: rentPosition = PackedPosition(line: cell.line, column: cell.column)
            case .disposition: dispositionPosition = PackedPosition(line: cell.line, column: cell.column)
            case .retainedStake: stakePosition = PackedPosition(line: cell.line, column: cell.column)
            default: break
            }
            let value = bytes(cell)
            let quoted = cell.quoted
            if Self.isNull(value, quoted: quoted) {
                // Absent: fine for an optional key, a complaint for a required one.
                if key.isRequired { return false }
                continue
            }
            guard value.count <= FieldReader.textLimit else { return false }
            switch key {
            // The rules are FacilityCollector's: capacity >= 0, a year 1800-2200, money >= 0, a stake in [0, 1), a probability in [0, 1].
            case .id:
                guard value.count <= 64, value.allSatisfy(Self.isIDByte) else { return false }
                id = Self.text(value)
                idHash = Self.hash(value)
            case .name: name = Self.text(value)
            case .region: region = interned(value)
            case .country: country = interned(value)
            case .capacityMW:
                guard let number = Self.number(value, quoted: quoted), number >= 0 else { return false }
                capacity = number
            case .aiReady:
                guard let flag = Self.bool(value, quoted: quoted, among: booleanWords) else { return false }
                aiReady = flag
            case .commissioned:
                guard let year = Self.number(value, quoted: quoted), year.rounded() == year, 1800 <= year, year <= 2200 else { return false }
                commissioned = Int(year)
            case .bookValue:
                guard let amount = money(value, quoted: quoted) else { return false }
                book = amount
            case .salePrice:
                guard let amount = money(value, quoted: quoted) else { return false }
                salePrice = amount
            case .annualOpex:
                guard let amount = money(value, quoted: quoted) else { return false }
                opex = amount
            case .annualCapex:
                guard let amount = money(value, quoted: quoted) else { return false }
                capex = amount
            case .disposition:
                guard let choice = Self.disposition(value, among: dispositionWords) else { return false }
                disposition = choice
            case .leasebackRent:
                guard let amount = money(value, quoted: quoted) else { return false }
                rent = amount
            case .retainedStake:
                guard let number = Self.share(value, quoted: quoted), number >= 0, number < 1 else { return false }
                stake = number
            case .expectedClose:
                guard let date = Self.date(value, quoted: quoted) else { return false }
                expectedClose = date
            case .closeProbability:
                guard let number = Self.share(value, quoted: quoted), (0...1).contains(number) else { return false }
                probability = number
            }
        }
        guard let id, let name, let region, let capacity, let book, let opex, let capex, let disposition else { return false }
        if disposition.isSold && salePrice == nil { return false }
        let source = FacilitySource(
            file: file, item: PackedPosition(line: recordLine, column: 1), salePrice: salePosition, leasebackRent: rentPosition,
            disposition: dispositionPosition, retainedStake: stakePosition)
        output.initialize(to: Facility(
            id: id, name: name, region: region, country: country, capacityMW: capacity, aiReady: aiReady,
            commissioned: commissioned, bookValue: book, salePrice: salePrice, annualOpex: opex, annualCapex: capex,
            disposition: disposition, leasebackRent: rent, retainedStake: stake, expectedClose: expectedClose,
            closeProbability: probability, source: source))
        return true
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}

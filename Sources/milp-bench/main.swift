// Solve times of the MILP layer on random portfolios shaped like capdash's goal seek.
//
//   swift run -c release milp-bench                 # N = 300, 1000, 10000; 3 seeds each
//   swift run -c release milp-bench 1000 --seeds 10 --time-limit 2 --no-start --target 0.7
//
// Per facility: binaries divest, leaseback, contribute (at most one), one shared continuous tax
// variable t >= 0 with t >= rate * taxable gain. Lexicographic: minimise AI-ready MW divested
// subject to capex freed >= target (--target, default 40% of the most that could be freed), then
// rent PV, then MW divested. `--no-start` skips the greedy MIP start of the first stage,
// `--no-chain` the previous stage's solution as each later stage's start. Also checks that CBC
// wrote nothing to stdout or stderr.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import MILPSolver

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Portfolio {
    var program = MixedIntegerProgram()
    var objectives: [Objective] = []
    var greedy: [Double] = []
}

func makePortfolio(facilities n: Int, seed: UInt64, targetShare: Double) -> Portfolio {
    var rng = SplitMix64(state: seed)
    func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &rng) }
    let sold = [1.0, 1.0, 0.6]  // divest, leaseback, contribute (60% stake sold)
    let cost = 0.02, taxRate = 0.25, annuity = 6.71  // 10 years at 8%
    var portfolio = Portfolio()
    var aiMW: [(MixedIntegerProgram.Variable, Double)] = []
    var rentPV: [(MixedIntegerProgram.Variable, Double)] = []
    var mwDivested: [(MixedIntegerProgram.Variable, Double)] = []
    var capex: [(MixedIntegerProgram.Variable, Double)] = []
    var gain: [(MixedIntegerProgram.Variable, Double)] = []
    var maxCapex = 0.0
    var options: [(freed: Double, ai: Bool, column: Int)] = []
    for _ in 0..<n {
        let mw = min(400, 2 * pow(uniform(0.000_1...1), -1 / 1.16))
        let sale = mw * uniform(3e6...6e6) * uniform(0.85...1.7)
        let book = mw * uniform(3e6...6e6)
        let annualCapex = mw * uniform(0.08e6...0.15e6)
        let rent = sale * uniform(0.06...0.08)
        let aiReady = uniform(0...1) < 0.3
        var choice: [MixedIntegerProgram.Variable] = []
        var best = 0.0
        for k in 0..<3 {
            let x = portfolio.program.addBinary()
            choice.append(x)
            let freed = sold[k] * sale * (1 - cost) + annuity * sold[k] * annualCapex
            best = max(best, freed)
            capex.append((x, freed))
            gain.append((x, sold[k] * ((sale - book) - cost * sale)))
            if k == 0 {
                mwDivested.append((x, mw))
                if aiReady { aiMW.append((x, mw)) }
                options.append((freed - taxRate * max(0, sale - book - cost * sale), aiReady, x.index))
            } else {
                rentPV.append((x, annuity * sold[k] * rent))
            }
        }
        maxCapex += best
        portfolio.program.addConstraint(terms: choice.map { ($0, 1) }, relation: .lessOrEqual, rhs: 1)
    }
    let t = portfolio.program.addContinuous(lower: 0)
    // t >= rate * gain  <=>  rate * gain - t <= 0
    portfolio.program.addConstraint(
        terms: gain.map { ($0.0, taxRate * $0.1) } + [(t, -1)], relation: .lessOrEqual, rhs: 0)
    let target = targetShare * maxCapex
    portfolio.program.addConstraint(terms: capex + [(t, -1)], relation: .greaterOrEqual, rhs: target)
    portfolio.objectives = [.minimize(aiMW), .minimize(rentPV), .minimize(mwDivested)]
    // Greedy start: divest non-AI-ready facilities first, largest capex first, until the target.
    var start = [Double](repeating: 0, count: portfolio.program.variableCount)
    var freed = 0.0
    for option in options.sorted(by: { ($0.ai ? 1 : 0, -$0.freed) < ($1.ai ? 1 : 0, -$1.freed) }) where freed < target {
        start[option.column] = 1
        freed += option.freed
    }
    if freed < target { start = [Double](repeating: 0, count: portfolio.program.variableCount) }
    // The tax variable at its cheapest feasible value, so the start satisfies every row.
    start[t.index] = max(0, gain.reduce(0) { $0 + taxRate * $1.1 * start[$1.0.index] })
    portfolio.greedy = start
    return portfolio
}

/// Runs `body` with stdout and stderr sent to a scratch file; returns how many bytes landed there.
func bytesPrinted(_ body: () -> Void) -> Int {
    fflush(nil)
    var path = Array("/tmp/milp-bench-XXXXXX".utf8CString)
    let fd = mkstemp(&path)
    let (out, err) = (dup(1), dup(2))
    dup2(fd, 1)
    dup2(fd, 2)
    body()
    fflush(nil)
    dup2(out, 1)
    dup2(err, 2)
    let size = Int(lseek(fd, 0, SEEK_END))
    close(fd)
    close(out)
    close(err)
    unlink(path)
    return size
}

var sizes: [Int] = []
var seeds = 3
var timeLimit: Double?
var useStart = true
var chain = true
var targetShare = 0.4
var cancelAfter: Double?
var silenceCheck = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seeds": seeds = Int(arguments.popFirst() ?? "") ?? seeds
    case "--time-limit": timeLimit = Double(arguments.popFirst() ?? "")
    case "--no-start": useStart = false
    case "--no-chain": chain = false
    case "--cancel-after": cancelAfter = Double(arguments.popFirst() ?? "")
    case "--silence-check": silenceCheck = true
    case "--target": targetShare = Double(arguments.popFirst() ?? "") ?? targetShare
    default:
        guard let n = Int(argument), n > 0 else {
            print("usage: milp-bench [N ...] [--seeds K] [--time-limit S] [--no-start] [--no-chain] [--target SHARE] [--cancel-after S] [--silence-check]")
            exit(2)
        }
        sizes.append(n)
    }
}
if sizes.isEmpty { sizes = [300, 1000, 10000] }

/// `value` with `digits` decimals, padded on the right to `width`.
func column(_ value: Double, _ digits: Int, _ width: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    let text = digits == 0 ? String(Int64(scaled)) : {
        let whole = Int64(scaled) / Int64(scale), part = abs(Int64(scaled) % Int64(scale))
        let fraction = String(part)
        return (scaled < 0 && whole == 0 ? "-" : "") + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }()
    return column(text, width)
}

func column(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

if silenceCheck {
    // Solves that end every way a solve can end, printing nothing unless a status is unexpected:
    // a test runs this and requires empty stdout and stderr, so any output from CBC fails it.
    var failures: [String] = []
    func expect(_ what: String, _ status: Solution.Status, _ expected: Set<Solution.Status>) {
        if !expected.contains(status) { failures.append("\(what): \(status)") }
    }
    var knapsack = MixedIntegerProgram(sense: .maximize)
    let items = (1...30).map { knapsack.addBinary(objective: Double($0 * 7 % 31)) }
    knapsack.addConstraint(terms: items.map { ($0, Double($0.index * 5 % 17 + 1)) }, relation: .lessOrEqual, rhs: 60)
    expect("knapsack", knapsack.solve(timeLimit: 10).status, [.optimal])
    expect("knapsack with start", knapsack.solve(timeLimit: 10, initialSolution: Array(repeating: 1, count: 30)).status, [.optimal])
    var infeasible = MixedIntegerProgram()
    let y = infeasible.addBinary()
    infeasible.addConstraint(terms: [(y, 2)], relation: .equal, rhs: 1)
    expect("infeasible", infeasible.solve(timeLimit: 10).status, [.infeasible])
    var unbounded = MixedIntegerProgram(sense: .maximize)
    let u = unbounded.addContinuous(objective: 1)
    expect("unbounded", unbounded.solve(timeLimit: 10).status, [.unbounded])
    var lp = MixedIntegerProgram()
    let v = lp.addContinuous(lower: -.infinity, objective: 1)
    lp.addConstraint(terms: [(v, 1), (u, 0)], relation: .greaterOrEqual, rhs: 2)
    expect("lp", lp.solve(timeLimit: 10).status, [.optimal])
    // Market split: hard, so the time limit and the cancellation both stop it mid-search.
    var split = MixedIntegerProgram()
    var rng = SplitMix64(state: 9)
    let bits = (0..<50).map { _ in split.addBinary() }
    for _ in 0..<6 {
        let weights = bits.map { _ in Double(Int.random(in: 0...99, using: &rng)) }
        let over = split.addContinuous(objective: 1), under = split.addContinuous(objective: 1)
        split.addConstraint(
            terms: Array(zip(bits, weights)) + [(over, -1), (under, 1)], relation: .equal,
            rhs: (weights.reduce(0, +) / 2).rounded(.down))
    }
    expect("time limit", split.solve(timeLimit: 0.3).status, [.feasible, .noSolutionFound])
    let cancellation = SolveCancellation()
    let program = split
    let running = Task.detached { program.solve(timeLimit: 30, cancellation: cancellation) }
    try await Task.sleep(for: .milliseconds(200))
    cancellation.cancel()
    expect("cancelled", await running.value.status, [.cancelled])
    let portfolio = makePortfolio(facilities: 200, seed: 1, targetShare: 0.6)
    let result = portfolio.program.solveLexicographically(portfolio.objectives, timeLimit: 30, initialSolution: portfolio.greedy)
    if !result.allProvenOptimal { failures.append("lexicographic: \(result.stages.map(\.status))") }
    if !failures.isEmpty {
        let text = failures.joined(separator: "\n") + "\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        exit(1)
    }
    exit(0)
}

if let cancelAfter {
    // Cancellation latency: solve on another thread, cancel after `cancelAfter` s, time the return.
    print("N      seed  cancelled after  returned after cancel  status     stages")
    for n in sizes {
        for seed in 1...UInt64(seeds) {
            let portfolio = makePortfolio(facilities: n, seed: seed, targetShare: targetShare)
            let (program, objectives) = (portfolio.program, portfolio.objectives)
            let limit = timeLimit ?? 60
            let cancellation = SolveCancellation()
            let task = Task.detached {
                program.solveLexicographically(objectives, timeLimit: limit, cancellation: cancellation)
            }
            try await Task.sleep(for: .milliseconds(Int(cancelAfter * 1000)))
            let cancelled = clock.now
            cancellation.cancel()
            let result = await task.value
            let latency = seconds(clock.now - cancelled)
            print(
                column(String(n), 7) + column(String(seed), 6) + column(cancelAfter, 2, 17) + column(latency, 3, 23)
                    + column("\(result.solution.status)", 11) + "\(result.stages.map(\.status))")
        }
    }
    exit(0)
}

print("N      seed  build s  solve s  stages s              proven  AI MW     rent PV        MW")
var printedByCBC = 0
for n in sizes {
    let limit = timeLimit ?? (n >= 10000 ? 30 : 10)
    for seed in 1...UInt64(seeds) {
        let buildStart = clock.now
        let portfolio = makePortfolio(facilities: n, seed: seed, targetShare: targetShare)
        let build = seconds(clock.now - buildStart)
        var result: LexicographicSolution?
        var solve = 0.0
        printedByCBC += bytesPrinted {
            let solveStart = clock.now
            result = portfolio.program.solveLexicographically(
                portfolio.objectives, timeLimit: limit, initialSolution: useStart ? portfolio.greedy : nil,
                startFromPreviousStage: chain)
            solve = seconds(clock.now - solveStart)
        }
        guard let result else { continue }
        let stages = result.stages.map { column($0.seconds, 2, 0) }.joined()
        var line = column(String(n), 7) + column(String(seed), 6) + column(build, 3, 9) + column(solve, 3, 9)
        line += column(stages, 22) + column(result.allProvenOptimal ? "yes" : "no", 8)
        if let v = result.objectiveValues {
            line += column(v[0], 0, 10) + column(v[1], 0, 15) + column(v[2], 0, 0)
        } else {
            line += "no solution (\(result.solution.status))"
        }
        print(line)
    }
}
print("bytes CBC printed to stdout/stderr: \(printedByCBC)")

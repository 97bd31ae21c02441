import Testing

/// All MILP tests run one at a time: CBC solves take turns anyway (a process-wide lock), and the
/// cancellation test needs its solve to start at once rather than queue behind another.
@Suite(.serialized) enum MILP {}

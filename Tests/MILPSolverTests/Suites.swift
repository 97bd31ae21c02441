import Testing

/// All MILP tests run one at a time: CBC solves take turns anyway (a process-wide lock).
@Suite(.serialized) enum MILP {}

// The escaping rule lives in CapDashModel, so diagnostics use it too; every
// user of the renderers keeps seeing it here.
@_exported import enum CapDashModel.TerminalSafe

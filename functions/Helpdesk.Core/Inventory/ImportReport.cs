namespace Helpdesk.Core.Inventory;

/// <summary>
/// What an import did (or, in a dry run, would do): counts, each line that creates or changes an asset, and each
/// problem by line and field. Line numbers are the file's own (the header is line 1, a quoted line break counts).
/// </summary>
public sealed record ImportReport(
    bool DryRun,
    int Lines,
    int Created,
    int Updated,
    int Unchanged,
    int Invalid,
    IReadOnlyList<ImportChange> Changes,
    IReadOnlyList<ImportError> Errors);

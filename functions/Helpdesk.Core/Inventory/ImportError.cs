namespace Helpdesk.Core.Inventory;

/// <summary>Why a line (or the header, line 1) cannot be imported; <see cref="Field"/> is null when it is the whole line.</summary>
public sealed record ImportError(long Line, string? Field, string Error);

namespace Helpdesk.Core.Intake;

/// <summary>One run of the attachment sweep: blobs listed, kept (young, or referenced by their ticket), removed, and those that failed (retried next run).</summary>
public sealed record AttachmentSweepReport(int Scanned, int Kept, int Removed, int Failed);

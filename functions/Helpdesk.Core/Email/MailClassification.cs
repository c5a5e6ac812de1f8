namespace Helpdesk.Core.Email;

/// <summary>The kind of a mail and the rule that decided it (said on the timeline and in the logs).</summary>
public sealed record MailClassification(MailKind Kind, string Reason);

namespace Helpdesk.Core.Conversation;

/// <summary>A rendered requester mail: subject, plain text and HTML (every value escaped).</summary>
public sealed record RequesterMailContent(string Subject, string Text, string Html);

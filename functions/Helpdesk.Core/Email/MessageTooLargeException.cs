namespace Helpdesk.Core.Email;

/// <summary>A delivery grew past <see cref="InboundOptions.MaxMessageBytes"/> while it streamed: answered 413.</summary>
public sealed class MessageTooLargeException() : Exception("The message is larger than the inbound limit.");

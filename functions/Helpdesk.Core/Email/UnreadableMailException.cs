namespace Helpdesk.Core.Email;

/// <summary>Nothing usable can be read from a message (no header block, no sender): it goes to the poison queue with this reason, its raw bytes kept.</summary>
public sealed class UnreadableMailException(string message, Exception? inner = null) : Exception(message, inner);

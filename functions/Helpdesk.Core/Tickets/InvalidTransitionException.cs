namespace Helpdesk.Core.Tickets;

/// <summary>Raised when a command is not allowed in the ticket's current state; the message says why (HTTP 409).</summary>
public sealed class InvalidTransitionException(string message) : Exception(message);

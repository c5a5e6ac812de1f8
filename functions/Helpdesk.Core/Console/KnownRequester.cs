namespace Helpdesk.Core.Console;

/// <summary>Someone who opened a ticket, offered on the phone form (name and address as on their latest ticket).</summary>
public sealed record KnownRequester(string Name, string Email);

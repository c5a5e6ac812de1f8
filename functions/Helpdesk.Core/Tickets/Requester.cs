namespace Helpdesk.Core.Tickets;

/// <summary>The person who asked for help; <see cref="Language"/> decides the language of every mail to them.</summary>
public sealed record Requester(string Name, string Email, string? Phone, string Language);

namespace Helpdesk.Core.Email;

/// <summary>The answer to an accepted delivery: the id of the stored message (its SHA-256), for the provider's logs.</summary>
public sealed record AcceptedDto(string Status, string Id);

namespace Helpdesk.Core.Tickets;

/// <summary>The outcome of registering a ticket with its requester under an idempotency key.</summary>
public abstract record RequesterRegistration
{
    public sealed record Registered : RequesterRegistration;

    /// <summary>The key was used before: the earlier request's number, payload hash and creation time.</summary>
    public sealed record Duplicate(int Number, string PayloadHash, DateTimeOffset CreatedAt) : RequesterRegistration;
}

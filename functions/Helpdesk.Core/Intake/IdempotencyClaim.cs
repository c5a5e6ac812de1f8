namespace Helpdesk.Core.Intake;

/// <summary>An idempotency key claimed earlier: the number its request took, the hash of that request, and when.</summary>
public sealed record IdempotencyClaim(int Number, string PayloadHash, DateTimeOffset CreatedAt);

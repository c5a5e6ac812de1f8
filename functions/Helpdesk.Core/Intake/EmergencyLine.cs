namespace Helpdesk.Core.Intake;

/// <summary>
/// Whom a requester calls when it cannot wait: <paramref name="Name"/> on <paramref name="Phone"/> (when they answer:
/// <paramref name="Hours"/>), for <paramref name="Category"/> (wire name), or for anything else when it is null (the
/// reference IT contact).
/// </summary>
public sealed record EmergencyLine(string? Category, string Name, string Phone, string? Hours);
